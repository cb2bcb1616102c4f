/**
 * What a person typed into "check my server": an email address, a mail domain, a server name or an IP
 * address. Pure, so the extension validates inline before any request and the service repeats the
 * same check at its boundary.
 */
import type { TargetKind } from './api';
import { checkHostName, isLocalhostName, type HostNameProblem } from './host-name';
import { hasUnsafeText } from './sanitize';

/**
 * Why a target was refused, for a program to word in its own language: the host-name rule's problems
 * and the target's own. `message` says the same in English for the CLI and the service.
 */
export type TargetFault =
  | HostNameProblem
  | 'missing' | 'mailto-invalid' | 'mailto-several' | 'mailto-empty' | 'spaces' | 'control-characters' | 'scheme' | 'path'
  | 'email-no-local' | 'email-no-domain' | 'email-two-at' | 'email-ip' | 'email-port' | 'email-no-dot' | 'email-localhost'
  | 'ipv6-unclosed' | 'port' | 'ipv6-extra';

export type ParsedTarget =
  | { ok: true; kind: TargetKind; value: string; domain: string; host: string }
  | { ok: false; fault: TargetFault; message: string };

/** RFC 1035 §2.3.4: 253 characters in presentation form (255 octets on the wire). */
export const MAX_TARGET_LENGTH = 253;

/**
 * First labels that name a server rather than a mail domain. "smtp.example.com" is probed as it is;
 * "example.com" goes through discovery first (SRV, autoconfig, MX...).
 */
const SERVER_LABEL = /^(smtp|smtps|mail|mailout|mx|submission|relay|smtp-relay|smtpout|smtp-out|out|outgoing|outbound|mta|exchange|mailhost|post|send)\d*$/;

function fail(fault: TargetFault, message: string): ParsedTarget {
  return { ok: false, fault, message };
}

/** The mail domain a server name belongs to: "smtp.example.com" → "example.com". */
function domainOfHost(host: string): string {
  const labels = host.split('.');
  if (labels.length > 2 && SERVER_LABEL.test(labels[0] ?? '')) return labels.slice(1).join('.');
  return host;
}

export function parseTarget(input: string): ParsedTarget {
  if (typeof input !== 'string') return fail('missing', 'Enter an email address, a domain or a server name.');
  let text = input.trim();
  if (text === '') return fail('missing', 'Enter an email address, a domain or a server name.');
  if (text.length > 1024) return fail('too-long', `That is longer than the ${MAX_TARGET_LENGTH} characters a domain name can have.`);

  // Copied from a mail header or an address book: in "Ana Ruiz <ana@example.com>" the address is in the brackets.
  const named = /^[^<>]*<([^<>]+)>$/.exec(text);
  if (named) text = named[1]!.trim();

  // A copied "mailto:" link is an email address in disguise (RFC 6068); its query (?subject=...) goes.
  if (/^mailto:/i.test(text)) {
    text = text.slice('mailto:'.length).split('?')[0] ?? '';
    try {
      text = decodeURIComponent(text).trim();
    } catch {
      return fail('mailto-invalid', 'That mailto: link is not valid; type the email address instead.');
    }
    if (text.includes(',')) return fail('mailto-several', 'That mailto: link has several addresses; enter just one.');
    if (!text.includes('@')) return fail('mailto-empty', 'That mailto: link has no email address in it.');
  }

  text = text.toLowerCase();
  if (/\s/.test(text)) return fail('spaces', 'Remove the spaces: a server name or email address has none.');
  if (hasUnsafeText(text)) return fail('control-characters', 'Remove the invisible control or direction characters: a server name or email address has none.');
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text) || /^(https?|smtps?|submissions?|ftp|imaps?|pop3s?):/.test(text)) {
    return fail('scheme', 'Enter just the server name or email address, without "https://" or any other scheme.');
  }
  if (text.includes('/')) return fail('path', 'Enter just the server name, without a path ("/...").');
  if (text.length > MAX_TARGET_LENGTH) {
    return fail('too-long', `That is longer than the ${MAX_TARGET_LENGTH} characters a domain name can have.`);
  }

  if (text.includes('@')) {
    const at = text.lastIndexOf('@');
    const local = text.slice(0, at);
    const domain = text.slice(at + 1);
    if (local === '') return fail('email-no-local', 'The email address has nothing before the "@".');
    if (domain === '') return fail('email-no-domain', 'The email address has nothing after the "@".');
    if (local.includes('@') && !/^".*"$/.test(local)) return fail('email-two-at', 'An email address has only one "@".');
    if (domain.startsWith('[')) return fail('email-ip', 'Use an email address with a domain name after the "@", not an IP address.');
    if (domain.includes(':')) return fail('email-port', 'An email address has no port; leave out the ":" and the number after it.');
    const checked = checkHostName(domain, 'domain after the "@"');
    if (checked.ok && checked.kind !== 'name') return fail('email-ip', 'Use an email address with a domain name after the "@", not an IP address.');
    if (!checked.ok) {
      return checked.problem === 'disguised-ip' ? fail('email-ip', 'Use an email address with a domain name after the "@", not an IP address.') : fail(checked.problem, checked.message);
    }
    const ascii = checked.value;
    if (!ascii.includes('.')) return fail('email-no-dot', `The domain "${ascii}" after the "@" needs a dot, like example.com.`);
    if (isLocalhostName(ascii)) return fail('email-localhost', `"${ascii}" names this computer itself (RFC 6761), not a mail domain.`);
    return { ok: true, kind: 'email', value: `${local}@${ascii}`, domain: ascii, host: ascii };
  }

  // "[::1]:587" and "smtp.example.com:587" carry a port.
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return fail('ipv6-unclosed', 'The IPv6 address has no closing "]".');
    const rest = text.slice(close + 1);
    if (rest !== '') {
      return rest.startsWith(':')
        ? fail('port', 'Leave out the port: the check tries ports 25, 465 and 587 by itself.')
        : fail('ipv6-extra', 'There is extra text after the IPv6 address.');
    }
  } else if (text.includes(':') && /^[^:]+:\d*$/.test(text)) {
    return fail('port', 'Leave out the port: the check tries ports 25, 465 and 587 by itself.');
  }

  // The one host-name rule (core/host-name.ts): names, usual IPv4, IPv6; disguised addresses refused.
  const checked = checkHostName(text, 'name');
  if (!checked.ok) return fail(checked.problem, checked.message);
  const ascii = checked.value;
  if (checked.kind !== 'name') return { ok: true, kind: 'host', value: ascii, domain: ascii, host: ascii };
  const labels = ascii.split('.');
  // localhost names are this computer (RFC 6761): a server to check (with allow-private), never a mail
  // domain to run discovery on.
  const isServer = labels.length === 1 || SERVER_LABEL.test(labels[0] ?? '') || isLocalhostName(ascii);
  return {
    ok: true,
    kind: isServer ? 'host' : 'domain',
    value: ascii,
    domain: isServer ? domainOfHost(ascii) : ascii,
    host: ascii,
  };
}
