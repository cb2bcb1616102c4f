/**
 * A page saved as MHTML ("Webpage, Single File" in Chromium and Edge; `.mht` from older tools): a MIME
 * multipart/related message whose first HTML part is the page, usually quoted-printable, with the
 * page's address in the part's Content-Location (or the message's Snapshot-Content-Location).
 * `classify` reads the page out of it; the images and styles beside it do not matter to the classifier.
 * Nested multiparts (a multipart/alternative inside, as Word and Outlook write) are looked into.
 */
import { webAddress } from './page-address';

export interface MhtmlPage {
  /** The page's HTML as bytes, to be decoded like a saved HTML file (html-bytes.ts). */
  bytes: Uint8Array;
  /** The charset the part's Content-Type names, if any. */
  charset: string | null;
  /** Where the page was saved from, if the archive says (an absolute http(s) address). */
  address: string | null;
}

/** A file that is a MIME archive but holds no HTML page to read. */
export class ArchiveError extends Error {}

/** How far a header block may reach before the file is taken not to start with one. */
const HEADER_LIMIT = 262_144;
const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)\b/i;
const URL_HEADERS = new Set(['content-location', 'snapshot-content-location']);

/** A header block: folded lines joined (without the fold's spaces in addresses), names in lower case. */
function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // A private-use character marks where a line was folded: it cannot be in a MIME header.
  for (const line of block.replace(/\r?\n(?=[ \t])/g, '\ue000').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).replace(/\ue000[ \t]+/g, URL_HEADERS.has(name) ? '' : ' ').trim();
    if (!headers.has(name)) headers.set(name, value);
  }
  return headers;
}

/** One parameter of a header value ("multipart/related; boundary=\"x\"" → x). */
function parameter(value: string, name: 'boundary' | 'charset'): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function quotedPrintable(text: string): Uint8Array {
  const soft = text.replace(/=[ \t]*\r?\n/g, '');
  const bytes = new Uint8Array(soft.length);
  let length = 0;
  for (let index = 0; index < soft.length; index += 1) {
    const char = soft.charCodeAt(index);
    const hex = char === 0x3d ? soft.slice(index + 1, index + 3) : '';
    if (hex.length === 2 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes[length++] = Number.parseInt(hex, 16);
      index += 2;
    } else bytes[length++] = char & 0xff;
  }
  return bytes.subarray(0, length);
}

/** Where a header block ends (the index of its empty line) within `limit` bytes, or -1. */
function headerEnd(bytes: Buffer, from: number, limit: number): { end: number; gap: number } | null {
  const slice = bytes.subarray(from, Math.min(bytes.length, from + limit));
  const crlf = slice.indexOf('\r\n\r\n');
  const lf = slice.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return null;
  return crlf >= 0 && (lf < 0 || crlf <= lf) ? { end: from + crlf, gap: 4 } : { end: from + lf, gap: 2 };
}

/** The HTML part of a multipart body (bytes between the outer headers and the end), looked for in order. */
function htmlPart(bytes: Buffer, start: number, stop: number, boundary: string, depth: number): Omit<MhtmlPage, 'address'> & { location: string | null } | null {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let at = bytes.indexOf(delimiter, start);
  while (at >= 0 && at < stop) {
    const afterDelimiter = at + delimiter.length;
    if (bytes[afterDelimiter] === 0x2d && bytes[afterDelimiter + 1] === 0x2d) return null; // the closing one
    const next = bytes.indexOf(delimiter, afterDelimiter);
    const end = next < 0 || next > stop ? stop : next;
    const partStart = bytes[afterDelimiter] === 0x0d ? afterDelimiter + 2 : afterDelimiter + 1;
    const split = headerEnd(bytes, partStart, Math.max(0, end - partStart));
    if (split !== null) {
      const headers = headersOf(bytes.subarray(partStart, split.end).toString('latin1'));
      const type = headers.get('content-type') ?? 'text/plain';
      const nested = parameter(type, 'boundary');
      if (/^multipart\//i.test(type) && nested && depth < 3) {
        const inner = htmlPart(bytes, split.end + split.gap, end, nested, depth + 1);
        if (inner !== null) return { ...inner, location: inner.location ?? headers.get('content-location') ?? null };
      } else if (HTML_TYPE.test(type)) {
        // The line break before the next delimiter belongs to the delimiter.
        const content = bytes.subarray(split.end + split.gap, end).toString('latin1').replace(/\r?\n$/, '');
        const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
        const decoded =
          encoding === 'quoted-printable' ? quotedPrintable(content)
          : encoding === 'base64' ? new Uint8Array(Buffer.from(content.replace(/\s+/g, ''), 'base64'))
          : new Uint8Array(Buffer.from(content, 'latin1'));
        return { bytes: decoded, charset: parameter(type, 'charset'), location: headers.get('content-location') ?? null };
      }
    }
    at = next;
  }
  return null;
}

/**
 * The page inside an MHTML archive; null when the file is not a MIME message (an ordinary page). A
 * MIME multipart message that holds no HTML page throws ArchiveError, so that it is not read as one.
 */
export function mhtmlPage(input: Uint8Array): MhtmlPage | null {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // A MIME message starts with a header line ("From: <Saved by Blink>", "MIME-Version: 1.0"…).
  if (!/^[A-Za-z][A-Za-z0-9-]*:/.test(bytes.subarray(0, 80).toString('latin1'))) return null;
  const split = headerEnd(bytes, 0, HEADER_LIMIT);
  if (split === null) return null;
  const top = headersOf(bytes.subarray(0, split.end).toString('latin1'));
  const type = top.get('content-type') ?? '';
  if (!/^multipart\//i.test(type)) return null;
  const boundary = parameter(type, 'boundary');
  if (!boundary) throw new ArchiveError('a MIME archive whose Content-Type names no boundary');
  const part = htmlPart(bytes, split.end + split.gap, bytes.length, boundary, 0);
  if (part === null) throw new ArchiveError('a MIME archive with no HTML page in it');
  return {
    bytes: part.bytes,
    charset: part.charset,
    address: webAddress(part.location) ?? webAddress(top.get('snapshot-content-location')),
  };
}
