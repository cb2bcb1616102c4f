/**
 * A saved HTML file's bytes as text, in the encoding the page was written in, the way a browser decides
 * it (the WHATWG encoding sniffing, without the network's Content-Type): a byte-order mark first, then
 * a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1,024
 * bytes, else UTF-8 when the bytes are valid UTF-8, else windows-1252. Browsers save a page as HTML in
 * the bytes it came in, and many Japanese, Chinese, Korean and Russian help pages are in Shift_JIS,
 * EUC-JP, GBK, Big5, EUC-KR or windows-1251: read as UTF-8 they would be noise to the classifier.
 */

/** How far the meta prescan looks, as a browser's does. */
const PRESCAN_BYTES = 1024;
const META = /<meta\b([^>]*)>/gi;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
/** The charset named in a Content-Type value ("text/html; charset=EUC-JP"). */
const CHARSET_IN_CONTENT = /\bcharset\s*=\s*["']?\s*([^"'\s;]+)/i;

/** A tag's attributes by lower-case name (the first of a name counts, as in HTML). */
function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

/** The decoder for a label, or null when TextDecoder does not know it. UTF-16 named in a meta means UTF-8 (WHATWG). */
function decoderFor(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label.trim().toLowerCase());
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return null;
  }
}

/** The encoding a `<meta>` in the file's first bytes names, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const match of head.matchAll(META)) {
    const attributes = attributesOf(match[1] ?? '');
    const direct = attributes.get('charset')?.trim();
    if (direct) return direct;
    if (attributes.get('http-equiv')?.trim().toLowerCase() === 'content-type') {
      const named = CHARSET_IN_CONTENT.exec(attributes.get('content') ?? '')?.[1];
      if (named) return named;
    }
  }
  return null;
}

/**
 * The file's text and the encoding it was read in (WHATWG name, e.g. "shift_jis"). `declared` is a
 * charset the container gave (an MHTML part's Content-Type), which comes after a byte-order mark and
 * before the page's own meta, as an HTTP header would.
 */
export function decodeHtml(bytes: Uint8Array, declared: string | null = null): { html: string; encoding: string } {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8'
    : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le'
    : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be'
    : null;
  if (bom !== null) {
    const decoder = new TextDecoder(bom); // drops the mark itself
    return { html: decoder.decode(bytes), encoding: decoder.encoding };
  }
  const given = declared === null ? null : decoderFor(declared);
  if (given !== null) return { html: given.decode(bytes), encoding: given.encoding };
  const named = metaCharset(bytes);
  const decoder = named === null ? null : decoderFor(named);
  if (decoder !== null) return { html: decoder.decode(bytes), encoding: decoder.encoding };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { html: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
