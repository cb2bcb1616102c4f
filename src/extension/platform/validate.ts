/**
 * The shape checks every boundary of the extension shares: stored items, messages from content
 * scripts, options files and the probe service's answers are all untrusted input.
 */
import { checkHostName } from '../../core/host-name';

export { isRecord } from '../../core/report-shape';

/** A client or step id as the client files write them (kebab-case, bounded). */
export const ID_PATTERN = /^[a-z0-9-]{1,64}$/;

/** `null`, or a string matching `pattern`; `undefined` means the value fails the check. */
export function nullOr(value: unknown, pattern: RegExp): string | null | undefined {
  if (value === null) return null;
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/**
 * A host name or IP address a page or storage hands over, by the one rule (core/host-name.ts), in its
 * canonical form; `null` passes as null, `undefined` means the value fails the check.
 */
export function hostOrNull(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'string') return undefined;
  const checked = checkHostName(value);
  return checked.ok ? checked.value : undefined;
}
