/**
 * Reads the `<outgoingServer type="smtp">` entries of a Thunderbird autoconfig file
 * (https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat).
 *
 * Deliberately not a general XML parser: the file comes from a stranger's web server, so a DOCTYPE (and
 * with it any entity definition, the "billion laughs" route) is refused outright, only the five predefined
 * entities and numeric references are decoded, and the input is capped before any pattern runs on it.
 */
import { isTcpPort, type Authentication, type Security, type Username } from '../../core/api';
import { checkHostName } from '../../core/host-name';
import { MAX_BODY_BYTES } from './http-fetch';

export interface OutgoingServerEntry {
  hostname: string;
  port: number;
  security: Security;
  authentication: Authentication;
  /** The published `<username>`, resolved against the address when there is one; null when absent or unreadable. */
  username: Username | null;
}

/** An `<incomingServer type="imap|pop3">` with SSL or STARTTLS (plain ones are left out). */
export interface IncomingServerEntry {
  protocol: 'imap' | 'pop3';
  hostname: string;
  port: number;
  security: 'tls' | 'starttls';
}

export type AutoconfigParse =
  | { ok: true; servers: OutgoingServerEntry[]; incoming: IncomingServerEntry[] }
  | { ok: false; message: string };

const SOCKET_TYPES: Record<string, Security> = { ssl: 'tls', starttls: 'starttls', plain: 'none' };

/** Values of `<authentication>`, as the config file format defines them. */
const AUTHENTICATIONS: Record<string, Authentication> = {
  'password-cleartext': 'password',
  'password-encrypted': 'encrypted-password',
  plain: 'password',
  secure: 'encrypted-password',
  ntlm: 'ntlm',
  gssapi: 'kerberos',
  oauth2: 'oauth2',
  'smtp-after-pop': 'smtp-after-pop',
  'client-ip-address': 'none',
  none: 'none',
  'tls-client-cert': 'client-cert',
};

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(raw: string): string {
  return raw
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,4});/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return PREDEFINED[name.toLowerCase()] ?? whole;
    })
    .trim();
}

/** Every `<tag>text</tag>` directly inside `body` (no nesting needed for these leaf elements). */
function leafValues(body: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*(?:<!\\[CDATA\\[[\\s\\S]*?\\]\\]>[^<]*)*)</${tag}\\s*>`, 'g');
  return Array.from(body.matchAll(pattern), (match) => decodeText(match[1] ?? ''));
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decodeText(match[2] ?? match[3] ?? '') : null;
}

/** A user name form worth showing: no spaces, no control or format characters (bidi overrides), not huge. */
const USERNAME_TEXT = /^[^\s\p{C}]{1,128}$/u;
const USERNAME_PLACEHOLDERS = /%EMAILADDRESS%|%EMAILLOCALPART%/g;

/**
 * `<username>` as published, with %EMAILDOMAIN% filled in from the person's own domain (`userDomain`,
 * not the provider's when the file came by way of the MX) and the rest resolved when the address is known.
 * A form with any other placeholder (%REALNAME%...) cannot be typed from what we know, so it is left out.
 */
function readUsername(published: string | undefined, userDomain: string, email: string | null): Username | null {
  if (published === undefined || !USERNAME_TEXT.test(published)) return null;
  const pattern = published.replace(/%EMAILDOMAIN%/g, userDomain);
  if (/%[A-Z]+%/.test(pattern.replace(USERNAME_PLACEHOLDERS, ''))) return null;
  const form = pattern === '%EMAILADDRESS%' ? 'address' : pattern === '%EMAILLOCALPART%' ? 'local-part' : 'other';
  const localPart = email ? email.slice(0, email.lastIndexOf('@')) : null;
  const value = !pattern.includes('%')
    ? pattern
    : email && localPart
      ? pattern.replace(USERNAME_PLACEHOLDERS, (name) => (name === '%EMAILADDRESS%' ? email : localPart))
      : null;
  return { form, pattern, value };
}

export function parseAutoconfig(xml: string, substitute: { domain: string; email: string | null; userDomain?: string }): AutoconfigParse {
  if (xml.length > MAX_BODY_BYTES) return { ok: false, message: 'The file is larger than 256 KiB.' };
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { ok: false, message: 'The file declares a DOCTYPE or entities, which are not read for safety.' };
  }
  if (!/<clientConfig[\s>]/.test(text)) return { ok: false, message: 'The file is not an autoconfig document (no <clientConfig>).' };

  const localPart = substitute.email ? substitute.email.slice(0, substitute.email.lastIndexOf('@')) : '';
  const servers: OutgoingServerEntry[] = [];
  for (const match of text.matchAll(/<outgoingServer\b([^>]*)>([\s\S]*?)<\/outgoingServer\s*>/g)) {
    if ((attribute(match[1] ?? '', 'type') ?? '').toLowerCase() !== 'smtp') continue;
    const body = match[2] ?? '';
    const hostname = (leafValues(body, 'hostname')[0] ?? '')
      .replace(/%EMAILDOMAIN%/g, substitute.domain)
      .replace(/%EMAILLOCALPART%/g, localPart);
    const port = Number(leafValues(body, 'port')[0]);
    const security = SOCKET_TYPES[(leafValues(body, 'socketType')[0] ?? '').toLowerCase()];
    // The format lists methods in the provider's order of preference; take the first one we know.
    const authentication = leafValues(body, 'authentication')
      .map((value) => AUTHENTICATIONS[value.toLowerCase()])
      .find((value) => value !== undefined);
    // The one host-name rule (core/host-name.ts): a disguised address or a broken name is skipped here.
    const host = checkHostName(hostname);
    if (!host.ok || !isTcpPort(port) || !security) continue;
    const username = readUsername(leafValues(body, 'username')[0], substitute.userDomain ?? substitute.domain, substitute.email);
    servers.push({ hostname: host.value, port, security, authentication: authentication ?? 'password', username });
  }
  if (servers.length === 0) return { ok: false, message: 'The file lists no usable SMTP outgoing server.' };
  const incoming: IncomingServerEntry[] = [];
  for (const match of text.matchAll(/<incomingServer\b([^>]*)>([\s\S]*?)<\/incomingServer\s*>/g)) {
    const protocol = (attribute(match[1] ?? '', 'type') ?? '').toLowerCase();
    if (protocol !== 'imap' && protocol !== 'pop3') continue;
    const body = match[2] ?? '';
    const host = checkHostName((leafValues(body, 'hostname')[0] ?? '').replace(/%EMAILDOMAIN%/g, substitute.domain));
    const port = Number(leafValues(body, 'port')[0]);
    const security = SOCKET_TYPES[(leafValues(body, 'socketType')[0] ?? '').toLowerCase()];
    if (!host.ok || !isTcpPort(port) || (security !== 'tls' && security !== 'starttls')) continue;
    incoming.push({ protocol, hostname: host.value, port, security });
  }
  return { ok: true, servers, incoming };
}
