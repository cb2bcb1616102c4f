import { describe, expect, it } from 'vitest';
import { usernameWords } from '../../src/core/diagnosis/username';
import { AUTHENTICATIONS, type PortResult, type PortState, type TlsFacts } from '../../src/core/api';
import {
  describeAuthMechanisms,
  describeAuthentication,
  describeCertificate,
  describeNoFallback,
  describeNoRecommendation,
  describePort,
  describeRecommendation,
  describeSecurity,
  describeState,
} from '../../src/core/diagnosis/describe';

const STATES: PortState[] = ['ok', 'refused', 'timeout', 'unreachable', 'no-greeting', 'tls-expected', 'tls-unexpected', 'not-smtp', 'rejected', 'starttls-missing', 'starttls-failed', 'tls-failed', 'protocol'];

const tls: TlsFacts = {
  authorized: true,
  authorizationError: null,
  protocol: 'TLSv1.3',
  cipher: null,
  subject: 'smtp.example.com',
  issuer: null,
  validNames: ['smtp.example.com'],
  validFrom: null,
  validTo: null,
  matchesHost: true,
  selfSigned: false,
  expired: false,
  fingerprint256: null,
};

function result(overrides: Partial<PortResult>): PortResult {
  return {
    port: 587,
    address: '192.0.2.1',
    family: 4,
    state: 'ok',
    message: '',
    banner: null,
    ehlo: { beforeTls: null, afterTls: null, usedHelo: false },
    security: 'starttls',
    tls,
    auth: ['PLAIN'],
    slowGreeting: false,
    latency: { connectMs: null, greetingMs: null, totalMs: 0 },
    ...overrides,
  };
}

