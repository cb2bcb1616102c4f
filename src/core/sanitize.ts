/**
 * Text that came from someone else's server (a banner, an EHLO line, an AUTH list, a certificate's
 * names, an autoconfig file) is shown to people: in a terminal by the CLI and in the extension's pages.
 * A terminal obeys control characters, so a certificate named `\e]0;TITLE\a\e[2J` would set the window
 * title and clear the screen; bidi overrides and isolates reorder what is displayed, so a name can be
 * made to read as another. Both are removed here, once where the text enters a report and again where
 * anything is printed. Pure, so the service, the CLI and the extension share it.
 */

/**
 * The characters removed, as code point ranges: the C0 controls, DEL and the C1 controls (U+009B is a
 * one-character CSI for terminals that take 8-bit controls), the Arabic letter mark, the left-to-right
 * and right-to-left marks, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
 */
const UNSAFE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x61c, 0x61c],
  [0x200e, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

function characterClass(ranges: ReadonlyArray<readonly [number, number]>): string {
  const escape = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  return `[${ranges.map(([from, to]) => (from === to ? escape(from) : `${escape(from)}-${escape(to)}`)).join('')}]`;
}

const UNSAFE = new RegExp(characterClass(UNSAFE_RANGES), 'g');
const UNSAFE_TEST = new RegExp(characterClass(UNSAFE_RANGES));
/** The same set minus the line feed, for text we lay out in lines ourselves. */
const UNSAFE_EXCEPT_NEWLINE = new RegExp(characterClass([[0x00, 0x09], [0x0b, 0x1f], ...UNSAFE_RANGES.slice(1)]), 'g');
/** What JSON.stringify leaves raw but a terminal may act on: DEL, C1 and the bidi controls. */
const RAW_IN_JSON = new RegExp(characterClass(UNSAFE_RANGES.slice(1)), 'g');

export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/**
 * One field of server-supplied text, safe to show: tabs and line breaks become a space (a field is one
 * line), every other control and bidi character is dropped.
 */
export function cleanText(text: string): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(/[\t\r\n]+/g, ' ').replace(UNSAFE, '');
}

/**
 * Every string inside a JSON-like value cleaned with `cleanText` (keys too), as a new value; numbers,
 * booleans and null pass through. Used on a port result or a discovery result as it enters a report.
 */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[cleanText(key)] = cleanDeep(item);
    return out as T;
  }
  return value;
}

/** Text we lay out in lines (the CLI's report, its one-line errors), made safe for a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_EXCEPT_NEWLINE, '');
}

const asEscape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text we did not write (a file name from the command line) for a message, every control and bidi
 * character written as a \u escape: shown to the reader, not obeyed by the terminal, and not dropped,
 * so the reader can tell which name was meant.
 */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, asEscape);
}

/**
 * A value as JSON for a terminal: the same document (it parses to the same value), with the characters
 * JSON.stringify would leave raw, DEL, C1 and bidi controls, written as \u escapes.
 */
export function terminalJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, asEscape);
}
