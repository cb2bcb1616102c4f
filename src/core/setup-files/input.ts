/**
 * What the setup files are made from, and the one check every caller (CLI, popup, agent, options)
 * runs before any file is written: an outgoing server (the check's recommendation), an incoming server,
 * and either an address (the customer's profile) or a domain (the provider's files). Pure.
 */
import { isTcpPort } from '../api';
import { hostFault, shortValue, type FieldFault } from '../field-fault';
import { checkHostName } from '../host-name';
import { parseTarget } from '../target';

/** Only the two protected connections are ever written into a file that sets up a mail program. */
export type FileSecurity = 'tls' | 'starttls';
export type IncomingProtocol = 'imap' | 'pop3';
/**
 * `password`: a normal password (PLAIN/LOGIN inside TLS), the one login all four formats name alike.
 * A challenge-response login (CRAM-MD5) has no value in Apple's documented list, so it is refused.
 */
export type FileAuthentication = 'password';

export interface ServerSetting {
  hostname: string;
  port: number;
  security: FileSecurity;
}

export interface OutgoingSetting extends ServerSetting {
  authentication: FileAuthentication;
}

export interface IncomingSetting extends ServerSetting {
  protocol: IncomingProtocol;
}

/**
 * The login name as the provider publishes it: `%EMAILADDRESS%`, `%EMAILLOCALPART%`, or a form built
 * from them (`%EMAILLOCALPART%.example.com`) or a fixed name. The autoconfig format's placeholders.
 */
export type UsernamePattern = string;

export interface ProviderInput {
  domain: string;
  outgoing: OutgoingSetting;
  incoming: IncomingSetting;
  username: UsernamePattern;
  /** Shown as the provider's name (autoconfig displayName, profile organisation); defaults to the domain. */
  displayName: string;
}

export interface ProfileInput extends ProviderInput {
  email: string;
}

export class SetupFileError extends Error {
  override name = 'SetupFileError';
  /** Why, as a code the extension words in the reader's language (the message stays English). */
  constructor(
    message: string,
    readonly fault?: FieldFault,
  ) {
    super(message);
  }
}

const SECURITY_WORDS = new Set(['tls', 'starttls']);
const USERNAME_PATTERN = /^[^\s\p{C}<>&"']{1,128}$/u;
const DISPLAY_NAME = /^[^\p{C}]{1,100}$/u;

function checkServer(what: 'incoming server' | 'outgoing server', hostname: unknown, port: unknown, security: unknown): ServerSetting {
  const field = what === 'incoming server' ? 'incoming-server' : 'outgoing-server';
  if (hostname !== undefined && hostname !== null && typeof hostname !== 'string') {
    throw new SetupFileError(`The ${what} must be text.`, { field: 'settings-file', problem: 'file-shape' });
  }
  if (typeof hostname !== 'string' || hostname.trim() === '') {
    throw new SetupFileError(`The ${what} is empty; type a name such as ${what === 'incoming server' ? 'imap.example.com' : 'smtp.example.com'}.`, { field, problem: 'missing' });
  }
  const host = checkHostName(hostname, what);
  if (!host.ok) throw new SetupFileError(host.message, hostFault(field, hostname, host));
  if (port === undefined || port === null || (typeof port === 'string' && port.trim() === '')) {
    throw new SetupFileError(`The ${what}'s port is empty; type a port such as ${what === 'incoming server' ? 993 : 587}.`, { field, problem: 'missing-port' });
  }
  const number = typeof port === 'string' && /^\d{1,5}$/.test(port) ? Number(port) : port;
  if (!isTcpPort(number)) {
    throw new SetupFileError(`The ${what}'s port must be a whole number from 1 to 65535, not ${JSON.stringify(port) ?? String(port)}.`, {
      field,
      problem: 'port-number',
      value: shortValue(port),
    });
  }
  if (typeof security !== 'string' || !SECURITY_WORDS.has(security)) {
    throw new SetupFileError(`The ${what}'s security must be "tls" (implicit TLS) or "starttls"; a file that sets up an unprotected connection is not written.`, {
      field,
      problem: 'security',
    });
  }
  return { hostname: host.value, port: number, security: security as FileSecurity };
}

export function checkOutgoing(value: { hostname: unknown; port: unknown; security: unknown; authentication?: unknown }): OutgoingSetting {
  const server = checkServer('outgoing server', value.hostname, value.port, value.security);
  // RFC 6409 2: 25 is relay between servers; the files would send every customer to the port providers block.
  if (server.port === 25) {
    throw new SetupFileError(
      'Port 25 is for mail between servers, and many internet providers block it: files that set it up would send every customer to it. Make the server answer on 587 or 465 and use that port.',
      { field: 'outgoing-server', problem: 'relay-port' },
    );
  }
  const authentication = value.authentication ?? 'password';
  if (authentication !== 'password') {
    throw new SetupFileError(
      `The outgoing server's login (${String(authentication)}) cannot be written into these files: they set up a password login only. Use the checklist instead.`,
    );
  }
  return { ...server, authentication };
}

export function checkIncoming(value: { protocol: unknown; hostname: unknown; port: unknown; security: unknown }): IncomingSetting {
  if (value.protocol !== 'imap' && value.protocol !== 'pop3') {
    throw new SetupFileError('The incoming server must be "imap" or "pop3".', { field: 'incoming-server', problem: 'protocol' });
  }
  return { protocol: value.protocol, ...checkServer('incoming server', value.hostname, value.port, value.security) };
}

/** `imap:mail.example.net:993:tls`, as the CLI's --incoming takes it (IPv6 in brackets). */
export function parseIncomingSpec(text: string): IncomingSetting {
  const match = /^(imap|pop3):(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5}):(tls|starttls)$/.exec(text.trim());
  if (!match) {
    throw new SetupFileError(`--incoming must look like imap:mail.example.net:993:tls or pop3:HOST:995:tls (protocol:host:port:tls|starttls), not "${text.slice(0, 80)}".`);
  }
  return checkIncoming({ protocol: match[1], hostname: match[2], port: match[3], security: match[4] });
}

