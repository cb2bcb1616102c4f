/**
 * Verdicts on real TLS servers on loopback: certificate trust, weak keys, IP names, AUTH without TLS,
 * broken TLS, swapped ports and the budget of a silent implicit-TLS port. Each server is a fixture
 * with a certificate made by openssl; the advice comes from `recommend` on the probe's own results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortResult, ProbePort } from '../../src/core/api';
import { recommend } from '../../src/core/diagnosis/recommend';
import { runDialogue, type DialogueOptions, type DialogueResult } from '../../src/server/smtp/dialogue';
import { certificateWorkshop, type CertificateWorkshop, type TestCertificate } from '../helpers/smtp-certs';
import { implicitSubmissionServer, scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const FAST = { connectMs: 1000, greetingMs: 1500, slowGreetingMs: 500, commandMs: 2000, totalMs: 6000 };
const server = 'localhost';

let workshop: CertificateWorkshop;
let authority: TestCertificate;
let fromPrivateCa: TestCertificate;
let expiredFromPrivateCa: TestCertificate;
let selfSigned: TestCertificate;
let withIp: TestCertificate;
let rsa512: TestCertificate;
let sha1FromPrivateCa: TestCertificate;
let p224: TestCertificate;
const fixtures: Fixture[] = [];

beforeAll(() => {
  workshop = certificateWorkshop();
  authority = workshop.authority('Fixture Private Root CA');
  fromPrivateCa = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], issuedBy: authority });
  expiredFromPrivateCa = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], issuedBy: authority, notBefore: '20200101000000Z', notAfter: '20210101000000Z' });
  selfSigned = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'] });
  withIp = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'] });
  rsa512 = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], rsaBits: 512 });
  sha1FromPrivateCa = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], issuedBy: authority, digest: 'sha1' });
  p224 = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'], ecCurve: 'secp224r1' });
}, 60_000);

afterAll(async () => {
  await Promise.all(fixtures.map((fixture) => fixture.close()));
  workshop?.cleanUp();
});

async function track(fixture: Promise<Fixture>): Promise<Fixture> {
  const ready = await fixture;
  fixtures.push(ready);
  return ready;
}

function probe(port: number, extra: Partial<DialogueOptions> = {}): Promise<DialogueResult> {
  return runDialogue({ address: '127.0.0.1', family: 4, port, mode: 'starttls', hostname: server, timeouts: FAST, ...extra });
}

/** The fixture listens on a random port; the advice is about the probe port it stands in for. */
function as(port: ProbePort, result: DialogueResult): PortResult {
  return { ...result, port };
}

/** A small implicit-TLS submission server: greeting, EHLO with AUTH, QUIT. */
function implicitSubmission(certificate: TestCertificate, tlsOptions = {}): Promise<Fixture> {
  return implicitSubmissionServer(certificate, 'fixture.test', 'ESMTP over TLS', tlsOptions);
}

const RAW_OPENSSL = /error:[0-9A-F]{8}|SSL routines|deps\/openssl|\.c:\d+/;

describe('who vouches for the certificate', () => {
  it('a certificate from an untrusted private CA is not self-signed, names its issuer and is called untrusted', async () => {
    const fixture = await track(scriptedSmtp({ certificate: fromPrivateCa, authBeforeTls: false }));
    const result = await probe(fixture.port);
    expect(result.state).toBe('ok');
    expect(result.tls).toMatchObject({ selfSigned: false, authorized: false, matchesHost: true, expired: false, issuer: 'Fixture Private Root CA', chainTrusted: false });
    const { warnings } = recommend([as(587, result)], { server });
    const untrusted = warnings.find((warning) => warning.code === 'cert-untrusted');
    expect(untrusted?.port).toBe(587);
    expect(untrusted?.message).toMatch(/Fixture Private Root CA/);
    expect(untrusted?.message).toMatch(/authority that mail programs do not trust/);
    expect(untrusted?.message).not.toMatch(/self-signed|SELF_SIGNED/);
  });

  it('a self-signed certificate stays self-signed', async () => {
    const fixture = await track(scriptedSmtp({ certificate: selfSigned }));
    const result = await probe(fixture.port);
    expect(result.tls).toMatchObject({ selfSigned: true, authorized: false, chainTrusted: false });
    const { warnings } = recommend([as(587, result)], { server });
    expect(warnings.find((warning) => warning.code === 'cert-untrusted')?.message).toMatch(/is self-signed/);
  });

  it('an expired certificate from an untrusted CA is reported as both expired and untrusted', async () => {
    const fixture = await track(implicitSubmission(expiredFromPrivateCa));
    const result = await probe(fixture.port, { mode: 'implicit' });
    expect(result.state).toBe('ok');
    expect(result.tls).toMatchObject({ expired: true, selfSigned: false, authorized: false });
    const codes = recommend([as(465, result)], { server }).warnings.map((warning) => `${warning.code}:${warning.port}`);
    expect(codes).toContain('cert-expired:465');
    expect(codes).toContain('cert-untrusted:465');
  });

  it('IP-address names in the certificate are valid names, and match an IP host', async () => {
    const fixture = await track(implicitSubmission(withIp));
    const result = await probe(fixture.port, { mode: 'implicit', hostname: '127.0.0.1' });
    expect(result.tls?.validNames).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(result.tls?.matchesHost).toBe(true);
  });
});

