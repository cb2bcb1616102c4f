/**
 * Haraka (npm, Node's TLS) on 127.0.0.5, started by scripts/setup-interop.sh with its tls and
 * auth/flat_file plugins and a self-signed certificate:
 *   25, 587  STARTTLS, and AUTH offered before TLS too (flat_file does so for private addresses)
 *   465      implicit TLS with AUTH
 *   2525     no STARTTLS at all, AUTH in the clear
 * Facts are cross-checked with swaks; verdicts are those of issue #11 (items 3 and 7).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/core/api';
import { ensureInterop } from '../../scripts/lib/interop';
import { buildCli, certificateFile, port, probeCli, swaks, warningCodes } from '../helpers/interop';

const MECHANISMS = ['PLAIN', 'LOGIN', 'CRAM-MD5'];
let report: ProbeReport;

beforeAll(async () => {
  await ensureInterop();
  buildCli();
  const run = await probeCli('127.0.0.5', [25, 465, 587, 2525], { timeoutMs: 5000 });
  expect(run.stderr).toBe('');
  report = run.report;
}, 120_000);

describe('Haraka on 127.0.0.5: facts', () => {
  it('25 and 587: STARTTLS, with AUTH already in the EHLO before TLS', () => {
    for (const number of [25, 587]) {
      const result = port(report, number);
      expect(result, `port ${number}`).toMatchObject({ state: 'ok', security: 'starttls', auth: MECHANISMS });
      expect(result.banner, `port ${number}`).toMatch(/^haraka\.interop\.test ESMTP Haraka interop test server/);
      expect(result.ehlo.beforeTls, `port ${number}`).toEqual(expect.arrayContaining(['STARTTLS', 'AUTH PLAIN LOGIN CRAM-MD5']));
      expect(result.ehlo.afterTls, `port ${number}`).toContain('AUTH PLAIN LOGIN CRAM-MD5');
      expect(result.ehlo.afterTls, `port ${number}`).not.toContain('STARTTLS');
    }
  });

  it('465: implicit TLS with AUTH', () => {
    expect(port(report, 465)).toMatchObject({ state: 'ok', security: 'tls', auth: MECHANISMS, ehlo: { beforeTls: null } });
  });

  it('2525: plaintext, no STARTTLS, AUTH offered in the clear', () => {
    const result = port(report, 2525);
    expect(result).toMatchObject({ state: 'starttls-missing', security: 'none', tls: null, auth: MECHANISMS });
    expect(result.ehlo.beforeTls).toContain('AUTH PLAIN LOGIN CRAM-MD5');
    expect(result.ehlo.beforeTls).not.toContain('STARTTLS');
    expect(result.message).toMatch(/without offering STARTTLS/);
  });

  it('EHLO keywords, TLS version and cipher match what swaks sees', () => {
    for (const [number, mode] of [[25, 'starttls'], [465, 'implicit'], [587, 'starttls'], [2525, 'plain']] as const) {
      const seen = swaks('127.0.0.5', number, mode);
      const result = port(report, number);
      expect(result.ehlo.beforeTls, `port ${number} before TLS`).toEqual(seen.beforeTls);
      expect(result.ehlo.afterTls, `port ${number} after TLS`).toEqual(seen.afterTls);
      expect(result.tls?.protocol ?? null, `port ${number}`).toBe(seen.protocol);
      expect(result.tls?.cipher ?? null, `port ${number}`).toBe(seen.cipher);
    }
  });

  it('the certificate is self-signed: its own issuer, not authorized, names from its SAN', () => {
    const file = certificateFile('haraka');
    for (const number of [25, 465, 587]) {
      const { tls } = port(report, number);
      expect(tls, `port ${number}`).toMatchObject({
        selfSigned: true,
        authorized: false,
        authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        subject: 'haraka.interop.test',
        issuer: 'haraka.interop.test',
        fingerprint256: file.fingerprint256,
        expired: false,
        protocol: 'TLSv1.3',
      });
      expect(tls?.validNames).toContain('haraka.interop.test');
    }
  });
});

describe('Haraka on 127.0.0.5: verdicts', () => {
  it('the self-signed certificate is warned about as such', () => {
    for (const number of [465, 587]) {
      const untrusted = report.warnings.find((warning) => warning.port === number && warning.code === 'cert-untrusted');
      expect(untrusted?.message, `port ${number}`).toMatch(/self-signed/);
    }
  });

  it('AUTH before STARTTLS on 587 is auth-before-tls', () => {
    expect(warningCodes(report, 587)).toContain('auth-before-tls');
    expect(warningCodes(report, 587)).not.toContain('auth-cleartext');
  });

  it('AUTH on 2525, a port with no TLS at all, is auth-cleartext (#11 item 3)', () => {
    expect(warningCodes(report, 2525)).toContain('auth-cleartext');
    expect(warningCodes(report, 2525)).not.toContain('auth-before-tls');
  });

  it('recommends 465, which offers AUTH only after TLS, over 587 (#11 item 7)', () => {
    expect(report.recommendation).toMatchObject({ port: 465, security: 'tls', authentication: 'password' });
  });
});
