/**
 * A saved HTML file's bytes as text, in the encoding the page was written in, close to how a browser
 * decides it for a file (the WHATWG encoding sniffing, without the network's Content-Type header):
 * 1. a byte-order mark;
 * 2. a charset the container gave (an MHTML part's Content-Type), as an HTTP header would;
 * 3. the first `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` of the
 *    head whose label is known (comments, scripts, styles and the title skipped; up to the body or
 *    64 KiB, as Chromium keeps looking while it is in the head);
 * 4. else UTF-8 when the bytes are UTF-8 (a stray invalid byte or two in a page of valid UTF-8 does not
 *    count against it), else windows-1252, the web's default.
 * Browsers save a page as HTML in the bytes it came in, and many Japanese, Chinese, Korean and Russian
 * help pages are Shift_JIS, EUC-JP, GBK, Big5 or windows-1251: read as UTF-8 they would be noise to the
 * classifier. A page that names no encoding and is not UTF-8 is read as windows-1252: unlike a browser,
 * no statistical detector guesses Shift_JIS or GBK then.
 */

/** How far the meta scan looks at most. */
const SCAN_BYTES = 65_536;
const META = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
/** The charset named in a Content-Type value ("text/html; charset=EUC-JP"). */
const CHARSET_IN_CONTENT = /\bcharset\s*=\s*["']?\s*([^"'\s;]+)/i;
/** What cannot hold a meta that counts: comments, and the text of scripts, styles and the title. */
const NOT_MARKUP = /<!--[^]*?(?:-->|$)|<(script|style|title|textarea)\b[^>]*>[^]*?(?:<\/\1\s*>|$)/gi;
/** Where the head is over for certain. */
const BODY_START = /<body\b/i;

/** A tag's attributes by lower-case name (the first of a name counts, as in HTML). */
function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** The decoder for an encoding label, or null when TextDecoder does not know it. */
function decoderFor(label: string): TextDecoder | null {
  const name = label.trim().toLowerCase();
  try {
    // WHATWG maps x-user-defined to bytes as they are; windows-1252 is the nearest TextDecoder has.
    return new TextDecoder(name === 'x-user-defined' ? 'windows-1252' : name);
  } catch {
    return null;
  }
}

/** A label named in a page's own meta: UTF-16 there means UTF-8 (the bytes read so far were ASCII). */
function metaDecoder(label: string): TextDecoder | null {
  const decoder = decoderFor(label);
  return decoder !== null && decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
}

/** The first encoding label of the file's head that TextDecoder knows, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  let head = Buffer.from(bytes.subarray(0, SCAN_BYTES)).toString('latin1');
  const body = head.search(BODY_START);
  if (body >= 0) head = head.slice(0, body);
  head = head.replace(NOT_MARKUP, ' ');
  for (const match of head.matchAll(META)) {
    const attributes = attributesOf(match[1] ?? '');
    const direct = attributes.get('charset')?.trim();
    const named =
      direct ? direct
      : attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type' ? CHARSET_IN_CONTENT.exec(attributes.get('content') ?? '')?.[1]
      : undefined;
    if (named && metaDecoder(named) !== null) return named;
  }
  return null;
}

/**
 * Whether bytes that name no encoding are UTF-8: all valid, or valid multi-byte characters outnumbering
 * the invalid bytes ten to one (a page cut mid-character, or one stray byte from a template, is still
 * UTF-8; a Shift_JIS or windows-1252 page read as UTF-8 is mostly invalid).
 */
function looksUtf8(text: string): boolean {
  let invalid = 0;
  let wide = 0;
  for (const char of text) {
    if (char === '\ufffd') invalid += 1;
    else if (char.charCodeAt(0) > 0x7f) wide += 1;
  }
  return invalid === 0 || wide >= invalid * 10;
}

/**
 * The file's text and the encoding it was read in (WHATWG name, e.g. "shift_jis"). `declared` is a
 * charset the container gave (an MHTML part's Content-Type).
 */
export function decodeHtml(bytes: Uint8Array, declared: string | null = null): { html: string; encoding: string } {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8'
    : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le'
    : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be'
    : null;
  const decoder =
    bom !== null ? new TextDecoder(bom) // drops the mark itself
    : (declared === null ? null : decoderFor(declared)) ?? (() => {
        const named = metaCharset(bytes);
        return named === null ? null : metaDecoder(named);
      })();
  if (decoder !== null) return { html: decoder.decode(bytes), encoding: decoder.encoding };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (looksUtf8(utf8)) return { html: utf8, encoding: 'utf-8' };
  return { html: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}
