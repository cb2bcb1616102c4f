/**
 * The four setup files, from checked input (./input.ts). Pure string building; every value goes through
 * one XML escape. Formats, each key and element checked against its owner's pages:
 *
 * - Apple configuration profile: the Configuration Profile Reference's "Mail" payload
 *   (https://developer.apple.com/documentation/devicemanagement/mail, payload type
 *   com.apple.mail.managed; EmailAccountType EmailTypeIMAP|EmailTypePOP, Incoming/OutgoingMailServer
 *   HostName, PortNumber, UseSSL, Authentication EmailAuthPassword, Username,
 *   OutgoingPasswordSameAsIncomingPassword) inside a top-level payload of type "Configuration"
 *   (https://developer.apple.com/documentation/devicemanagement/toplevel). No password key is ever
 *   written: the device asks for it once on installation. Unsigned, so the device shows "Not verified".
 * - Mozilla autoconfig: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat
 *   (clientConfig version="1.1", emailProvider id, domain, incomingServer type imap|pop3,
 *   outgoingServer type smtp, hostname, port, socketType SSL|STARTTLS, username %EMAILADDRESS%,
 *   authentication password-cleartext).
 * - Outlook Autodiscover, the POX response:
 *   https://learn.microsoft.com/exchange/client-developer/web-service-reference/pox-autodiscover-response-for-exchange
 *   and its element pages (Account: AccountType email, Action settings; Protocol: Type IMAP|POP3|SMTP,
 *   Server, Port, SPA, SSL on|off, AuthRequired). Microsoft's POX reference documents no element for
 *   STARTTLS as such (`SSL` "specifies whether secure logon is required"), so both protected
 *   connections are written as SSL on, and the port tells them apart.
 * - SRV records: RFC 6186 §3 (_submission._tcp, _imap._tcp, _imaps._tcp, _pop3._tcp, _pop3s._tcp) and
 *   RFC 8314 §5.1 (_submissions._tcp for implicit TLS on 465), RFC 2782 priority/weight/port/target.
 */
import { resolveUsername, type IncomingSetting, type OutgoingSetting, type ProfileInput, type ProviderInput } from './input';
import { uuidV5 } from './uuid';

/** This project's namespace for name-based UUIDs (a random v4, fixed once). */
export const PROFILE_NAMESPACE = '3bba9939-f7a3-41bb-be3e-c8f34aa0517a';

/** Text and attribute values: the five characters XML gives meaning to. Input is already one line without control characters. */
export function xmlEscape(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

export interface SetupFile {
  name: string;
  mediaType: string;
  content: string;
}

// ---- Apple configuration profile -------------------------------------------------------------

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

function plist(value: PlistValue, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${xmlEscape(value)}</string>`;
  if (typeof value === 'number') return `${indent}<integer>${Math.trunc(value)}</integer>`;
  if (typeof value === 'boolean') return `${indent}<${value ? 'true' : 'false'}/>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((item) => plist(item, `${indent}\t`)), `${indent}</array>`].join('\n');
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([key, item]) => [`${indent}\t<key>${xmlEscape(key)}</key>`, plist(item, `${indent}\t`)]),
    `${indent}</dict>`,
  ].join('\n');
}


/** Reverse-DNS prefix for the payload identifiers, from the mail domain: example.net → net.example. */
function reverseDomain(domain: string): string {
  return domain.split('.').reverse().join('.');
}

export function appleProfile(input: ProfileInput): SetupFile {
  const { email, domain, outgoing, incoming } = input;
  const username = resolveUsername(input.username, email);
  const profileUuid = uuidV5(`profile:${email}`, PROFILE_NAMESPACE);
  const payloadUuid = uuidV5(`mail:${email}`, PROFILE_NAMESPACE);
  const identifier = `${reverseDomain(domain)}.mail-setup.${profileUuid}`;
  const account: PlistValue = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `${identifier}.account`,
    PayloadUUID: payloadUuid,
    PayloadDisplayName: `Mail: ${email}`,
    EmailAccountDescription: email,
    EmailAccountType: incoming.protocol === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP',
    EmailAddress: email,
    IncomingMailServerHostName: incoming.hostname,
    IncomingMailServerPortNumber: incoming.port,
    // "Use SSL" on a device: implicit TLS on the TLS ports, STARTTLS on the others.
    IncomingMailServerUseSSL: true,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerUsername: username,
    OutgoingMailServerHostName: outgoing.hostname,
    OutgoingMailServerPortNumber: outgoing.port,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerUsername: username,
    OutgoingPasswordSameAsIncomingPassword: true,
  };
  const profile: PlistValue = {
    PayloadContent: [account],
    PayloadDisplayName: `${input.displayName} mail (${email})`,
    PayloadDescription: `Sets up ${email} in Mail: receiving with ${incoming.protocol === 'imap' ? 'IMAP' : 'POP'} from ${incoming.hostname}, sending through ${outgoing.hostname} port ${outgoing.port}. Your password is asked once, when you install it.`,
    PayloadIdentifier: identifier,
    PayloadOrganization: input.displayName,
    PayloadRemovalDisallowed: false,
    PayloadType: 'Configuration',
    PayloadUUID: profileUuid,
    PayloadVersion: 1,
  };
  const content = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
  return { name: `${domain}.mobileconfig`, mediaType: 'application/x-apple-aspen-config', content };
}

// ---- Mozilla autoconfig --------------------------------------------------------------------------

const SOCKET_TYPE = { tls: 'SSL', starttls: 'STARTTLS' } as const;

