import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appleProfile,
  autodiscoverXml,
  checkProfile,
  mozillaAutoconfig,
  parseIncomingSpec,
  publishPlaces,
  setupFiles,
  srvZone,
  SetupFileError,
  uuidV5,
  xmlEscape,
  type ProfileInput,
} from '../../src/core/setup-files';
import { sha1 } from '../../src/core/setup-files/uuid';
import { parseAutoconfig } from '../../src/server/discovery';

const READER = 'test/helpers/read-setup-files.py';

function read(kind: 'profile' | 'autoconfig' | 'autodiscover', content: string): Record<string, unknown> {
  return JSON.parse(execFileSync('python3', [READER, kind], { input: content, encoding: 'utf8' })) as Record<string, unknown>;
}

function input(overrides: Partial<Parameters<typeof checkProfile>[0]> = {}): ProfileInput {
  return checkProfile({
    email: 'user@example.net',
    outgoing: { hostname: 'smtp.example.net', port: 587, security: 'starttls' },
    incoming: { protocol: 'imap', hostname: 'imap.example.net', port: 993, security: 'tls' },
    ...overrides,
  });
}

describe('name-based UUIDs', () => {
  it('SHA-1 matches node:crypto on lengths around the block boundaries', () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + length) % 256);
      expect(Buffer.from(sha1(bytes)).toString('hex'), `length ${length}`).toBe(createHash('sha1').update(bytes).digest('hex'));
    }
  });

  it('UUID v5 matches Python uuid.uuid5 for the same namespace and name', () => {
    const namespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    for (const name of ['user@example.net', 'profile:ñandú@ejemplo.es', '']) {
      const python = execFileSync('python3', ['-c', 'import sys,uuid; print(uuid.uuid5(uuid.UUID(sys.argv[1]), sys.argv[2]))', namespace, name], { encoding: 'utf8' }).trim();
      expect(uuidV5(name, namespace)).toBe(python.toUpperCase());
    }
  });
});

describe('Apple configuration profile', () => {
  it('reads back in plistlib as one com.apple.mail.managed payload inside a Configuration profile', () => {
    const file = appleProfile(input());
    expect(file.name).toBe('example.net.mobileconfig');
    const profile = read('profile', file.content);
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadRemovalDisallowed: false });
    const payloads = profile.PayloadContent as Record<string, unknown>[];
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toEqual({
      PayloadType: 'com.apple.mail.managed',
      PayloadVersion: 1,
      PayloadIdentifier: `${profile.PayloadIdentifier as string}.account`,
      PayloadUUID: expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/),
      PayloadDisplayName: 'Mail: user@example.net',
      EmailAccountDescription: 'user@example.net',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: 'user@example.net',
      IncomingMailServerHostName: 'imap.example.net',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerAuthentication: 'EmailAuthPassword',
      IncomingMailServerUsername: 'user@example.net',
      OutgoingMailServerHostName: 'smtp.example.net',
      OutgoingMailServerPortNumber: 587,
      OutgoingMailServerUseSSL: true,
      OutgoingMailServerAuthentication: 'EmailAuthPassword',
      OutgoingMailServerUsername: 'user@example.net',
      OutgoingPasswordSameAsIncomingPassword: true,
    });
  });

  it('never carries a password key, and keeps its UUIDs for the same address only', () => {
    const first = appleProfile(input());
    const keys = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keys) : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, item]) => [key, ...keys(item)]) : [];
    const written = keys(read('profile', first.content));
    expect(written).toContain('OutgoingPasswordSameAsIncomingPassword');
    expect(written.filter((key) => /password/i.test(key))).toEqual(['OutgoingPasswordSameAsIncomingPassword']);
    const again = read('profile', appleProfile(input({ outgoing: { hostname: 'mail.example.net', port: 465, security: 'tls' } })).content);
    const original = read('profile', first.content);
    expect(again.PayloadUUID).toBe(original.PayloadUUID);
    expect((again.PayloadContent as { PayloadUUID: string }[])[0]!.PayloadUUID).toBe((original.PayloadContent as { PayloadUUID: string }[])[0]!.PayloadUUID);
    const other = read('profile', appleProfile(input({ email: 'other@example.net' })).content);
    expect(other.PayloadUUID).not.toBe(original.PayloadUUID);
    expect(other.PayloadUUID).not.toBe((original.PayloadContent as { PayloadUUID: string }[])[0]!.PayloadUUID);
  });

  it('writes POP, the part before the @ as login, and escapes the provider name', () => {
    const profile = read(
      'profile',
      appleProfile(input({ incoming: { protocol: 'pop3', hostname: 'pop.example.net', port: 995, security: 'tls' }, username: '%EMAILLOCALPART%', displayName: 'Smith & "Sons" Mail' })).content,
    );
    const account = (profile.PayloadContent as Record<string, unknown>[])[0]!;
    expect(account).toMatchObject({ EmailAccountType: 'EmailTypePOP', IncomingMailServerUsername: 'user', OutgoingMailServerUsername: 'user', IncomingMailServerPortNumber: 995 });
    expect(profile.PayloadOrganization).toBe('Smith & "Sons" Mail');
  });
});

