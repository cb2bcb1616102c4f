import type { PortResult, Recommendation, Security } from '../api';

/**
 * The other good submission setting (RFC 8314): implicit TLS on 465 when the first choice is 587
 * (or anything else), STARTTLS on 587 when it is 465. What to try when the first one fails.
 */
export function otherSubmission(port: number): { port: number; security: Security } {
  return port === 465 ? { port: 587, security: 'starttls' } : { port: 465, security: 'tls' };
}

/** A port and its security, as a fallback to try. */
export interface Submission {
  port: number;
  security: Security;
}

/** The ports a mail program submits on with a login; 25 is for servers (relay, often blocked), never advised. */
export const SUBMISSION_PORTS: ReadonlySet<number> = new Set([465, 587, 2525]);

/**
 * What a server check found beside the port it recommends: the submission ports it tried where no
 * address took an encrypted session (`failed`), and the other port that works (`alternative`).
 */
export interface CheckedFallback {
  failed: number[];
  alternative: Submission | null;
}

/**
 * The check's fallback, from its report's ports and its recommendation (held against the customer's
 * network), with the ports that do not get through from there (`blockedHere`) counted as not working.
 */
export function checkedFallback(
  ports: readonly Pick<PortResult, 'port' | 'state' | 'security'>[],
  recommendation: Pick<Recommendation, 'port' | 'alternative'>,
  blockedHere: readonly number[] = [],
): CheckedFallback {
  const works = (port: number) => !blockedHere.includes(port) && ports.some((result) => result.port === port && result.state === 'ok' && result.security !== 'none');
  const failed = [...new Set(ports.map((result) => result.port))].filter((port) => SUBMISSION_PORTS.has(port) && port !== recommendation.port && !works(port));
  return { failed: failed.sort((a, b) => a - b), alternative: recommendation.alternative };
}

/**
 * The port to try when `port` fails: the one a check found working; null when the check found the usual
 * other port not working and no alternative; else (no check, or one that did not find that port failing:
 * not tried, or working with a login of another kind) the usual one.
 */
export function fallbackFor(port: number, checked: CheckedFallback | undefined): Submission | null {
  const usual = otherSubmission(port);
  if (!checked) return usual;
  if (checked.alternative) return checked.alternative;
  return checked.failed.includes(usual.port) ? null : usual;
}
