/**
 * The one rule for a host name or IP address, wherever one is typed, configured, read from a file or
 * received: the target parser, the service's guard, the options and policy, the extension's stored
 * and passed values, and the autoconfig reader. Pure (no Node modules), so the extension shares it.
 *
 * - A name is LDH labels (RFC 1123 2.1) of 1–63 characters, at most 253 in all, lower-cased, without
 *   the trailing dot; internationalised names become their xn-- form (UTS 46, as URL parsing does).
 * - An IPv4 address is accepted only in its usual dotted form (four decimal numbers, no leading zeros).
 *   Everything that operating systems and URL parsers also read as an address (`2130706433`,
 *   `0177.0.0.1`, `0x7f.1`, `127.1`, `127.0.0.0x1`, `127.0.0.1.`, full-width digits) is refused as a
 *   disguised address, saying which address it is: such a spelling only ever hides one.
 * - An IPv6 address is accepted bare or in brackets, without a zone index, and comes back in its
 *   canonical compressed form.
 */

export type HostNameKind = 'name' | 'ipv4' | 'ipv6';

export type HostNameProblem = 'empty' | 'too-long' | 'label-too-long' | 'empty-label' | 'bad-character' | 'not-an-address' | 'disguised-ip' | 'zone-index' | 'bad-ipv6' | 'port' | 'url';

export type HostNameCheck =
  | { ok: true; kind: HostNameKind; value: string }
  | { ok: false; problem: HostNameProblem; message: string; /** The address a disguised form stands for. */ address?: string };

/** RFC 1035 2.3.4: 253 characters in text form; 63 per label. */
export const MAX_HOST_NAME = 253;
const MAX_LABEL = 63;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const CANONICAL_IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** WHATWG URL host parsing reads a name whose last label is a number (decimal, 0x hex) as IPv4. */
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/;

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function fail(problem: HostNameProblem, message: string, address?: string): HostNameCheck {
  return address === undefined ? { ok: false, problem, message } : { ok: false, problem, message, address };
}

/** One part of an inet_aton-style address: decimal, octal with a leading 0, or hex with 0x. */
function numberPart(part: string): number | null {
  if (/^0x[0-9a-f]*$/.test(part)) return part.length === 2 ? 0 : parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return parseInt(part.slice(1), 8);
  if (/^\d+$/.test(part)) return /^0\d/.test(part) ? null : Number(part);
  return null;
}

