/**
 * The built CLI on a short budget against swapped submission ports: 465 speaks plain SMTP and 587
 * implicit TLS, both loopback fixtures reached through SMTP_PROBE_TEST_REDIRECT (src/cli/test-network.ts).
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/core/api';
import { certificateWorkshop, type CertificateWorkshop } from '../helpers/smtp-certs';
import { implicitTlsServer, scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const CLI = 'build/cli/smtp-probe.js';

let workshop: CertificateWorkshop;
const fixtures: Fixture[] = [];
let redirect = '';

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 45_000, env: { ...process.env, SMTP_PROBE_TEST_REDIRECT: redirect } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? reject(error) : resolve())),
  );
  workshop = certificateWorkshop();
  const certificate = workshop.make({ commonName: 'localhost', dnsNames: ['localhost'] });
  const plain = await scriptedSmtp({ certificate });
  const implicit = await implicitTlsServer(certificate, (socket) => socket.write('220 fixture.test ESMTP over TLS\r\n'));
  fixtures.push(plain, implicit);
  redirect = `465=127.0.0.1:${plain.port},587=127.0.0.1:${implicit.port}`;
}, 120_000);

afterAll(async () => {
  await Promise.all(fixtures.map((fixture) => fixture.close()));
  workshop?.cleanUp();
});

describe('smtp-probe --timeout-ms 10000 on swapped ports', () => {
  it('finds implicit TLS on 587 within the budget and says that 465 and 587 are swapped', async () => {
    const { stdout, ms } = await run(['localhost', '--allow-private', '--no-discovery', '--ports', '465,587', '--timeout-ms', '10000', '--json']);
    const report = JSON.parse(stdout) as ProbeReport;
    const states = new Set(report.ports.map((result) => `${result.port} ${result.state}`));
    expect(states).toContain('587 tls-expected');
    expect(states).toContain('465 tls-unexpected');
    expect(states).not.toContain('587 no-greeting');
    expect(report.warnings.map((warning) => warning.code)).toContain('ports-swapped');
    expect(ms).toBeLessThan(9000);
  });

  it('prints the swap in the human report', async () => {
    const { stdout } = await run(['localhost', '--allow-private', '--no-discovery', '--ports', '465,587', '--timeout-ms', '10000']);
    expect(stdout).toMatch(/Ports 465 and 587 are swapped/);
  });
});
