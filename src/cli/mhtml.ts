/**
 * A page saved as MHTML ("Webpage, Single File" in Chromium and Edge): a MIME multipart/related
 * message whose first text/html part is the page, usually quoted-printable, with the page's address in
 * the part's Content-Location (or the message's Snapshot-Content-Location). `classify` reads the page
 * out of it; the images and styles beside it do not matter to the classifier.
 */

export interface MhtmlPage {
  /** The page's HTML as bytes, to be decoded like a saved HTML file (html-bytes.ts). */
  bytes: Uint8Array;
  /** The charset the part's Content-Type names, if any. */
  charset: string | null;
  /** Where the page was saved from, if the archive says. */
  address: string | null;
}

/** The header block before the first empty line, folded lines joined, names in lower case. */
function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** One parameter of a header value ("multipart/related; boundary=\"x\"" → x). */
function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function quotedPrintable(text: string): Uint8Array {
  const soft = text.replace(/=\r?\n/g, '');
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

/** How far into a file its MIME headers may reach; a saved HTML page is told apart within this much. */
const HEADER_BYTES = 16_384;

/** The page inside an MHTML archive, or null when the bytes are not one (or hold no HTML part). */
export function mhtmlPage(bytes: Uint8Array): MhtmlPage | null {
  // MIME headers and quoted-printable are ASCII; latin1 keeps every byte of an 8-bit part as one char.
  // Only the head is read until the file proves to be an archive, so an ordinary page costs little.
  const head = Buffer.from(bytes.subarray(0, HEADER_BYTES)).toString('latin1');
  const headerEnd = head.search(/\r?\n\r?\n/);
  if (headerEnd < 0) return null;
  const top = headersOf(head.slice(0, headerEnd));
  const type = top.get('content-type') ?? '';
  if (!/^multipart\/related\b/i.test(type)) return null;
  const boundary = parameter(type, 'boundary');
  if (!boundary) return null;
  const text = Buffer.from(bytes).toString('latin1');
  const parts = text.slice(headerEnd).split(`--${boundary}`).slice(1);
  for (const part of parts) {
    if (part.startsWith('--')) break; // the closing delimiter
    const body = part.replace(/^\r?\n/, '');
    const split = body.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const headers = headersOf(body.slice(0, split));
    const partType = headers.get('content-type') ?? 'text/plain';
    if (!/^text\/html\b/i.test(partType)) continue;
    const content = body.slice(split).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
    const decoded =
      encoding === 'quoted-printable' ? quotedPrintable(content)
      : encoding === 'base64' ? new Uint8Array(Buffer.from(content.replace(/\s+/g, ''), 'base64'))
      : new Uint8Array(Buffer.from(content, 'latin1'));
    return {
      bytes: decoded,
      charset: parameter(partType, 'charset'),
      address: headers.get('content-location') ?? top.get('snapshot-content-location') ?? null,
    };
  }
  return null;
}