describe('describe', () => {
  it('has a distinct plain-words label for every port state', () => {
    const labels = STATES.map(describeState);
    expect(new Set(labels).size).toBe(STATES.length);
    for (const label of labels) expect(label).toMatch(/^[A-Z][^.]*$/);
    expect(describeState('timeout')).toBe('Blocked or filtered (no answer)');
  });

  it('describes an open port by what it offers', () => {
    expect(describePort(result({}))).toBe('Open, STARTTLS, login offered');
    expect(describePort(result({ security: 'tls', port: 465 }))).toBe('Open, implicit TLS, login offered');
    expect(describePort(result({ security: 'none', tls: null, auth: [] }))).toBe('Open, no encryption, no login offered');
    expect(describePort(result({ state: 'refused' }))).toBe('Closed (connection refused)');
  });

  it('names the certificate problem a person must act on first', () => {
    expect(describeCertificate(null)).toBe('—');
    expect(describeCertificate(tls)).toBe('valid');
    expect(describeCertificate({ ...tls, authorized: false, expired: true })).toBe('expired');
    expect(describeCertificate({ ...tls, authorized: false, matchesHost: false })).toBe('not valid for this name');
    expect(describeCertificate({ ...tls, authorized: false, selfSigned: true })).toBe('self-signed');
    expect(describeCertificate({ ...tls, authorized: false, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' })).toBe('not trusted (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)');
  });

  it('names an untrusted private authority instead of its OpenSSL code, and a weak key', () => {
    const privateCa = { ...tls, authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', issuer: 'Example Private CA', chainTrusted: false };
    expect(describeCertificate(privateCa)).toBe('from an untrusted authority (Example Private CA)');
    expect(describeCertificate({ ...tls, chainTrusted: true, keyType: 'RSA', keyBits: 1024 })).toBe('valid, but with a weak key or signature');
    expect(describeCertificate({ ...tls, chainTrusted: true, keyType: 'EC', keyBits: 256, signatureAlgorithm: 'ecdsa-with-SHA1' })).toBe('valid, but with a weak key or signature');
    expect(describeCertificate({ ...tls, chainTrusted: true, keyType: 'EC', keyBits: 256, signatureAlgorithm: 'ecdsa-with-SHA256' })).toBe('valid');
  });

  it('words security, login and mechanisms', () => {
    expect(describeSecurity('tls')).toBe('implicit TLS');
    expect(describeSecurity('starttls')).toBe('STARTTLS');
    expect(describeSecurity('none')).toBe('no encryption');
    // Every login has words of its own: none reads as another's.
    const words = AUTHENTICATIONS.map((auth) => describeAuthentication(auth));
    for (const text of words) expect(text).not.toBe('');
    expect(new Set(words).size).toBe(AUTHENTICATIONS.length);
    expect(describeAuthMechanisms(['PLAIN', 'LOGIN'])).toBe('PLAIN LOGIN');
    expect(describeAuthMechanisms([])).toBe('none');
  });

  it('makes the recommendation one sentence', () => {
    expect(describeRecommendation({ server: 'smtp.example.com', port: 465, security: 'tls', authentication: 'password' })).toBe(
      'Use smtp.example.com, port 465 with implicit TLS, and sign in with your email password.',
    );
    expect(describeRecommendation({ server: 'relay.example.com', port: 587, security: 'starttls', authentication: 'none' })).toBe(
      'Use relay.example.com, port 587 with STARTTLS, and no login.',
    );
    expect(describeNoRecommendation()).toMatch(/^No port .*\.$/);
    expect(describeNoRecommendation([{ code: 'ports-swapped' }])).toBe(
      'No port works the standard way: 465 and 587 are swapped on this server (see the warnings), so there is no usual setting to recommend.',
    );
  });

  it('names an internationalised server as it is written and as it is typed', () => {
    expect(describeRecommendation({ server: 'mail.xn--bcher-kva.de', port: 587, security: 'starttls', authentication: 'password' })).toBe(
      'Use mail.bücher.de (mail.xn--bcher-kva.de), port 587 with STARTTLS, and sign in with your email password.',
    );
  });
});

describe('describeNoFallback', () => {
  const recommendation = { server: 'smtp.example.com', port: 587, security: 'starttls' as const, authentication: 'password' as const, summary: '', alternative: null };
  const refused = (port: PortResult['port'], address = '192.0.2.1') => result({ port, address, state: 'refused', security: 'none', tls: null, auth: [] });

  it('names the other submission ports found not working, never port 25, which is for servers', () => {
    // Postfix's usual set: 25 open with a login, 465 closed, 587 recommended.
    const ports = [result({ port: 25 }), refused(465), result({ port: 587 })];
    expect(describeNoFallback({ ports, recommendation })).toBe('No fallback: port 465, the other submission port checked, does not work for sending from a mail program.');
    expect(describeNoFallback({ ports: [...ports, refused(2525)], recommendation })).toBe(
      'No fallback: the other submission ports checked (465, 2525) do not work for sending from a mail program.',
    );
  });

  it('says nothing when the usual other port was not checked, works with another login, or works on one of two addresses', () => {
    expect(describeNoFallback({ ports: [result({ port: 25 }), result({ port: 587 }), refused(2525)], recommendation })).toBeNull();
    // A Windows sign-in only on 465: not the password's fallback, but working.
    expect(describeNoFallback({ ports: [result({ port: 465, security: 'tls', auth: ['NTLM'] }), result({ port: 587 })], recommendation })).toBeNull();
    expect(describeNoFallback({ ports: [refused(465, '2001:db8::1'), result({ port: 465, security: 'tls' }), result({ port: 587 })], recommendation })).toBeNull();
    expect(describeNoFallback({ ports: [refused(465), result({ port: 587 })], recommendation: { ...recommendation, alternative: { port: 2525, security: 'starttls' } } })).toBeNull();
    expect(describeNoFallback({ ports: [refused(465)], recommendation: null })).toBeNull();
  });
});

describe('usernameWords', () => {
  it('gives the value when the address is known, else the published form in words', () => {
    const other = { form: 'other' as const, pattern: '%EMAILLOCALPART%.customer.example', value: null };
    expect(usernameWords({ ...other, value: 'jdoe.customer.example' }, 'es')).toBe('jdoe.customer.example');
    expect(usernameWords(other, 'en')).toBe('(the part of your address before the @).customer.example');
    expect(usernameWords(other, 'es')).toBe('(la parte de su dirección antes de la @).customer.example');
    expect(usernameWords({ form: 'address', pattern: '%EMAILADDRESS%', value: null }, 'en')).toBe('your full email address');
    expect(usernameWords({ form: 'local-part', pattern: '%EMAILLOCALPART%', value: null }, 'es')).toBe('la parte de su dirección antes de la @');
  });

  it('does not call a port plain SMTP when it answered neither TLS nor with a greeting', () => {
    expect(describePort(result({ state: 'tls-unexpected', banner: '220 mail.example.com ESMTP' }))).toBe('Plain SMTP, not implicit TLS');
    expect(describePort(result({ state: 'tls-unexpected', banner: null }))).toBe('Not TLS, and no SMTP greeting');
  });
});

