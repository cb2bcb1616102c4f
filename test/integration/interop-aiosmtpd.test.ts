/**
 * aiosmtpd (Debian's python3-aiosmtpd, Python's ssl) started by scripts/setup-interop.sh, in the
 * configurations Postfix, Exim and Haraka are not run in:
 *   127.0.0.6  no TLS at all: 25, 587 and 2525 plaintext, AUTH LOGIN PLAIN offered anyway
 *   127.0.0.7  465 and 587 swapped: 465 plaintext with STARTTLS, 587 implicit TLS
 *   127.0.0.8  TLS broken on the server: 465 implicit TLS and 587 STARTTLS, handshakes end with a
 *              handshake_failure alert
 *   127.0.0.9  only Windows sign-in: 587 STARTTLS offering AUTH GSSAPI NTLM before TLS and after, as an
 *              Exchange client connector with password logins turned off
 * Verdicts are those of issue #11 (items 3, 4, 5 and 7).
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureInterop, INTEROP_CA } from '../../scripts/lib/interop';
import { buildCli, port, probeCli, RAW_OPENSSL, swaks, warningCodes, type CliRun } from '../helpers/interop';

const PORTS = [25, 465, 587, 2525];
let cleartext: CliRun;
let swapped: CliRun;
let broken: CliRun;
let windows: CliRun;

beforeAll(async () => {
  await ensureInterop();
  buildCli();
  [cleartext, swapped, broken, windows] = await Promise.all([
    probeCli('127.0.0.6', PORTS, { timeoutMs: 5000 }),
    // The per-port budget issue #11 item 5 names: implicit TLS on 587 must still be recognised.
    probeCli('127.0.0.7', PORTS, { timeoutMs: 10_000 }),
    probeCli('127.0.0.8', PORTS, { timeoutMs: 5000 }),
    probeCli('127.0.0.9', [587], { timeoutMs: 5000, trustCa: true }),
  ]);
  for (const run of [cleartext, swapped, broken, windows]) expect(run.stderr).toBe('');
}, 120_000);

/** What `openssl s_client` prints when it talks to the port, for checking the server side of a test. */
function opensslClient(address: string, portNumber: number, starttls: boolean): string {
  try {
    return execFileSync(
      'openssl',
      ['s_client', '-connect', `${address}:${portNumber}`, ...(starttls ? ['-starttls', 'smtp'] : []), '-brief'],
      { input: '', encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 10_000 },
    );
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}

describe('aiosmtpd on 127.0.0.6: no TLS, AUTH in the clear', () => {
  it('facts: 25, 587 and 2525 speak plaintext SMTP without STARTTLS and offer AUTH; 465 is closed', () => {
    const { report } = cleartext;
    for (const number of [25, 587, 2525]) {
      const result = port(report, number);
      expect(result, `port ${number}`).toMatchObject({ state: 'starttls-missing', security: 'none', tls: null, auth: ['LOGIN', 'PLAIN'] });
      expect(result.banner, `port ${number}`).toMatch(/^aiosmtpd\.interop\.test aiosmtpd interop test server/);
      expect(result.ehlo.beforeTls, `port ${number}`).toEqual(swaks('127.0.0.6', number, 'plain').beforeTls);
      expect(result.ehlo.beforeTls, `port ${number}`).toContain('AUTH LOGIN PLAIN');
    }
    expect(port(report, 465).state).toBe('refused');
  });

  it('warns auth-cleartext on each port that offers AUTH without any TLS (#11 item 3)', () => {
    for (const number of [25, 587, 2525]) {
      expect(warningCodes(cleartext.report, number), `port ${number}`).toContain('auth-cleartext');
      expect(warningCodes(cleartext.report, number), `port ${number}`).not.toContain('auth-before-tls');
    }
  });

  it('recommends nothing: no port protects the password', () => {
    expect(cleartext.report.recommendation).toBeNull();
    expect(cleartext.code).toBe(1);
  });

  it('the human report shows the login offered in the clear, not a dash', () => {
    let stdout = '';
    try {
      stdout = execFileSync(process.execPath, ['build/cli/smtp-probe.js', '127.0.0.6', '--allow-private', '--ports', '25,587', '--timeout-ms', '5000'], { encoding: 'utf8' });
    } catch (error) {
      stdout = (error as { stdout?: string }).stdout ?? '';
    }
    for (const number of [25, 587]) {
      expect(stdout, `port ${number}`).toMatch(new RegExp(`^${number} .*Open, but no STARTTLS offered .* LOGIN PLAIN \\(unencrypted\\)$`, 'm'));
    }
  });
});

describe('aiosmtpd on 127.0.0.7: 465 and 587 swapped', () => {
  it('the server really is swapped: swaks finds STARTTLS on 465 and implicit TLS on 587', () => {
    const plain465 = swaks('127.0.0.7', 465, 'starttls');
    expect(plain465.beforeTls).toContain('STARTTLS');
    expect(plain465.afterTls).toContain('AUTH LOGIN PLAIN');
    const implicit587 = swaks('127.0.0.7', 587, 'implicit');
    expect(implicit587.protocol).toBe('TLSv1.3');
    expect(implicit587.afterTls).toContain('AUTH LOGIN PLAIN');
  });

  it('465 is reported as plaintext SMTP where implicit TLS was expected', () => {
    const result = port(swapped.report, 465);
    expect(result).toMatchObject({ state: 'tls-unexpected', security: 'none' });
    expect(result.message).toMatch(/plain SMTP/);
  });

  it('587 is reported tls-expected within --timeout-ms 10000 (#11 item 5)', () => {
    expect(port(swapped.report, 587).state).toBe('tls-expected');
    expect(port(swapped.report, 587).latency.totalMs).toBeLessThanOrEqual(10_000);
  });

  it('the summary says 465 and 587 are swapped (#11 item 7)', () => {
    // The recommendation's summary when there is one; otherwise the report's summary is its warnings.
    const { recommendation, warnings } = swapped.report;
    const summaries = recommendation ? [recommendation.summary] : warnings.map((warning) => warning.message);
    expect(summaries.some((text) => /swapped/i.test(text) && /465/.test(text) && /587/.test(text)), summaries.join('\n')).toBe(true);
  });
});

describe('aiosmtpd on 127.0.0.8: TLS broken on the server', () => {
  it('the server sends a handshake_failure alert on both ports (openssl s_client)', () => {
    expect(opensslClient('127.0.0.8', 465, false)).toMatch(/alert handshake failure/);
    expect(opensslClient('127.0.0.8', 587, true)).toMatch(/alert handshake failure/);
  });

  it('facts: 465 tls-failed, 587 offers STARTTLS and then starttls-failed', () => {
    const implicit = port(broken.report, 465);
    expect(implicit).toMatchObject({ state: 'tls-failed', security: 'none', auth: [] });
    const starttls = port(broken.report, 587);
    expect(starttls).toMatchObject({ state: 'starttls-failed', security: 'none', auth: [] });
    expect(starttls.ehlo.beforeTls).toContain('STARTTLS');
    expect(starttls.banner).toMatch(/^aiosmtpd\.interop\.test/);
    expect(broken.report.recommendation).toBeNull();
  });

  it('port messages name the alert in words and carry no raw OpenSSL text (#11 item 4)', () => {
    for (const number of [465, 587]) {
      const result = port(broken.report, number);
      expect(result.message, `port ${number}`).not.toMatch(RAW_OPENSSL);
      expect(result.message, `port ${number}`).toMatch(/handshake failure/i);
      // The raw reason stays in the report, in a field of its own, for experts.
      const { message: _message, ...rest } = result;
      expect(JSON.stringify(rest), `port ${number}`).toMatch(/alert handshake failure/);
    }
  });

  it('the summary says 465 and 587 answered and TLS failed, with the alert (#11 item 4)', () => {
    const messages = broken.report.warnings.map((warning) => warning.message);
    expect(messages.join('\n')).not.toMatch(/None of the submission ports checked|the submission port checked, took no connection/);
    expect(messages.join('\n')).not.toMatch(RAW_OPENSSL);
    expect(messages.some((message) => /TLS/.test(message) && /handshake failure/i.test(message))).toBe(true);
  });
});

describe('aiosmtpd on 127.0.0.9: only Windows sign-in', () => {
  it('facts: 587 offers AUTH GSSAPI NTLM before STARTTLS and after it, as swaks sees', () => {
    const result = port(windows.report, 587);
    expect(result).toMatchObject({ state: 'ok', security: 'starttls', auth: ['GSSAPI', 'NTLM'] });
    const seen = swaks('127.0.0.9', 587, 'starttls');
    expect(result.ehlo.beforeTls).toEqual(seen.beforeTls);
    expect(result.ehlo.afterTls).toEqual(seen.afterTls);
    expect(result.ehlo.beforeTls).toContain('AUTH GSSAPI NTLM');
  });

  it('recommends 587 with a Windows sign-in and says to choose NTLM; NTLM before TLS is no password in the clear', () => {
    const { report } = windows;
    expect(report.recommendation).toMatchObject({ port: 587, security: 'starttls', authentication: 'ntlm' });
    expect(report.warnings.map((warning) => warning.code)).toEqual(['auth-windows-only']);
    expect(report.warnings[0]).toMatchObject({ port: 587, params: { method: 'ntlm', mechanisms: ['GSSAPI', 'NTLM'] } });
    expect(report.warnings[0]?.message).toContain('set the mail program\'s authentication method to NTLM');
  });

  it('the human report says there is no fallback when every other port checked is closed, and not when 465 was never checked', () => {
    const human = (ports: string): string => {
      const env = { ...process.env, NODE_EXTRA_CA_CERTS: INTEROP_CA };
      return execFileSync(process.execPath, ['build/cli/smtp-probe.js', '127.0.0.9', '--allow-private', '--ports', ports, '--timeout-ms', '5000'], { encoding: 'utf8', env });
    };
    const all = human('25,465,587,2525');
    expect(all).toMatch(/^Recommendation: Use 127\.0\.0\.9, port 587 /m);
    expect(all).toContain('No fallback: the other submission ports checked (465, 2525) do not work for sending from a mail program.');
    expect(human('25,587')).not.toMatch(/No fallback|Also works/);
  });
});