/** The usual incoming port for a protocol and security (RFC 8314 §5.1 for the implicit-TLS ones). */
export function defaultIncomingPort(protocol: IncomingProtocol, security: FileSecurity): number {
  if (protocol === 'imap') return security === 'tls' ? 993 : 143;
  return security === 'tls' ? 995 : 110;
}

export function checkEmail(value: unknown): { email: string; domain: string } {
  if (typeof value !== 'string' || !value.includes('@')) {
    throw new SetupFileError('Give the email address the files are for, such as user@example.net.', { field: 'email', problem: 'not-email' });
  }
  const parsed = parseTarget(value);
  if (!parsed.ok) throw new SetupFileError(parsed.message, { field: 'email', problem: 'not-email', target: parsed.fault });
  if (parsed.kind !== 'email') throw new SetupFileError('Give a whole email address, such as user@example.net.', { field: 'email', problem: 'not-email' });
  if (/["\\<>&']/.test(parsed.value)) {
    throw new SetupFileError('Use a plain email address (no quotes, angle brackets or backslashes).', { field: 'email', problem: 'not-plain-email' });
  }
  return { email: parsed.value, domain: parsed.domain };
}

export function checkDomain(value: unknown): string {
  if (typeof value !== 'string') throw new SetupFileError('Give the mail domain the files are for, such as example.net.', { field: 'mail-domain', problem: 'missing' });
  const checked = checkHostName(value, 'mail domain');
  if (!checked.ok) throw new SetupFileError(checked.message, hostFault('mail-domain', value, checked));
  if (checked.kind !== 'name' || !checked.value.includes('.')) {
    throw new SetupFileError(`"${value.slice(0, 60)}" is not a mail domain such as example.net.`, { field: 'mail-domain', problem: 'not-mail-domain', value: shortValue(value) });
  }
  return checked.value;
}

export function checkUsernamePattern(value: unknown): UsernamePattern {
  if (value === undefined || value === null || value === '') return '%EMAILADDRESS%';
  // The form comes from the check's report (the provider's published settings), not from the reader.
  const fault: FieldFault = { field: 'username-form', problem: 'username-form' };
  if (typeof value !== 'string' || !USERNAME_PATTERN.test(value)) {
    throw new SetupFileError('The user name form must be one word without spaces, quotes or angle brackets.', fault);
  }
  const unknown = value.replace(/%EMAILADDRESS%|%EMAILLOCALPART%/g, '').match(/%[A-Z]+%/);
  if (unknown) throw new SetupFileError(`The user name form uses ${unknown[0]}, which is not known here; use %EMAILADDRESS% or %EMAILLOCALPART%.`, fault);
  return value;
}

export function checkDisplayName(value: unknown, fallback: string): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return fallback;
  if (typeof value !== 'string' || !DISPLAY_NAME.test(value.trim())) {
    throw new SetupFileError('The provider name must be one line of at most 100 characters.', { field: 'profile-name', problem: 'text-too-long' });
  }
  return value.trim();
}

/** The user name for one address: the pattern with its placeholders filled in. */
export function resolveUsername(pattern: UsernamePattern, email: string): string {
  const local = email.slice(0, email.lastIndexOf('@'));
  return pattern.replace(/%EMAILADDRESS%|%EMAILLOCALPART%/g, (name) => (name === '%EMAILADDRESS%' ? email : local));
}

export function checkProvider(value: { domain: unknown; outgoing: Parameters<typeof checkOutgoing>[0]; incoming: Parameters<typeof checkIncoming>[0]; username?: unknown; displayName?: unknown }): ProviderInput {
  const domain = checkDomain(value.domain);
  return {
    domain,
    outgoing: checkOutgoing(value.outgoing),
    incoming: checkIncoming(value.incoming),
    username: checkUsernamePattern(value.username),
    displayName: checkDisplayName(value.displayName, domain),
  };
}

export function checkProfile(value: { email: unknown; outgoing: Parameters<typeof checkOutgoing>[0]; incoming: Parameters<typeof checkIncoming>[0]; username?: unknown; displayName?: unknown }): ProfileInput {
  const { email, domain } = checkEmail(value.email);
  return { email, ...checkProvider({ ...value, domain }) };
}
