/**
 * Internationalised names as people write them. Every name inside the project is in its xn-- form
 * (host-name.ts), which is what DNS, the probe and the mail programs use; a person who typed
 * "ana@bücher.de" reads "bücher.de" back, with the xn-- form beside it wherever a server name is one
 * to type. Pure (no Node modules), so the extension shares it.
 *
 * Only a name that turns back into exactly the same xn-- form (URL host parsing, UTS 46) and whose
 * labels hold letters, marks and digits of one alphabet is shown in Unicode. Symbols, broken labels and
 * a label that mixes Latin, Cyrillic or Greek letters (the look-alike "аpple" with a Cyrillic а, as
 * browsers' address bars judge it) keep the xn-- form. So does a label written wholly in Cyrillic or
 * Greek letters that each look like a Latin one ("раура1" is not "paypal"), unless the name ends in a
 * top-level domain where that alphabet is at home (".рф", ".ru", ".bg", ".gr"), where such names are the
 * local spelling.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_CODE_POINT = 0x10ffff;

/** RFC 3492 6.1. */
function adapt(delta: number, points: number, first: boolean): number {
  let value = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  value += Math.floor(value / points);
  let k = 0;
  while (value > ((BASE - T_MIN) * T_MAX) >> 1) {
    value = Math.floor(value / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * value) / (value + SKEW));
}

/** a–z are 0–25 and 0–9 are 26–35 (RFC 3492 5); anything else is no digit. */
function digitOf(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  return BASE;
}

/** The Unicode text of one label's Punycode part (after "xn--"), or null when it is not valid Punycode (RFC 3492 6.2). */
export function decodePunycode(input: string): string | null {
  const delimiter = input.lastIndexOf('-');
  const basic = delimiter < 0 ? '' : input.slice(0, delimiter);
  // The basic part of a host name label is letters, digits and hyphens.
  if (!/^[a-z0-9-]*$/i.test(basic)) return null;
  const output = [...basic].map((char) => char.codePointAt(0)!);
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  let at = delimiter < 0 ? 0 : delimiter + 1;
  while (at < input.length) {
    const before = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (at >= input.length) return null;
      const digit = digitOf(input[at++]!);
      if (digit >= BASE) return null;
      i += digit * weight;
      if (i > Number.MAX_SAFE_INTEGER) return null;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      weight *= BASE - threshold;
    }
    const points = output.length + 1;
    bias = adapt(i - before, points, before === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** What URL host parsing makes of a name (UTS 46: lower case, NFC, xn--), or null when it refuses it. */
function asciiOf(name: string): string | null {
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return null;
  }
}

/** Letters, marks and digits of any script, and the hyphen: what the labels of a real name hold. */
const READABLE_LABEL = /^[\p{L}\p{M}\p{Nd}-]+$/u;
/** The alphabets whose letters look alike; one label uses at most one of them. */
const LOOK_ALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

function readableLabel(text: string): boolean {
  return READABLE_LABEL.test(text) && LOOK_ALIKE_SCRIPTS.filter((script) => script.test(text)).length <= 1;
}

/**
 * Lower-case Cyrillic and Greek letters that read as a Latin letter in common fonts (а a, с c, ԁ d, е e,
 * һ h, і i, ј j, ӏ l, о o, р p, ԛ q, ѕ s, у y, ү y, х x, ԝ w, ѡ w, ѵ v, ԍ g; ο o, α a, ρ p, ν v, ι i,
 * κ k, υ u, χ x, ϲ c, ϳ j).
 */
const CYRILLIC_LIKE_LATIN = new Set('асԁеһіјӏорԛѕуүхԝѡѵԍ');
const GREEK_LIKE_LATIN = new Set('οαρνικυχϲϳ');

/**
 * Top-level domains where names in the alphabet are at home: its own-script ones, and the country domains
 * (and .eu) whose registries take names in it.
 */
const CYRILLIC_HOMES = new Set(['ru', 'su', 'by', 'bg', 'kz', 'kg', 'mk', 'mn', 'rs', 'tj', 'ua', 'uz', 'ba', 'me', 'eu']);
const GREEK_HOMES = new Set(['gr', 'cy', 'eu']);

const LOOK_ALIKE_ALPHABETS = [
  { script: /\p{Script=Cyrillic}/u, lookAlikes: CYRILLIC_LIKE_LATIN, homes: CYRILLIC_HOMES },
  { script: /\p{Script=Greek}/u, lookAlikes: GREEK_LIKE_LATIN, homes: GREEK_HOMES },
];

/** A label of Cyrillic or Greek letters only, every one of which reads as a Latin letter, away from that alphabet's home: "раура1.com" passes for "paypal". */
function wholeScriptLookAlike(text: string, topLevel: string): boolean {
  const letters = [...text].filter((char) => /\p{L}/u.test(char));
  if (letters.length === 0) return false;
  return LOOK_ALIKE_ALPHABETS.some(
    ({ script, lookAlikes, homes }) =>
      letters.every((char) => script.test(char) && lookAlikes.has(char)) && !script.test(topLevel) && !homes.has(topLevel),
  );
}

/**
 * The Unicode form of an xn-- name ("xn--bcher-kva.de" → "bücher.de"), or null when it has no xn--
 * label or its Unicode form is not one to show (see the top of the file).
 */
export function unicodeHost(ascii: string): string | null {
  const name = ascii.toLowerCase();
  const labels = name.split('.');
  if (!labels.some((label) => label.startsWith('xn--'))) return null;
  const decoded: string[] = [];
  for (const label of labels) {
    if (!label.startsWith('xn--')) {
      decoded.push(label);
      continue;
    }
    const text = decodePunycode(label.slice(4));
    if (text === null || text === '' || !readableLabel(text)) return null;
    decoded.push(text);
  }
  const last = decoded[decoded.length - 1]!;
  if (decoded.some((text, index) => labels[index]!.startsWith('xn--') && wholeScriptLookAlike(text, last))) return null;
  const unicode = decoded.join('.');
  return asciiOf(unicode) === name ? unicode : null;
}

/** A name or email address to read: its domain in Unicode when it has a form to show, else as it is. */
export function readableHost(ascii: string): string {
  const at = ascii.lastIndexOf('@');
  if (at >= 0) return `${ascii.slice(0, at + 1)}${readableHost(ascii.slice(at + 1))}`;
  return unicodeHost(ascii) ?? ascii;
}

/** A name to read and to type: "bücher.de (xn--bcher-kva.de)" for an internationalised one, else the name. */
export function hostBothWays(ascii: string): string {
  const unicode = unicodeHost(ascii);
  return unicode === null ? ascii : `${unicode} (${ascii})`;
}