describe('Mozilla autoconfig', () => {
  it('follows the config file format and is read back by the probe own discovery reader', () => {
    const file = mozillaAutoconfig(input({ outgoing: { hostname: 'smtp.example.net', port: 465, security: 'tls' } }));
    expect(file.name).toBe('config-v1.1.xml');
    expect(read('autoconfig', file.content)).toEqual({
      id: 'example.net',
      domains: ['example.net'],
      servers: [
        { tag: 'incomingServer', type: 'imap', hostname: 'imap.example.net', port: '993', socketType: 'SSL', username: '%EMAILADDRESS%', authentication: 'password-cleartext' },
        { tag: 'outgoingServer', type: 'smtp', hostname: 'smtp.example.net', port: '465', socketType: 'SSL', username: '%EMAILADDRESS%', authentication: 'password-cleartext' },
      ],
    });
    const parsed = parseAutoconfig(file.content, { domain: 'example.net', email: 'user@example.net' });
    expect(parsed).toEqual({
      ok: true,
      servers: [{ hostname: 'smtp.example.net', port: 465, security: 'tls', authentication: 'password', username: { form: 'address', pattern: '%EMAILADDRESS%', value: 'user@example.net' } }],
      incoming: [{ protocol: 'imap', hostname: 'imap.example.net', port: 993, security: 'tls' }],
    });
  });

  it('escapes markup in the provider name so the file stays one provider', () => {
    const content = mozillaAutoconfig(input({ displayName: '</displayName><outgoingServer type="smtp">' })).content;
    const read_ = read('autoconfig', content);
    expect((read_.servers as unknown[]).length).toBe(2);
    expect(content).toContain('&lt;/displayName&gt;&lt;outgoingServer type=&quot;smtp&quot;&gt;');
  });
});

describe('Outlook Autodiscover (POX)', () => {
  it('answers IMAP or POP3 and SMTP with server, port and SSL on', () => {
    const content = autodiscoverXml(input({ incoming: { protocol: 'pop3', hostname: 'pop.example.net', port: 995, security: 'tls' } })).content;
    expect(read('autodiscover', content)).toEqual({
      accountType: 'email',
      action: 'settings',
      protocols: [
        { Type: 'POP3', Server: 'pop.example.net', Port: '995', DomainRequired: 'off', SPA: 'off', SSL: 'on', AuthRequired: 'on' },
        { Type: 'SMTP', Server: 'smtp.example.net', Port: '587', DomainRequired: 'off', SPA: 'off', SSL: 'on', AuthRequired: 'on', UsePOPAuth: 'on', SMTPLast: 'off' },
      ],
    });
  });

  it('names a fixed login only, never a per-address one', () => {
    expect(autodiscoverXml(input()).content).not.toContain('LoginName');
    const fixed = read('autodiscover', autodiscoverXml(input({ username: 'shared-login' })).content);
    expect((fixed.protocols as Record<string, string>[]).map((protocol) => protocol.LoginName)).toEqual(['shared-login', 'shared-login']);
  });
});

