/**
 * Reports that come from outside the extension, checked before use. Pure.
 * - `parsePastedReport`: what a customer pasted from `smtp-probe TARGET --json` (agent mode). The text
 *   comes from a chat, so it is untrusted and often wrapped in other lines (the prompt, the command itself,
 *   a greeting, npm's warnings): the report is taken from the first "{" (or a later line opening with one)
 *   to the last "}", parsed, and checked for shape. When there is no report, the CLI's error document or
 *   what the shell or npm printed says why, so the agent learns what failed on the customer's side.
 * - `parseNativeReply`: a reply of the local helper over native messaging (another program's output).
 */
import { API_ERROR_CODES, type ApiErrorCode, type ProbeReport } from '../../core/api';
import { cleanDeep, cleanText } from '../../core/sanitize';
import { isProbeReport } from './check-state';
import { isRecord } from '../platform/validate';

/** The CLI's report of four ports on two addresses is a few KiB; anything near this is not one report. */
export const MAX_PASTE_CHARS = 1_000_000;

/**
 * Why the customer's command gave no report, when what they pasted says so:
 * - `probe`: the CLI's own error document (`{"error": {code, message}}`, printed with --json when it fails);
 * - `no-node`: their shell found no npx (Node.js is not installed);
 * - `old-node`: npm warned that their Node.js is older than the package needs;
 * - `npm`: npm stopped before the CLI ran; `network` when it is one of npm's network or certificate codes.
 */
export type CustomerFailure =
  | { kind: 'probe'; code: ApiErrorCode | 'other'; message: string }
  | { kind: 'no-node' }
  | { kind: 'old-node'; version: string }
  | { kind: 'npm'; code: string; network: boolean };

export type PastedReport =
  | { ok: true; report: ProbeReport }
  | { ok: false; reason: 'empty' | 'too-large' | 'not-json' | 'not-report' }
  | { ok: false; reason: 'customer-failed'; failure: CustomerFailure };

/** How many places a report may start at ("{" opening a line) before the paste is given up on. */
const MAX_STARTS = 20;

/** The JSON value in a pasted terminal session: from the first "{", or else from a line that opens with one. */
function pastedJson(text: string): { found: boolean; value?: unknown } {
  const end = text.lastIndexOf('}');
  const first = text.indexOf('{');
  if (first < 0 || end < first) return { found: false };
  // npm's warnings print objects too ("Unsupported engine { package: … }") before the report, which the
  // CLI prints from the start of a line.
  const starts = [first, ...[...text.slice(first + 1, end).matchAll(/(?<=^|\n)[ \t]*\{/g)].map((match) => first + 1 + match.index)];
  for (const start of starts.slice(0, MAX_STARTS)) {
    try {
      return { found: true, value: JSON.parse(text.slice(start, end + 1)) };
    } catch {
      // the next start
    }
  }
  return { found: false };
}

/** The CLI's error document, with its code checked and its sentence cleaned and bounded. */
function probeFailure(value: unknown): CustomerFailure | null {
  if (!isRecord(value) || Object.keys(value).length !== 1 || !isRecord(value.error)) return null;
  const { code, message } = value.error;
  if (typeof code !== 'string' || typeof message !== 'string') return null;
  const known = (API_ERROR_CODES as readonly string[]).includes(code) ? (code as ApiErrorCode) : 'other';
  return { kind: 'probe', code: known, message: cleanText(message).trim().slice(0, 300) };
}

/** Shells' words for a command they cannot find (bash, zsh, fish, cmd.exe, PowerShell). */
const NO_NPX = [
  /\bnpx: (?:command )?not found/i,
  /command not found: npx\b/i,
  /unknown command:? ['"]?npx\b/i,
  /['"]npx['"] is not recognized as/i,
  /The term ['"]npx['"] is not recognized/i,
];
/** npm's codes for a registry it cannot reach or trust (a proxy, a firewall, a company's own certificate). */
const NETWORK_CODES = /^(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|E407|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_HAS_EXPIRED|ERR_SOCKET_TIMEOUT)$/;

/** What the shell or npm said when the command never got to run (only when no report was found). */
function shellFailure(text: string): CustomerFailure | null {
  if (NO_NPX.some((pattern) => pattern.test(text))) return { kind: 'no-node' };
  const npmCode = /^npm (?:ERR!|error) code ([A-Z][A-Z0-9_]{1,39})\s*$/m.exec(text)?.[1];
  if (npmCode) return { kind: 'npm', code: npmCode, network: NETWORK_CODES.test(npmCode) };
  // npm >= 9: "npm warn EBADENGINE Unsupported engine { …, current: { node: 'v18.19.0', npm: … } }".
  if (/EBADENGINE|Unsupported engine/.test(text)) {
    const version = /current:\s*\{\s*node:\s*'(v?\d{1,3}\.\d{1,3}\.\d{1,3})'/.exec(text)?.[1];
    if (version) return { kind: 'old-node', version };
  }
  return null;
}

export function parsePastedReport(text: string): PastedReport {
  if (text.length > MAX_PASTE_CHARS) return { ok: false, reason: 'too-large' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const json = pastedJson(trimmed);
  // Pasted text went through someone's terminal and clipboard: control and bidi characters are dropped
  // before anything of it is shown.
  if (json.found && isProbeReport(json.value)) return { ok: true, report: cleanDeep(json.value) };
  const failure = (json.found ? probeFailure(json.value) : null) ?? shellFailure(trimmed);
  if (failure) return { ok: false, reason: 'customer-failed', failure };
  return { ok: false, reason: json.found ? 'not-report' : 'not-json' };
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
