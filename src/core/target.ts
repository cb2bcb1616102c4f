/**
 * What a person typed into "check my server": an email address, a mail domain, a server name or an IP
 * address. Pure, so the extension validates inline before any request and the service repeats the
 * same check at its boundary.
 */
import type { TargetKind } from './api';

export type ParsedTarget =
  | { ok: true; kind: TargetKind; value: string; domain: string; host: string }
  | { ok: false; message: string };

/** RFC 1035 §2.3.4: 253 characters in presentation form (255 octets on the wire). */
export const MAX_TARGET_LENGTH = 253;

/**
 * First labels that name a server rather than a mail domain. "smtp.example.com" is probed as it is;
 * "example.com" goes through discovery first (SRV, autoconfig, MX...).
 */
const SERVER_LABEL = /^(smtp|smtps|mail|mailout|mx|submission|relay|smtp-relay|smtpout|smtp-out|out|outgoing|outbound|mta|exchange|mailhost|post|send)\d*$/;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function fail(message: string): ParsedTarget {
  return { ok: false, message };
}

/** Loose IPv6 check (the exact address is re-checked by the server's guard); IPv4-mapped tails allowed. */
function isIpv6(value: string): boolean {
  if (!/^[0-9a-f:.]+$/.test(value) || !value.includes(':')) return false;
  const doubleColons = value.split('::').length - 1;
  if (doubleColons > 1) return false;
  let groups = value.split(':').filter((group) => group !== '');
  const last = groups[groups.length - 1];
  let groupCount = groups.length;
  if (last?.includes('.')) {
    if (!IPV4.test(last)) return false;
    groups = groups.slice(0, -1);
    groupCount += 1;
  }
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return false;
  return doubleColons === 1 ? groupCount < 8 : groupCount === 8;
}

/** Internationalised names become their xn-- form (the name DNS and certificates use). */
function toAscii(name: string): string | null {
  if (/^[!-~]*$/.test(name)) return name;
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return null;
  }
}

function checkDomainName(name: string, what: string): string | null {
  if (name.length > MAX_TARGET_LENGTH) return `The ${what} is longer than the 253 characters a domain name can have.`;
  const labels = name.split('.');
  if (labels.some((label) => label === '')) return `The ${what} "${name}" has an empty part between dots.`;
  for (const label of labels) {
    if (label.length > 63) return `The ${what} has a part longer than the 63 characters DNS allows.`;
    if (!LABEL.test(label)) {
      return `The ${what} "${name}" contains "${label}", which is not allowed: use letters, digits and hyphens (not at the start or end of a part).`;
    }
  }
  const top = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(top)) return `"${name}" is neither a valid IP address nor a domain name.`;
  return null;
}

/** The mail domain a server name belongs to: "smtp.example.com" → "example.com". */
function domainOfHost(host: string): string {
  const labels = host.split('.');
  if (labels.length > 2 && SERVER_LABEL.test(labels[0] ?? '')) return labels.slice(1).join('.');
  return host;
}

export function parseTarget(input: string): ParsedTarget {
  if (typeof input !== 'string') return fail('Enter an email address, a domain or a server name.');
  let text = input.trim();
  if (text === '') return fail('Enter an email address, a domain or a server name.');
  if (text.length > 1024) return fail(`That is longer than the ${MAX_TARGET_LENGTH} characters a domain name can have.`);

  // A copied "mailto:" link is an email address in disguise (RFC 6068); its query (?subject=...) goes.
  if (/^mailto:/i.test(text)) {
    text = text.slice('mailto:'.length).split('?')[0] ?? '';
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return fail('That mailto: link is not valid; type the email address instead.');
    }
    if (text.includes(',')) return fail('That mailto: link has several addresses; enter just one.');
    if (!text.includes('@')) return fail('That mailto: link has no email address in it.');
  }

  text = text.toLowerCase();
  if (/\s/.test(text)) return fail('Remove the spaces: a server name or email address has none.');
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text) || /^(https?|smtps?|submissions?|ftp|imaps?|pop3s?):/.test(text)) {
    return fail('Enter just the server name or email address, without "https://" or any other scheme.');
  }
  if (text.includes('/')) return fail('Enter just the server name, without a path ("/...").');
  if (text.length > MAX_TARGET_LENGTH) {
    return fail(`That is longer than the ${MAX_TARGET_LENGTH} characters a domain name can have.`);
  }

  if (text.includes('@')) {
    const at = text.lastIndexOf('@');
    const local = text.slice(0, at);
    let domain = text.slice(at + 1);
    if (local === '') return fail('The email address has nothing before the "@".');
    if (domain === '') return fail('The email address has nothing after the "@".');
    if (local.includes('@') && !/^".*"$/.test(local)) return fail('An email address has only one "@".');
    if (domain.startsWith('[') || IPV4.test(domain)) {
      return fail('Use an email address with a domain name after the "@", not an IP address.');
    }
    if (domain.includes(':')) return fail('An email address has no port; leave out the ":" and the number after it.');
    domain = domain.replace(/\.$/, '');
    const ascii = toAscii(domain);
    if (ascii === null) return fail(`The domain "${domain}" after the "@" is not valid.`);
    const problem = checkDomainName(ascii, 'domain after the "@"');
    if (problem) return fail(problem);
    if (!ascii.includes('.')) return fail(`The domain "${ascii}" after the "@" needs a dot, like example.com.`);
    return { ok: true, kind: 'email', value: `${local}@${ascii}`, domain: ascii, host: ascii };
  }

  // IPv6 literals: bare, or in brackets as in URLs; "[::1]:587" carries a port.
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return fail('The IPv6 address has no closing "]".');
    const rest = text.slice(close + 1);
    if (rest !== '') {
      return rest.startsWith(':')
        ? fail('Leave out the port: the check tries ports 25, 465 and 587 by itself.')
        : fail('There is extra text after the IPv6 address.');
    }
    const address = text.slice(1, close);
    if (!isIpv6(address)) return fail(`"${address}" is not a valid IPv6 address.`);
    return { ok: true, kind: 'host', value: address, domain: address, host: address };
  }
  if (isIpv6(text)) return { ok: true, kind: 'host', value: text, domain: text, host: text };
  if (text.includes(':')) {
    return /^[^:]+:\d*$/.test(text)
      ? fail('Leave out the port: the check tries ports 25, 465 and 587 by itself.')
      : fail(`"${text}" is not a valid server name or IPv6 address.`);
  }
  if (IPV4.test(text)) return { ok: true, kind: 'host', value: text, domain: text, host: text };

  const name = text.replace(/\.$/, '');
  const ascii = toAscii(name);
  if (ascii === null || ascii === '') return fail(`"${name}" is not a valid server name.`);
  const problem = checkDomainName(ascii, 'name');
  if (problem) return fail(problem);
  const labels = ascii.split('.');
  const isServer = labels.length === 1 || SERVER_LABEL.test(labels[0] ?? '');
  return {
    ok: true,
    kind: isServer ? 'host' : 'domain',
    value: ascii,
    domain: isServer ? domainOfHost(ascii) : ascii,
    host: ascii,
  };
}