describe('SRV zone lines', () => {
  it('uses _submission for STARTTLS and _submissions for implicit TLS, with the incoming service', () => {
    expect(srvZone(input()).content.split('\n').filter((line) => line && !line.startsWith(';'))).toEqual([
      '_submission._tcp.example.net. 3600 IN SRV 0 1 587 smtp.example.net.',
      '_imaps._tcp.example.net. 3600 IN SRV 0 1 993 imap.example.net.',
    ]);
    const tls = input({ outgoing: { hostname: 'smtp.example.net', port: 465, security: 'tls' }, incoming: { protocol: 'pop3', hostname: 'pop.example.net', port: 110, security: 'starttls' } });
    expect(srvZone(tls).content).toContain('_submissions._tcp.example.net. 3600 IN SRV 0 1 465 smtp.example.net.\n_pop3._tcp.example.net. 3600 IN SRV 0 1 110 pop.example.net.');
  });

  it('leaves an address out of SRV (RFC 2782 wants a host name) and says so', () => {
    const zone = srvZone(input({ outgoing: { hostname: '192.0.2.7', port: 587, security: 'starttls' } })).content;
    expect(zone).toContain('; _submission._tcp.example.net: not written, 192.0.2.7 is an address');
    expect(zone).not.toMatch(/^_submission/m);
  });
});

describe('input checks', () => {
  const bad: Array<[string, () => unknown, RegExp]> = [
    ['no address', () => input({ email: 'example.net' }), /whole email address|email address the files are for/],
    ['address with markup', () => input({ email: 'a<b>@example.net' }), /plain email address|not/],
    ['disguised IP', () => input({ outgoing: { hostname: '0x7f.1', port: 587, security: 'starttls' } }), /IP address 127\.0\.0\.1 written in an unusual form/],
    ['port 0', () => input({ outgoing: { hostname: 'smtp.example.net', port: 0, security: 'starttls' } }), /port must be a whole number from 1 to 65535/],
    ['plaintext', () => input({ outgoing: { hostname: 'smtp.example.net', port: 25, security: 'none' } }), /unprotected connection is not written/],
    ['oauth', () => input({ outgoing: { hostname: 'smtp.example.net', port: 587, security: 'starttls', authentication: 'oauth2' } }), /password login only/],
    ['unknown placeholder', () => input({ username: '%REALNAME%' }), /%REALNAME%, which is not known/],
    ['bad incoming spec', () => parseIncomingSpec('imap:mail.example.net:993'), /--incoming must look like/],
    ['incoming protocol', () => parseIncomingSpec('smtp:mail.example.net:993:tls'), /--incoming must look like/],
  ];
  for (const [name, run, message] of bad) {
    it(`refuses ${name} with a clear sentence`, () => {
      expect(run).toThrow(SetupFileError);
      expect(run).toThrow(message);
    });
  }

  it('reads --incoming with a name or a bracketed IPv6 address', () => {
    expect(parseIncomingSpec('pop3:POP.Example.net:995:tls')).toEqual({ protocol: 'pop3', hostname: 'pop.example.net', port: 995, security: 'tls' });
    expect(parseIncomingSpec('imap:[2001:db8::1]:143:starttls')).toEqual({ protocol: 'imap', hostname: '2001:db8::1', port: 143, security: 'starttls' });
  });
});

it('escapes all five XML characters', () => {
  expect(xmlEscape(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
});

it('makes the four files and says where the provider publishes them', () => {
  expect(setupFiles(input()).map((file) => file.name)).toEqual(['example.net.mobileconfig', 'config-v1.1.xml', 'autodiscover.xml', 'example.net-srv.zone']);
  expect(publishPlaces('example.net')).toEqual({
    autoconfig: ['https://autoconfig.example.net/mail/config-v1.1.xml', 'https://example.net/.well-known/autoconfig/mail/config-v1.1.xml'],
    autodiscover: ['https://autodiscover.example.net/autodiscover/autodiscover.xml'],
    zone: 'example.net',
  });
});
