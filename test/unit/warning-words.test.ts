import { describe, expect, it } from 'vitest';
import type { DiscoveryResult, PortResult, ProbePort, TlsFacts, Warning } from '../../src/core/api';
import { recommend } from '../../src/core/diagnosis/recommend';
import { listWords, WARNING_CODES, warningWords } from '../../src/extension/ui/warning-words';
import { translator } from '../helpers/catalogue';

const en = translator('en');
const es = translator('es');
const server = 'smtp.example.com';

const goodTls: TlsFacts = {
  authorized: true,
  authorizationError: null,
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  subject: server,
  issuer: 'Example CA',
  validNames: [server],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  matchesHost: true,
  selfSigned: false,
  expired: false,
  fingerprint256: null,
};

function result(port: ProbePort, extra: Partial<PortResult> = {}): PortResult {
  return {
    port,
    address: '192.0.2.1',
    family: 4,
    state: 'ok',
    message: '',
    banner: `${server} ESMTP`,
    ehlo: { beforeTls: ['STARTTLS'], afterTls: ['AUTH PLAIN'], usedHelo: false },
    security: 'starttls',
    tls: goodTls,
    auth: ['PLAIN'],
    slowGreeting: false,
    latency: { connectMs: 1, greetingMs: 2, totalMs: 3 },
    ...extra,
  };
}

const silent = (port: ProbePort): PortResult => result(port, { state: 'timeout', banner: null, security: 'none', tls: null, auth: [], ehlo: { beforeTls: null, afterTls: null, usedHelo: false } });
const plain = (port: ProbePort, auth: string[] = []): PortResult => result(port, { security: 'none', tls: null, auth, ehlo: { beforeTls: ['PIPELINING'], afterTls: null, usedHelo: false } });
const popFirst: DiscoveryResult = {
  domain: 'example.com',
  candidates: [{ hostname: server, port: 587, security: 'starttls', authentication: 'smtp-after-pop', source: 'ispdb' } as DiscoveryResult['candidates'][number]],
  steps: [],
};

/** Servers that between them make the service send every warning it has, in every variant. */
const SCENARIOS: [string, PortResult[], DiscoveryResult | null, number?][] = [
  ['only port 25, plain, no login', [plain(25)], null],
  ['nothing answers', [silent(465), silent(587)], null],
  ['465 and 587 swapped', [result(465, { state: 'tls-unexpected', security: 'none', tls: null, auth: [] }), result(587, { state: 'tls-expected', banner: null, security: 'none', tls: null, auth: [] })], null],
  ['one port with a broken handshake', [result(587, { state: 'starttls-failed', security: 'none', tls: null, auth: [], tlsError: 'sslv3 alert handshake failure' }), silent(465)], null],
  ['two ports with broken handshakes', [result(587, { state: 'starttls-failed', security: 'none', tls: null, auth: [] }), result(465, { state: 'tls-failed', security: 'none', tls: null, auth: [] })], null],
  ['a port that answers without encryption and login', [plain(587), silent(465)], null],
  ['two such ports', [plain(587), plain(2525)], null],
  ['login in the clear', [plain(587, ['PLAIN', 'LOGIN']), result(465, { security: 'tls' })], null],
  ['login before STARTTLS', [result(587, { ehlo: { beforeTls: ['STARTTLS', 'AUTH PLAIN'], afterTls: ['AUTH PLAIN'], usedHelo: false } })], null],
  ['expired certificate', [result(587, { tls: { ...goodTls, authorized: false, expired: true, validTo: '2025-01-01T00:00:00.000Z' } })], null],
  ['certificate for another name', [result(587, { tls: { ...goodTls, authorized: false, matchesHost: false, validNames: ['mail.other.example', 'other.example'] } })], null],
  ['self-signed certificate', [result(587, { tls: { ...goodTls, authorized: false, selfSigned: true, chainTrusted: false } })], null],
  ['certificate from an unknown authority', [result(587, { tls: { ...goodTls, authorized: false, chainTrusted: false, issuer: 'Private Test CA' } })], null],
  ['weak key', [result(465, { security: 'tls', tls: { ...goodTls, keyType: 'RSA', keyBits: 1024 } })], null],
  ['SMTP after POP', [result(587, { auth: [] })], popFirst],
  ['only Windows sign-in (NTLM)', [result(587, { auth: ['NTLM', 'GSSAPI'], ehlo: { beforeTls: ['STARTTLS', 'AUTH NTLM GSSAPI'], afterTls: ['AUTH NTLM GSSAPI'], usedHelo: false } })], null],
  ['only Kerberos', [result(465, { security: 'tls', auth: ['GSSAPI'] })], null],
  ['a name with three addresses, one checked', [result(587)], null, 3],
];

const warnings: [string, Warning][] = SCENARIOS.flatMap(([label, ports, discovery, addressCount]) =>
  recommend(ports, { server, discovery, ...(addressCount === undefined ? {} : { addressCount }) }).warnings.map((warning) => [label, warning] as [string, Warning]),
);

