/**
 * Exim 4 (Debian's exim4-daemon-light, GnuTLS) started by scripts/setup-interop.sh, probed with the
 * built CLI. Certificates come from the suite's private CA, which no system trusts unless told to
 * (NODE_EXTRA_CA_CERTS stands in for an administrator who installed it):
 *   127.0.0.2  valid for exim.interop.test and 127.0.0.2: 25 STARTTLS no AUTH, 465 implicit TLS,
 *              587 STARTTLS with AUTH after TLS, 2525 STARTTLS with AUTH before TLS too
 *   127.0.0.3  the same ports with a certificate that expired on 2025-01-01
 *   127.0.0.4  the same ports with a certificate for other.interop.test only
 * Facts are cross-checked with swaks; verdicts are those of issue #11 (items 1, 2, 6 and 7).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/core/api';
import { ensureInterop } from '../../scripts/lib/interop';
import { buildCli, certificateFile, port, probeCli, swaks, warningCodes, type CertificateFile } from '../helpers/interop';

const PORTS = [25, 465, 587, 2525];
const TIMEOUT_MS = 5000;

let valid: ProbeReport;
let validTrusted: ProbeReport;
let expired: ProbeReport;
let expiredTrusted: ProbeReport;
let wrongName: ProbeReport;
let wrongNameTrusted: ProbeReport;
let eximCert: CertificateFile;

beforeAll(async () => {
  await ensureInterop();
  buildCli();
  eximCert = certificateFile('exim');
  const runs = await Promise.all([
    probeCli('127.0.0.2', PORTS, { timeoutMs: TIMEOUT_MS }),
    probeCli('127.0.0.2', PORTS, { timeoutMs: TIMEOUT_MS, trustCa: true }),
    probeCli('127.0.0.3', PORTS, { timeoutMs: TIMEOUT_MS }),
    probeCli('127.0.0.3', PORTS, { timeoutMs: TIMEOUT_MS, trustCa: true }),
    probeCli('127.0.0.4', PORTS, { timeoutMs: TIMEOUT_MS }),
    probeCli('127.0.0.4', PORTS, { timeoutMs: TIMEOUT_MS, trustCa: true }),
  ]);
  for (const run of runs) expect(run.stderr).toBe('');
  [valid, validTrusted, expired, expiredTrusted, wrongName, wrongNameTrusted] = runs.map((run) => run.report) as [
    ProbeReport, ProbeReport, ProbeReport, ProbeReport, ProbeReport, ProbeReport,
  ];
}, 120_000);

describe('Exim on 127.0.0.2: facts', () => {
  it('25 answers with STARTTLS and offers no AUTH, before or after TLS', () => {
    const result = port(valid, 25);
    expect(result).toMatchObject({ state: 'ok', security: 'starttls', auth: [] });
    expect(result.banner).toMatch(/^exim\.interop\.test ESMTP Exim 4\.\d+/);
    expect(result.ehlo.beforeTls).toContain('STARTTLS');
    expect(result.ehlo.afterTls?.some((keyword) => keyword.startsWith('AUTH'))).toBe(false);
  });

  it('465 is implicit TLS with AUTH PLAIN LOGIN', () => {
    const result = port(valid, 465);
    expect(result).toMatchObject({ state: 'ok', security: 'tls', auth: ['PLAIN', 'LOGIN'] });
    expect(result.ehlo.beforeTls).toBeNull();
    expect(result.ehlo.afterTls).toContain('AUTH PLAIN LOGIN');
  });

  it('587 offers AUTH only after STARTTLS; 2525 offers it before too', () => {
    const submission = port(valid, 587);
    expect(submission).toMatchObject({ state: 'ok', security: 'starttls', auth: ['PLAIN', 'LOGIN'] });
    expect(submission.ehlo.beforeTls?.some((keyword) => keyword.startsWith('AUTH'))).toBe(false);
    expect(submission.ehlo.afterTls).toContain('AUTH PLAIN LOGIN');
    const alternate = port(valid, 2525);
    expect(alternate).toMatchObject({ state: 'ok', security: 'starttls', auth: ['PLAIN', 'LOGIN'] });
    expect(alternate.ehlo.beforeTls).toContain('AUTH PLAIN LOGIN');
    expect(alternate.ehlo.beforeTls).toContain('STARTTLS');
  });

  it('EHLO keywords, TLS version and cipher match what swaks sees', () => {
    for (const [number, mode] of [[25, 'starttls'], [465, 'implicit'], [587, 'starttls'], [2525, 'starttls']] as const) {
      const seen = swaks('127.0.0.2', number, mode);
      const result = port(valid, number);
      expect(result.ehlo.beforeTls, `port ${number} before TLS`).toEqual(seen.beforeTls);
      expect(result.ehlo.afterTls, `port ${number} after TLS`).toEqual(seen.afterTls);
      expect(result.tls?.protocol, `port ${number}`).toBe(seen.protocol);
      expect(result.tls?.cipher, `port ${number}`).toBe(seen.cipher);
    }
  });

  it('the certificate is the one the CA issued, untrusted while the CA is unknown', () => {
    for (const number of [25, 465, 587, 2525]) {
      const { tls } = port(valid, number);
      expect(tls, `port ${number}`).toMatchObject({
        authorized: false,
        subject: 'exim.interop.test',
        issuer: 'Interop Test CA',
        fingerprint256: eximCert.fingerprint256,
        validFrom: eximCert.validFrom,
        validTo: eximCert.validTo,
        matchesHost: true,
        expired: false,
      });
      expect(tls?.validNames).toContain('exim.interop.test');
      expect(tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    }
  });

  it('with the CA trusted the same certificate is authorized', () => {
    for (const number of [25, 465, 587, 2525]) {
      expect(port(validTrusted, number).tls, `port ${number}`).toMatchObject({
        authorized: true,
        authorizationError: null,
        selfSigned: false,
        fingerprint256: eximCert.fingerprint256,
      });
    }
    expect(validTrusted.warnings.filter((warning) => warning.code.startsWith('cert-'))).toEqual([]);
  });
});

describe('Exim on 127.0.0.2: verdicts', () => {
  it('a certificate from an untrusted CA is not self-signed (#11 item 1)', () => {
    for (const number of [25, 465, 587, 2525]) {
      expect(port(valid, number).tls?.selfSigned, `port ${number}`).toBe(false);
    }
  });

  it('warns cert-untrusted per submission port, naming an authority mail programs do not trust (#11 item 1)', () => {
    for (const number of [465, 587]) {
      const warnings = valid.warnings.filter((warning) => warning.port === number && warning.code === 'cert-untrusted');
      expect(warnings, `port ${number}`).toHaveLength(1);
      expect(warnings[0]!.message).toMatch(/authority/i);
      expect(warnings[0]!.message).not.toMatch(/self-signed/i);
    }
  });

  it('IP-address SANs are among the valid names (#11 item 6)', () => {
    expect(port(valid, 587).tls?.validNames).toEqual(expect.arrayContaining(['exim.interop.test', '127.0.0.2']));
  });

  it('AUTH before TLS on 2525 is warned; 587 is recommended over it (#11 item 7)', () => {
    expect(warningCodes(valid, 2525)).toContain('auth-before-tls');
    expect(warningCodes(valid, 587)).not.toContain('auth-before-tls');
    expect(valid.recommendation).toMatchObject({ port: 587, security: 'starttls', authentication: 'password' });
    expect(valid.recommendation?.alternative).toEqual({ port: 465, security: 'tls' });
  });

  it('port 25 without AUTH is called a receiving server', () => {
    expect(warningCodes(valid, 25)).toEqual(['port25-no-auth']);
  });
});

describe('Exim on 127.0.0.3: expired certificate from the untrusted CA', () => {
  it('facts: expired on 2025-01-01, issued by the CA, not authorized', () => {
    const file = certificateFile('expired');
    for (const number of [25, 465, 587]) {
      expect(port(expired, number).state, `port ${number}`).toBe('ok');
      expect(port(expired, number).tls, `port ${number}`).toMatchObject({
        authorized: false,
        expired: true,
        subject: 'expired.interop.test',
        issuer: 'Interop Test CA',
        validTo: '2025-01-01T00:00:00.000Z',
        fingerprint256: file.fingerprint256,
      });
    }
    expect(port(expiredTrusted, 587).tls).toMatchObject({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED', expired: true });
  });

  it('reports both cert-expired and cert-untrusted per submission port (#11 item 2)', () => {
    for (const number of [465, 587]) {
      expect(warningCodes(expired, number), `port ${number}`).toEqual(expect.arrayContaining(['cert-expired', 'cert-untrusted']));
    }
  });

  it('with the CA trusted, only cert-expired', () => {
    for (const number of [465, 587]) {
      expect(warningCodes(expiredTrusted, number).filter((code) => code.startsWith('cert-')), `port ${number}`).toEqual(['cert-expired']);
    }
  });
});

describe('Exim on 127.0.0.4: certificate for another name', () => {
  it('facts: names only other.interop.test, does not match 127.0.0.4', () => {
    for (const number of [25, 465, 587]) {
      expect(port(wrongName, number).tls, `port ${number}`).toMatchObject({
        matchesHost: false,
        validNames: ['other.interop.test'],
        issuer: 'Interop Test CA',
        authorized: false,
      });
      expect(port(wrongNameTrusted, number).tls, `port ${number}`).toMatchObject({
        matchesHost: false,
        authorized: false,
        authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
        selfSigned: false,
      });
    }
  });

  it('warns cert-name-mismatch naming the certificate name; with the CA trusted, nothing else', () => {
    for (const number of [465, 587]) {
      const mismatch = wrongName.warnings.find((warning) => warning.port === number && warning.code === 'cert-name-mismatch');
      expect(mismatch?.message, `port ${number}`).toMatch(/other\.interop\.test/);
      expect(warningCodes(wrongNameTrusted, number).filter((code) => code.startsWith('cert-')), `port ${number}`).toEqual(['cert-name-mismatch']);
    }
  });

  it('untrusted CA: cert-untrusted as well, and not called self-signed (#11 item 1)', () => {
    for (const number of [465, 587]) {
      expect(warningCodes(wrongName, number), `port ${number}`).toEqual(expect.arrayContaining(['cert-name-mismatch', 'cert-untrusted']));
      expect(port(wrongName, number).tls?.selfSigned, `port ${number}`).toBe(false);
    }
  });
});