describe('weak certificates', () => {
  it('a 512-bit RSA key is described and warned about, and the handshake still completes', async () => {
    // OpenSSL's default security level refuses to load such a key on the server side.
    const fixture = await track(scriptedSmtp({ certificate: rsa512, tlsOptions: { ciphers: 'DEFAULT@SECLEVEL=0', maxVersion: 'TLSv1.2' } }));
    const result = await probe(fixture.port);
    expect(result.state).toBe('ok');
    expect(result.tls).toMatchObject({ keyType: 'RSA', keyBits: 512, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const weak = recommend([as(587, result)], { server }).warnings.find((warning) => warning.code === 'cert-weak-key');
    expect(weak?.port).toBe(587);
    expect(weak?.message).toMatch(/512-bit RSA key/);
  });

  it('a SHA-1 signature is warned about', async () => {
    const fixture = await track(implicitSubmission(sha1FromPrivateCa, { ciphers: 'DEFAULT@SECLEVEL=0' }));
    const result = await probe(fixture.port, { mode: 'implicit' });
    expect(result.state).toBe('ok');
    expect(result.tls).toMatchObject({ keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha1WithRSAEncryption' });
    const weak = recommend([as(465, result)], { server }).warnings.find((warning) => warning.code === 'cert-weak-key');
    expect(weak?.message).toMatch(/SHA-1/);
  });

  it('a key on a weak curve (P-224) is warned about', async () => {
    // TLS 1.3 has no signature scheme for P-224, so such a server can only speak TLS 1.2.
    const fixture = await track(implicitSubmission(p224, { ciphers: 'DEFAULT@SECLEVEL=0', maxVersion: 'TLSv1.2' }));
    const result = await probe(fixture.port, { mode: 'implicit' });
    expect(result.state).toBe('ok');
    expect(result.tls).toMatchObject({ keyType: 'EC', keyBits: 224, curve: 'secp224r1', signatureAlgorithm: 'ecdsa-with-SHA256' });
    const weak = recommend([as(465, result)], { server }).warnings.find((warning) => warning.code === 'cert-weak-key');
    expect(weak?.message).toMatch(/224-bit elliptic curve \(secp224r1\)/);
  });

  it('a 2048-bit RSA key signed with SHA-256 is not weak', async () => {
    const fixture = await track(implicitSubmission(fromPrivateCa));
    const result = await probe(fixture.port, { mode: 'implicit' });
    expect(result.tls).toMatchObject({ keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption' });
    expect(recommend([as(465, result)], { server }).warnings.map((warning) => warning.code)).not.toContain('cert-weak-key');
  });
});

describe('login without encryption', () => {
  it('AUTH on a port without any TLS is warned about, per port', async () => {
    const plain = await track(scriptedSmtp({ authBeforeTls: true }));
    const [on587, on2525] = await Promise.all([probe(plain.port), probe(plain.port)]);
    expect(on587.state).toBe('starttls-missing');
    expect(on587.auth).toEqual(['PLAIN', 'LOGIN']);
    const { warnings } = recommend([as(587, on587), as(2525, on2525)], { server });
    const cleartext = warnings.filter((warning) => warning.code === 'auth-cleartext');
    expect(cleartext.map((warning) => warning.port)).toEqual([587, 2525]);
    expect(cleartext[0]?.message).toMatch(/Port 587 offers login without any encryption/);
    expect(warnings.map((warning) => warning.code)).not.toContain('auth-before-tls');
  });

  it('AUTH before STARTTLS stays auth-before-tls, not auth-cleartext', async () => {
    const early = await track(scriptedSmtp({ certificate: fromPrivateCa, authBeforeTls: true }));
    const result = await probe(early.port);
    expect(result.state).toBe('ok');
    const codes = recommend([as(587, result)], { server }).warnings.map((warning) => warning.code);
    expect(codes).toContain('auth-before-tls');
    expect(codes).not.toContain('auth-cleartext');
  });
});

describe('TLS that fails on the server', () => {
  it('465 and 587 answer but the server ends the handshake with an alert: said in words, raw reason kept apart', async () => {
    // A server stuck on TLS 1.1 answers a modern ClientHello with the "protocol version" alert.
    const old = { minVersion: 'TLSv1' as const, maxVersion: 'TLSv1.1' as const, ciphers: 'DEFAULT@SECLEVEL=0' };
    const implicit = await track(implicitSubmission(fromPrivateCa, old));
    const starttls = await track(scriptedSmtp({ certificate: fromPrivateCa, tlsOptions: old }));
    const [on465, on587] = await Promise.all([probe(implicit.port, { mode: 'implicit' }), probe(starttls.port)]);
    expect(on465.state).toBe('tls-failed');
    expect(on587.state).toBe('starttls-failed');
    for (const result of [on465, on587]) {
      expect(result.message).not.toMatch(RAW_OPENSSL);
      expect(result.message).toMatch(/protocol version/);
      expect(result.tlsError).toMatch(/alert protocol version/);
    }
    const { recommendation, warnings } = recommend([as(465, on465), as(587, on587)], { server });
    expect(recommendation).toBeNull();
    const summary = warnings.find((warning) => warning.code === 'no-submission-port')?.message ?? '';
    expect(summary).not.toMatch(/None of the submission ports/);
    expect(summary).toMatch(/Ports 465 and 587 answer, but the TLS handshake failed/);
    expect(summary).toMatch(/protocol version/);
    for (const warning of warnings) expect(warning.message).not.toMatch(RAW_OPENSSL);
  });
});

describe('a silent implicit-TLS port on a short budget', () => {
  it('with a 10 s budget (the CLI at --timeout-ms 10000), implicit TLS on 587 is tls-expected, and told within seconds', async () => {
    const fixture = await track(implicitSubmission(fromPrivateCa));
    const started = Date.now();
    const result = await probe(fixture.port, { timeouts: { connectMs: 8000, greetingMs: 10_000, slowGreetingMs: 5000, commandMs: 10_000, totalMs: 10_000 } });
    expect(result.state).toBe('tls-expected');
    expect(result.banner).toBe('fixture.test ESMTP over TLS');
    expect(result.tls?.issuer).toBe('Fixture Private Root CA');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a slow plaintext greeting still wins over the parallel TLS try', async () => {
    const slow = await track(scriptedSmtp({ certificate: fromPrivateCa, greetingDelayMs: 1500 }));
    const result = await probe(slow.port, { timeouts: { ...FAST, greetingMs: 4000, tlsTryAfterMs: 300 } });
    expect(result.state).toBe('ok');
    expect(result.banner).toBe('fixture.test ESMTP ready');
    expect(result.slowGreeting).toBe(true);
    // The TLS try used a second connection and never spoke SMTP on it.
    expect(slow.connections).toBe(2);
    const commands = slow.received.filter((entry) => /^[A-Z]+( |$)/.test(entry.line));
    expect(commands.map((entry) => entry.line.split(' ')[0])).toEqual(['EHLO', 'STARTTLS', 'EHLO', 'QUIT']);
  });
});

describe('choosing between equal ports', () => {
  it('prefers the port that offers login only after TLS', async () => {
    const implicit = await track(implicitSubmission(selfSigned));
    const early = await track(scriptedSmtp({ certificate: selfSigned, authBeforeTls: true }));
    const [on465, on587] = await Promise.all([probe(implicit.port, { mode: 'implicit' }), probe(early.port)]);
    expect([on465.state, on587.state]).toEqual(['ok', 'ok']);
    const { recommendation } = recommend([as(465, on465), as(587, on587)], { server });
    expect(recommendation).toMatchObject({ port: 465, security: 'tls', alternative: { port: 587 } });
  });

  it('says so when 465 speaks plaintext and 587 implicit TLS', async () => {
    const plain = await track(scriptedSmtp({ certificate: selfSigned }));
    const implicit = await track(implicitSubmission(selfSigned));
    const [on465, on587] = await Promise.all([probe(plain.port, { mode: 'implicit' }), probe(implicit.port, { timeouts: { ...FAST, tlsTryAfterMs: 300 } })]);
    expect(on465.state).toBe('tls-unexpected');
    expect(on587.state).toBe('tls-expected');
    const { warnings } = recommend([as(465, on465), as(587, on587)], { server });
    const swapped = warnings.find((warning) => warning.code === 'ports-swapped');
    expect(swapped?.message).toMatch(/ports 465 and 587 are swapped/i);
    expect(warnings.find((warning) => warning.code === 'no-submission-port')?.message).toMatch(/swapped/);
  });
});