/** The address an inet_aton / WHATWG reading gives `text` (one to four parts, the last one fills the rest), or null. */
export function decodeLooseIpv4(text: string): string | null {
  const parts = text.replace(/\.$/, '').split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const numbers = parts.map(numberPart);
  if (numbers.some((value) => value === null || !Number.isFinite(value))) return null;
  const values = numbers as number[];
  const last = values[values.length - 1]!;
  if (values.slice(0, -1).some((value) => value > 255)) return null;
  if (last >= 256 ** (5 - values.length)) return null;
  let address = last;
  values.slice(0, -1).forEach((value, index) => {
    address += value * 256 ** (3 - index);
  });
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** Loose shape check; the exact reading (and the canonical form) comes from URL's own IPv6 parser. */
function canonicalIpv6(text: string): string | null {
  if (!/^[0-9a-f:.]+$/.test(text) || !text.includes(':')) return null;
  try {
    const host = new URL(`http://[${text}]/`).hostname;
    return host.slice(1, -1);
  } catch {
    return null;
  }
}

/** Internationalised names become their xn-- form; full-width dots and letters are mapped (UTS 46). */
function toAscii(name: string): string | null {
  if (/^[!-~]*$/.test(name)) return name;
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * Checks a host name or IP address. `what` names it in messages ("server name", "outgoing server"...).
 */
export function checkHostName(input: string, what = 'server name'): HostNameCheck {
  if (typeof input !== 'string') return fail('empty', `The ${what} is missing.`);
  const raw = input.trim();
  if (raw === '') return fail('empty', `The ${what} is empty; type a name such as smtp.example.com.`);
  if (raw.length > 2 * MAX_HOST_NAME) return fail('too-long', `The ${what} is longer than ${MAX_HOST_NAME} characters, the most a domain name can have.`);
  let text = raw.toLowerCase();

  // A web address pasted whole ("https://mail.example.com/"): say so, not that it is a broken IPv6 address.
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) return fail('url', `"${shorten(raw)}" is a web address; type the ${what} alone, such as smtp.example.com.`);

  // IPv6, bare or in brackets as in URLs; an IPv4 address in brackets is SMTP's address literal (RFC 5321 4.1.3).
  const bracketed = text.startsWith('[') && text.endsWith(']');
  if (bracketed) text = text.slice(1, -1);
  if (bracketed && CANONICAL_IPV4.test(text)) return { ok: true, kind: 'ipv4', value: text };
  if (text.includes('%') && text.includes(':')) return fail('zone-index', `"${shorten(raw)}" carries an IPv6 zone index, which only makes sense on the local network.`);
  // One colon and a number after it is a name with its port ("smtp.example.com:587"): an IPv6 address
  // has at least two colons.
  if (!bracketed && /^[^:]+:\d{1,5}$/.test(text)) {
    return fail('port', `"${shorten(raw)}" includes a port; type the ${what} alone (the port is set apart).`);
  }
  if (bracketed || text.includes(':')) {
    const address = canonicalIpv6(text);
    return address === null ? fail('bad-ipv6', `"${shorten(raw)}" is not a valid IPv6 address.`) : { ok: true, kind: 'ipv6', value: address };
  }

  if (CANONICAL_IPV4.test(text)) return { ok: true, kind: 'ipv4', value: text };
  // URL parsing (used below for non-ASCII names) would silently drop tabs and cut at "/", "?", "#" or
  // "@", so an ASCII character outside letters, digits, dots and hyphens is refused before it.
  const stray = [...text].find((char) => char.charCodeAt(0) < 0x80 && !/[a-z0-9.-]/.test(char));
  if (stray !== undefined && !/^[!-~]*$/.test(text)) {
    return fail('bad-character', `"${shorten(raw)}" is not a valid ${what}; check for spaces or stray characters.`);
  }
  const ascii = toAscii(text);
  if (ascii === null || ascii === '') return fail('bad-character', `"${shorten(raw)}" is not a valid ${what}; check for spaces or stray characters.`);
  const labels = ascii.replace(/\.$/, '').split('.');
  if (NUMERIC_LABEL.test(labels[labels.length - 1] ?? '') || (ascii !== text && CANONICAL_IPV4.test(ascii))) {
    const address = CANONICAL_IPV4.test(ascii) ? ascii : decodeLooseIpv4(ascii);
    if (address === null) return fail('not-an-address', `"${shorten(raw)}" is neither a valid IP address nor a valid ${what}.`);
    return fail('disguised-ip', `"${shorten(raw)}" is the IP address ${address} written in an unusual form; type ${address} if that is the server you mean.`, address);
  }

  const name = ascii.endsWith('.') ? ascii.slice(0, -1) : ascii;
  if (name.length > MAX_HOST_NAME) return fail('too-long', `The ${what} is longer than ${MAX_HOST_NAME} characters, the most a domain name can have.`);
  for (const label of name.split('.')) {
    if (label === '') return fail('empty-label', `The ${what} "${shorten(raw)}" has an empty part between dots.`);
    if (label.length > MAX_LABEL) return fail('label-too-long', `The ${what} has a part, "${shorten(label)}", longer than ${MAX_LABEL} characters, the limit for one part of a name.`);
    if (!LDH_LABEL.test(label)) {
      return fail('bad-character', `The ${what} "${shorten(raw)}" contains "${shorten(label)}", which is not allowed: use letters, digits and hyphens (not at the start or end of a part).`);
    }
  }
  return { ok: true, kind: 'name', value: name };
}

/** RFC 6761 6.3: "localhost" and every name under it mean this computer, whatever DNS says. */
export function isLocalhostName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}
