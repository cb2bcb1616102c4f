import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/core/api';
import { listening, postfixAnswers } from '../../scripts/lib/postfix';
import { providerFile, startIspdb } from '../helpers/ispdb-server';
import { startZoneDns } from '../helpers/zone-dns';

const CLI = 'build/cli/smtp-probe.js';

function run(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, CLI, ...args], { timeout: 45_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  // The CLI is tested as shipped: the bundle that `npm install` (prepare) builds.
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? reject(error) : resolve())),
  );
  expect(existsSync(CLI)).toBe(true);
});

describe('smtp-probe CLI', () => {
  it('checks the loopback Postfix and recommends a submission port', async (context) => {
    if (!(await postfixAnswers())) context.skip('loopback Postfix is not running: run `sudo bash scripts/setup-postfix.sh`');
    const { code, stdout, stderr } = await run(['localhost', '--allow-private', '--no-discovery', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ProbeReport;
    expect(report).toMatchObject({ target: 'localhost', kind: 'host', server: 'localhost', cached: false });
    for (const port of [25, 465, 587]) {
      expect(report.ports.some((result) => result.port === port && result.state === 'ok'), `port ${port}`).toBe(true);
    }
    const recommendation = report.recommendation;
    expect(recommendation).not.toBeNull();
    expect([`${recommendation?.port} ${recommendation?.security}`]).toContain(recommendation?.port === 465 ? '465 tls' : '587 starttls');
    expect(recommendation?.authentication).toBe('password');
    expect(report.warnings.map((warning) => warning.code)).toContain('port25-no-auth');
  });

  it('says which user name the provider publishes, for an address and for a domain', async (context) => {
    if (!(await listening(587))) context.skip('loopback Postfix is not running');
    // isp.test's provider file (served over HTTPS as the ISPDB) names the loopback Postfix and wants the part before the @.
    const ispdb = await startIspdb({
      'isp.test': providerFile('isp.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILLOCALPART%', authentication: 'password-cleartext' }),
    });
    try {
      const env = { ISPDB_URL: ispdb.url, NODE_EXTRA_CA_CERTS: ispdb.caFile };
      const address = await run(['jdoe@isp.test', '--allow-private', '--ports', '587'], env);
      expect(address.stdout).toMatch(/^Outgoing server: localhost \(found via https:\/\/localhost:\d+\/isp\.test\)/);
      expect(address.stdout).toContain('Recommendation: Use localhost, port 587 with STARTTLS, and sign in as jdoe with your email password.');
      expect(address.stdout).toMatch(/^User name: jdoe$/m);
      expect(address.code).toBe(0);
      const domain = await run(['isp.test', '--allow-private', '--ports', '587'], env);
      expect(domain.stdout).toMatch(/^User name: the part of your address before the @$/m);
      const json = JSON.parse((await run(['jdoe@isp.test', '--allow-private', '--ports', '587', '--json'], env)).stdout) as ProbeReport;
      expect(json.recommendation?.username).toEqual({ form: 'local-part', pattern: '%EMAILLOCALPART%', value: 'jdoe' });
    } finally {
      await ispdb.close();
    }
  });

  it('prints a short human report', async (context) => {
    if (!(await listening(587))) context.skip('loopback Postfix is not running');
    const { code, stdout } = await run(['localhost', '--allow-private', '--no-discovery', '--ports', '587']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Outgoing server: localhost/);
    expect(stdout).toMatch(/587 +127\.0\.0\.1 +Open, STARTTLS, login offered/);
    expect(stdout).toMatch(/Recommendation: Use localhost, port 587 with STARTTLS/);
  });

  it('writes an internationalised name as it was typed, beside the xn-- form mail programs take', async (context) => {
    if (!(await listening(587))) context.skip('loopback Postfix is not running');
    // The name's DNS (a loopback server) points it at the loopback Postfix.
    const dns = await startZoneDns('mail.xn--bcher-kva.test. 60 IN A 127.0.0.1\n');
    try {
      const env = { SMTP_PROBE_TEST_DNS: dns.server };
      const human = await run(['Mail.Bücher.test', '--allow-private', '--no-discovery', '--ports', '587'], env);
      expect(human.stderr).toBe('');
      expect(human.stdout).toMatch(/^Outgoing server: mail\.bücher\.test \(mail\.xn--bcher-kva\.test\)$/m);
      expect(human.stdout).toContain('Recommendation: Use mail.bücher.test (mail.xn--bcher-kva.test), port 587 with STARTTLS');
      // Scripts keep reading the one form DNS and mail programs use.
      const report = JSON.parse((await run(['mail.bücher.test', '--allow-private', '--no-discovery', '--ports', '587', '--json'], env)).stdout) as ProbeReport;
      expect(report).toMatchObject({ target: 'mail.xn--bcher-kva.test', server: 'mail.xn--bcher-kva.test' });
      expect(report.recommendation?.server).toBe('mail.xn--bcher-kva.test');
    } finally {
      await dns.close();
    }
  });

  it('says when a name has more addresses than the one per family it checked', async (context) => {
    if (!(await listening(587))) context.skip('loopback Postfix is not running');
    const dns = await startZoneDns('mail.two.test. 60 IN A 127.0.0.1\nmail.two.test. 60 IN A 127.0.0.9\n');
    try {
      const env = { SMTP_PROBE_TEST_DNS: dns.server };
      const report = JSON.parse((await run(['mail.two.test', '--allow-private', '--no-discovery', '--ports', '587', '--json', '--timeout-ms', '2000'], env)).stdout) as ProbeReport;
      const checked = report.ports.map((result) => result.address);
      expect(checked).toHaveLength(1);
      expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'addresses-skipped', params: { addressCount: 2, checked } }));
      const human = await run(['mail.two.test', '--allow-private', '--no-discovery', '--ports', '587', '--timeout-ms', '2000'], env);
      expect(human.stdout).toContain(`mail.two.test has 2 addresses; only ${checked[0]} was checked (one per address family)`);
    } finally {
      await dns.close();
    }
  });

  it('loads node:http and node:https only when discovery reads a web page', async () => {
    // The preload names, on stderr at exit, which of Node's HTTP modules the process loaded.
    // NODE_OPTIONS is cleared: an inherited preload (a debugger's, an APM agent's) could load them itself.
    const loaded = async (args: string[], env: Record<string, string> = {}) => {
      const { stdout, stderr } = await run(args, { ...env, NODE_OPTIONS: '' }, ['--require', './test/helpers/http-modules-loaded.cjs']);
      // The check ran to its report: a CLI that failed before probing would load nothing either.
      expect((JSON.parse(stdout) as ProbeReport).ports.map((port) => port.port)).toContain(587);
      return stderr.match(/^http modules loaded: (.*)$/m)?.[1];
    };
    expect(await loaded(['localhost', '--allow-private', '--no-discovery', '--ports', '587', '--json'])).toBe('none');
    const ispdb = await startIspdb({
      'isp.test': providerFile('isp.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILADDRESS%', authentication: 'password-cleartext' }),
    });
    try {
      expect(await loaded(['isp.test', '--allow-private', '--ports', '587', '--json'], { ISPDB_URL: ispdb.url, NODE_EXTRA_CA_CERTS: ispdb.caFile })).toMatch(/\bhttps\b/);
    } finally {
      await ispdb.close();
    }
  });

  it('exits 2 with one line on bad input', async () => {
    for (const args of [['https://example.com'], [], ['localhost', '--ports', '26'], ['localhost', '--bogus'], ['localhost', '--timeout-ms', 'soon']]) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^smtp-probe: /);
    }
  });

  it('exits 2 for a private target without --allow-private; with --json the error document is on stdout too', async () => {
    const { code, stdout, stderr } = await run(['localhost', '--no-discovery', '--json']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    const { error } = JSON.parse(stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('refused-target');
    expect(stderr.trim()).toBe(`smtp-probe: ${error.message}`);
    // Without --json, stdout stays empty for a person reading the terminal.
    expect(await run(['localhost', '--no-discovery'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('says an unknown option in its own words, and with --json on stdout too', async () => {
    const { code, stdout, stderr } = await run(['localhost', '--json', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toBe('smtp-probe: --bogus is not an option. See --help.\n');
    expect(JSON.parse(stdout)).toEqual({ error: { code: 'invalid-request', message: '--bogus is not an option. See --help.' } });
  });

  it('shows help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: smtp-probe TARGET/);
  });
});