/** Words that give an English sentence away, and jargon a customer should not meet. */
const ENGLISH = /\b(the|and|port|server|certificate|mail|your|password|login|answers?)\b/i;
const JARGON = /\bMX\b|submission|\bSMTP\b|handshake|RFC|implicit|EHLO|SNI/i;

describe('warnings in the customer\'s words', () => {
  it('the scenarios make the service send every warning code there is', () => {
    expect(new Set(warnings.map(([, warning]) => warning.code))).toEqual(new Set(WARNING_CODES));
  });

  for (const [label, warning] of warnings) {
    it(`${label}: ${warning.code} reads in English and in Spanish, with its facts and without jargon`, () => {
      const english = warningWords(warning, 'en', en);
      const spanish = warningWords(warning, 'es', es);
      for (const text of [english, spanish]) {
        expect(text).toMatch(/^\S.*[.]$/);
        expect(text).not.toContain('$');
        expect(text).not.toMatch(JARGON);
      }
      // The facts (server names from the certificate) are what they are; the words around them are Spanish.
      const words = (warning.params?.names ?? []).reduce((text, name) => text.replaceAll(name, ''), spanish);
      expect(words).not.toMatch(ENGLISH);
      expect(english).not.toBe(warning.message);
      // The sentence is not the generic fallback: the code and its facts were understood.
      expect(english).not.toBe(en('warnOther'));
      if (warning.port !== undefined) expect(english).toContain(String(warning.port));
      for (const name of warning.params?.names ?? []) expect(spanish).toContain(name);
    });
  }

  it('every code has a wording of its own in both languages', () => {
    for (const code of WARNING_CODES) {
      const english = warningWords({ code, port: 587, message: 'x' }, 'en', en);
      const spanish = warningWords({ code, port: 587, message: 'x' }, 'es', es);
      expect(english, code).not.toBe(en('warnOther'));
      expect(spanish, code).not.toBe(es('warnOther'));
      expect(spanish, code).not.toMatch(ENGLISH);
    }
  });

  it('"none answered" names the submission ports that were checked, and none when an older report lists none', () => {
    const warning = (ports: number[]): Warning => ({ code: 'no-submission-port', message: 'x', params: { reason: 'none-answered', ports } });
    expect(warningWords(warning([465, 587]), 'en', en)).toBe(en('warnNoSubmissionNoneAnsweredMany', '465 and 587'));
    expect(warningWords(warning([465, 587]), 'es', es)).toContain('(465 y 587)');
    expect(warningWords(warning([587]), 'en', en)).toMatch(/^Port 587, the port checked/);
    expect(warningWords(warning([]), 'en', en)).toBe(en('warnNoSubmissionNoneAnswered'));
    for (const ports of [[465, 587], [587], []]) expect(warningWords(warning(ports), 'en', en)).not.toContain('2525');
  });

  it('a port that takes only Windows sign-in names the setting to choose: NTLM, or Kerberos without NTLM', () => {
    const warning = (method: unknown): Warning => ({ code: 'auth-windows-only', port: 587, message: 'x', params: { method } as Warning['params'] });
    expect(warningWords(warning('ntlm'), 'en', en)).toMatch(/^Port 587 takes only a Windows sign-in \(NTLM\).*Secure Password Authentication/);
    expect(warningWords(warning('ntlm'), 'es', es)).toContain('Autenticación de contraseña segura (SPA)');
    expect(warningWords(warning('kerberos'), 'en', en)).toMatch(/Kerberos/);
    expect(warningWords(warning('kerberos'), 'en', en)).not.toMatch(/NTLM/);
    // Facts missing or damaged: NTLM, the common case, is named.
    expect(warningWords(warning(42), 'en', en)).toBe(en('warnAuthNtlmOnly', 587));
  });

  it('dates and lists follow the language', () => {
    const expired: Warning = { code: 'cert-expired', port: 465, message: '', params: { validTo: '2025-01-01' } };
    expect(warningWords(expired, 'en', en)).toContain('expired on 1 January 2025');
    expect(warningWords(expired, 'es', es)).toContain('caducó el 1 de enero de 2025');
    expect(listWords([25, 465, 587], en)).toBe('25, 465 and 587');
    expect(listWords([25, 465, 587], es)).toBe('25, 465 y 587');
  });

  it('a code or facts this version does not know fall back to plain words, never to the service\'s English', () => {
    const future = { code: 'dane-missing', message: 'The server publishes no DANE record.', port: 25 };
    expect(warningWords(future, 'es', es)).toBe(es('warnOther'));
    const damaged = { code: 'cert-name-mismatch', port: 'x', message: 'English', params: { names: [42, '\u202Eevil'] } };
    expect(warningWords(damaged, 'es', es)).toBe(es('warnOther'));
    const noFacts = { code: 'cert-name-mismatch', port: 587, message: 'English' };
    expect(warningWords(noFacts, 'es', es)).toBe(es('warnCertName', 587));
    const bidi = { code: 'cert-name-mismatch', port: 587, message: '', params: { names: ['\u202Eevil.example'] } };
    expect(warningWords(bidi, 'en', en)).toContain('evil.example');
    expect(warningWords(bidi, 'en', en)).not.toContain('\u202E');
    expect(warningWords(null, 'en', en)).toBe(en('warnOther'));
  });
});