function mozillaServer(tag: 'incomingServer' | 'outgoingServer', type: string, server: IncomingSetting | OutgoingSetting, username: string): string[] {
  return [
    `    <${tag} type="${xmlEscape(type)}">`,
    `      <hostname>${xmlEscape(server.hostname)}</hostname>`,
    `      <port>${server.port}</port>`,
    `      <socketType>${SOCKET_TYPE[server.security]}</socketType>`,
    `      <username>${xmlEscape(username)}</username>`,
    '      <authentication>password-cleartext</authentication>',
    `    </${tag}>`,
  ];
}

export function mozillaAutoconfig(input: ProviderInput): SetupFile {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${xmlEscape(input.domain)}">`,
    `    <domain>${xmlEscape(input.domain)}</domain>`,
    `    <displayName>${xmlEscape(input.displayName)}</displayName>`,
    `    <displayShortName>${xmlEscape(input.displayName)}</displayShortName>`,
    ...mozillaServer('incomingServer', input.incoming.protocol, input.incoming, input.username),
    ...mozillaServer('outgoingServer', 'smtp', input.outgoing, input.username),
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ];
  return { name: 'config-v1.1.xml', mediaType: 'application/xml', content: lines.join('\n') };
}

// ---- Outlook Autodiscover (POX) ----------------------------------------------------------------------

/** SPA is Windows' NTLM login, not CRAM-MD5, so it stays off: the files set up a password login. */
function poxProtocol(type: 'IMAP' | 'POP3' | 'SMTP', server: IncomingSetting | OutgoingSetting, loginName: string | null): string[] {
  return [
    '      <Protocol>',
    `        <Type>${type}</Type>`,
    `        <Server>${xmlEscape(server.hostname)}</Server>`,
    `        <Port>${server.port}</Port>`,
    ...(loginName ? [`        <LoginName>${xmlEscape(loginName)}</LoginName>`] : []),
    '        <DomainRequired>off</DomainRequired>',
    '        <SPA>off</SPA>',
    '        <SSL>on</SSL>',
    '        <AuthRequired>on</AuthRequired>',
    ...(type === 'SMTP' ? ['        <UsePOPAuth>on</UsePOPAuth>', '        <SMTPLast>off</SMTPLast>'] : []),
    '      </Protocol>',
  ];
}

/**
 * The response for one domain, served to every address in it. Outlook logs in with the address it was
 * given unless `LoginName` says otherwise, so a login name is written only for a fixed name.
 */
export function autodiscoverXml(input: ProviderInput): SetupFile {
  const fixedLogin = input.username.includes('%') ? null : input.username;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">',
    '  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">',
    '    <Account>',
    '      <AccountType>email</AccountType>',
    '      <Action>settings</Action>',
    ...poxProtocol(input.incoming.protocol === 'imap' ? 'IMAP' : 'POP3', input.incoming, fixedLogin),
    ...poxProtocol('SMTP', input.outgoing, fixedLogin),
    '    </Account>',
    '  </Response>',
    '</Autodiscover>',
    '',
  ];
  return { name: 'autodiscover.xml', mediaType: 'application/xml', content: lines.join('\n') };
}

// ---- SRV zone lines -----------------------------------------------------------------------------------

export const SRV_TTL = 3600;

export interface SrvLine {
  service: string;
  port: number;
  target: string;
}

export function srvRecords(input: ProviderInput): SrvLine[] {
  const { outgoing, incoming } = input;
  const submission = outgoing.security === 'tls' ? '_submissions._tcp' : '_submission._tcp';
  const incomingService = `_${incoming.protocol}${incoming.security === 'tls' ? 's' : ''}._tcp`;
  return [
    { service: submission, port: outgoing.port, target: outgoing.hostname },
    { service: incomingService, port: incoming.port, target: incoming.hostname },
  ];
}

export function srvZone(input: ProviderInput): SetupFile {
  // RFC 2782: the target is a host name; a server known only by its address gets a comment instead.
  const isAddress = (name: string) => /^[0-9.]+$/.test(name) || name.includes(':');
  const lines = [
    `; Mail service records for ${input.domain} (RFC 6186, RFC 8314 section 5.1), to add to the zone of ${input.domain}.`,
    '; Fields: name TTL class SRV priority weight port target.',
    ...srvRecords(input).map((record) =>
      isAddress(record.target)
        ? `; ${record.service}.${input.domain}: not written, ${record.target} is an address and an SRV target must be a host name.`
        : `${record.service}.${input.domain}. ${SRV_TTL} IN SRV 0 1 ${record.port} ${record.target}.`,
    ),
    '',
  ];
  return { name: `${input.domain}-srv.zone`, mediaType: 'text/plain', content: lines.join('\n') };
}

/** The three files a provider publishes for its domain. */
export function providerFiles(input: ProviderInput): SetupFile[] {
  return [mozillaAutoconfig(input), autodiscoverXml(input), srvZone(input)];
}

/** All four: the customer's profile and the provider's three. */
export function setupFiles(input: ProfileInput): SetupFile[] {
  return [appleProfile(input), ...providerFiles(input)];
}

/** Where each provider file is published, for a domain (autoconfig: both addresses Thunderbird asks). */
export function publishPlaces(domain: string): { autoconfig: string[]; autodiscover: string[]; zone: string } {
  return {
    autoconfig: [`https://autoconfig.${domain}/mail/config-v1.1.xml`, `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`],
    autodiscover: [`https://autodiscover.${domain}/autodiscover/autodiscover.xml`],
    zone: domain,
  };
}
