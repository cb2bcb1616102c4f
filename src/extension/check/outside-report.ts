/**
 * Reports that come from outside the extension, checked before use. Pure.
 * - `parsePastedReport`: what a customer pasted from `smtp-probe TARGET --json` (agent mode). The text
 *   comes from a chat, so it is untrusted and often wrapped in other lines (the prompt, the command itself,
 *   a greeting): the report is taken from the first "{" to the last "}", parsed, and checked for shape.
 * - `parseNativeReply`: a reply of the local helper over native messaging (another program's output).
 */
import type { ProbeReport } from '../../core/api';
import { cleanDeep, cleanText } from '../../core/sanitize';
import { isProbeReport } from './check-state';
import { isRecord } from '../platform/validate';

/** The CLI's report of four ports on two addresses is a few KiB; anything near this is not one report. */
export const MAX_PASTE_CHARS = 1_000_000;

export type PastedReport =
  | { ok: true; report: ProbeReport }
  | { ok: false; reason: 'empty' | 'too-large' | 'not-json' | 'not-report' };

export function parsePastedReport(text: string): PastedReport {
  if (text.length > MAX_PASTE_CHARS) return { ok: false, reason: 'too-large' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const start = trimmed.indexOf('{');
  const end = trimmed.lastIndexOf('}');
  if (start < 0 || end < start) return { ok: false, reason: 'not-json' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed.slice(start, end + 1));
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  // Pasted text went through someone's terminal and clipboard: control and bidi characters are dropped
  // before anything of it is shown.
  return isProbeReport(value) ? { ok: true, report: cleanDeep(value) } : { ok: false, reason: 'not-report' };
}

export type ParsedNativeReply = { type: 'result'; report: ProbeReport } | { type: 'error'; code: string; message: string };

/** A reply from the host, checked: a report with the shape the extension reads, or an error sentence. */
export function parseNativeReply(value: unknown): ParsedNativeReply | null {
  if (!isRecord(value)) return null;
  if (value.type === 'result') return isProbeReport(value.report) ? { type: 'result', report: cleanDeep(value.report) } : null;
  if (value.type === 'error' && typeof value.code === 'string' && typeof value.message === 'string') {
    return { type: 'error', code: cleanText(value.code.slice(0, 40)), message: cleanText(value.message.slice(0, 500)) };
  }
  return null;
}
