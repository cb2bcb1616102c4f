import { describe, expect, it } from 'vitest';
import type { DetailedPeerCertificate } from 'node:tls';
import { authMechanisms, ehloKeywords, excerpt, offersStartTls, recognizeForeignGreeting } from '../../src/server/smtp/ehlo';
import { parseReplies } from '../../src/server/smtp/reply';
import { judgeCertificate, signatureAlgorithmOf, validNames } from '../../src/server/smtp/tls-facts';
import { describeDuration, resolveTimeouts, DEFAULT_TIMEOUTS } from '../../src/server/smtp/timeouts';

function ehlo(wire: string) {
  const [reply] = parseReplies(Buffer.from(wire)).replies;
  if (!reply) throw new Error('no reply');
  return ehloKeywords(reply);
}

describe('EHLO keywords (RFC 5321 4.1.1.1)', () => {
  it('skips the greeting line and upper-cases keywords but keeps parameters', () => {
    const keywords = ehlo('250-mail.example.com Hello\r\n250-size 35882577\r\n250-starttls\r\n250-AUTH PLAIN LOGIN XOAUTH2\r\n250 8BITMIME\r\n');
    expect(keywords).toEqual(['SIZE 35882577', 'STARTTLS', 'AUTH PLAIN LOGIN XOAUTH2', '8BITMIME']);
    expect(offersStartTls(keywords)).toBe(true);
    expect(authMechanisms(keywords)).toEqual(['PLAIN', 'LOGIN', 'XOAUTH2']);
  });

  it('reads the old AUTH= form and merges it with AUTH (RFC 4954 3)', () => {
    expect(authMechanisms(['AUTH=LOGIN PLAIN', 'AUTH LOGIN CRAM-MD5'])).toEqual(['LOGIN', 'PLAIN', 'CRAM-MD5']);
  });

  it('does not mistake a keyword that merely starts like one', () => {
    expect(offersStartTls(['STARTTLSX'])).toBe(false);
    expect(authMechanisms(['AUTHENTICATE PLAIN'])).toEqual([]);
  });

  it('a one-line EHLO reply has no extensions', () => {
    expect(ehlo('250 mail.example.com\r\n')).toEqual([]);
  });
});

describe('foreign greetings', () => {
  it('names the protocol that answered', () => {
    expect(recognizeForeignGreeting('SSH-2.0-OpenSSH_9.2p1 Debian-2')).toBe('ssh');
    expect(recognizeForeignGreeting('HTTP/1.1 400 Bad Request')).toBe('http');
    expect(recognizeForeignGreeting('+OK Dovecot ready.')).toBe('pop3');
    expect(recognizeForeignGreeting('* OK [CAPABILITY IMAP4rev1] ready')).toBe('imap');
    expect(recognizeForeignGreeting('\u0016\u0003\u0001')).toBe('tls');
    expect(recognizeForeignGreeting('hello')).toBe('unknown');
  });

  it('keeps excerpts short and printable', () => {
    expect(excerpt('a\u0000b', 10)).toBe('a?b');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});

function certificate(overrides: Partial<DetailedPeerCertificate>): DetailedPeerCertificate {
  const base = {
    subject: { CN: 'mail.example.com' },
    issuer: { CN: 'Example CA', O: 'Example' },
    subjectaltname: 'DNS:mail.example.com, DNS:smtp.example.com, IP Address:192.0.2.1',
    valid_from: 'Jan  1 00:00:00 2024 GMT',
    valid_to: 'Jan  1 00:00:00 2030 GMT',
    fingerprint256: 'AA:BB',
    issuerCertificate: undefined,
    ...overrides,
  };
  return base as unknown as DetailedPeerCertificate;
}

const evidence = { chainVerified: true, chainError: null, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', now: new Date('2026-01-01T00:00:00Z') };

describe('certificate facts', () => {
  it('a CA-signed certificate for the typed name is authorized', () => {
    const facts = judgeCertificate({ ...evidence, certificate: certificate({}), hostname: 'smtp.example.com' });
    expect(facts).toMatchObject({
      authorized: true,
      authorizationError: null,
      matchesHost: true,
      selfSigned: false,
      expired: false,
      subject: 'mail.example.com',
      issuer: 'Example CA',
      validNames: ['mail.example.com', 'smtp.example.com', '192.0.2.1'],
      validFrom: '2024-01-01T00:00:00.000Z',
      validTo: '2030-01-01T00:00:00.000Z',
    });
  });

  it('a wrong name is not authorized even when the chain is fine', () => {
    const facts = judgeCertificate({ ...evidence, certificate: certificate({}), hostname: 'other.example.net' });
    expect(facts.matchesHost).toBe(false);
    expect(facts.authorized).toBe(false);
    expect(facts.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('an expired certificate is reported as expired', () => {
    const facts = judgeCertificate({
      ...evidence,
      chainVerified: false,
      chainError: 'CERT_HAS_EXPIRED',
      certificate: certificate({ valid_to: 'Jan  1 00:00:00 2025 GMT' }),
      hostname: 'mail.example.com',
    });
    expect(facts).toMatchObject({ expired: true, authorized: false, authorizationError: 'CERT_HAS_EXPIRED' });
  });

  it('a certificate that is its own issuer is self-signed', () => {
    const self = certificate({ issuer: { CN: 'mail.example.com' } as DetailedPeerCertificate['issuer'] });
    self.issuerCertificate = self;
    const facts = judgeCertificate({ ...evidence, chainVerified: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT', certificate: self, hostname: 'mail.example.com' });
    expect(facts).toMatchObject({ selfSigned: true, authorized: false, matchesHost: true });
  });

  it('a certificate whose root is self-signed but not its own issuer is not self-signed', () => {
    const facts = judgeCertificate({ ...evidence, chainVerified: false, chainError: 'SELF_SIGNED_CERT_IN_CHAIN', certificate: certificate({}), hostname: 'mail.example.com' });
    expect(facts).toMatchObject({ selfSigned: false, authorized: false, chainTrusted: false, issuer: 'Example CA' });
  });

  it('reads no signature algorithm from bytes that are not a certificate', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from([0x30]), Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), Buffer.from('not a certificate')]) {
      expect(signatureAlgorithmOf(bytes)).toBeNull();
    }
  });

  it('falls back to the CN only when there are no DNS names', () => {
    expect(validNames({ subject: { CN: 'old.example.com' } as DetailedPeerCertificate['subject'], subjectaltname: undefined as unknown as string })).toEqual(['old.example.com']);
  });

  it('no certificate at all is never authorized', () => {
    expect(judgeCertificate({ ...evidence, certificate: null, hostname: 'x.example' })).toMatchObject({ authorized: false, validNames: [] });
  });
});

describe('timeouts', () => {
  it('fills in defaults and ignores nonsense', () => {
    expect(resolveTimeouts({ connectMs: 100, greetingMs: -1, commandMs: Number.NaN })).toEqual({ ...DEFAULT_TIMEOUTS, connectMs: 100 });
    expect(DEFAULT_TIMEOUTS).toEqual({ connectMs: 8000, greetingMs: 15000, slowGreetingMs: 5000, commandMs: 10000, totalMs: 30000, tlsTryAfterMs: 2000 });
  });

  it('says durations in plain words', () => {
    expect(describeDuration(300)).toBe('300 ms');
    expect(describeDuration(8000)).toBe('8 s');
    expect(describeDuration(1500)).toBe('1.5 s');
  });
});
