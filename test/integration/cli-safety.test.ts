/**
 * The built CLI against hostile or broken conditions: a mail server that sends terminal control
 * sequences, an internal failure, targets that hide an address, and the exact reach of --allow-private.
 * Servers are real loopback SMTP fixtures; the CLI's test network (--allow-private only) points a probe
 * port at them.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/core/api';
import { hasUnsafeText } from '../../src/core/sanitize';
import { certificateWorkshop, type CertificateWorkshop } from '../helpers/smtp-certs';
import { scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const CLI = 'build/cli/smtp-probe.js';
const ESC_TITLE_CLEAR = '\u001b]0;PWNED\u0007\u001b[2J';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, CLI, ...args], { timeout: 45_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** No control character other than the line feed, and no bidi control, anywhere in the output. */
function printable(text: string): boolean {
  return !hasUnsafeText(text.replace(/\n/g, ''));
}

let workshop: CertificateWorkshop;
let hostile: Fixture;

beforeAll(async () => {
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? reject(error) : resolve())),
  );
  workshop = certificateWorkshop();
  const certificate = workshop.make({ commonName: `evil${ESC_TITLE_CLEAR}`, dnsNames: [`evil${ESC_TITLE_CLEAR}.example`] });
  // Every piece of text a server controls carries an escape sequence or a bidi override.
  hostile = await scriptedSmtp({
    greeting: `220 banner${ESC_TITLE_CLEAR}\u009b2J\u202emoc.evil ESMTP\r\n`,
    certificate,
    respond: (command, session) => {
      if (!command.toUpperCase().startsWith('EHLO')) return undefined;
      const auth = session.tls ? `250-AUTH PLAIN LOGIN X\u001b[31mRED\r\n` : '';
      return `250-greet${ESC_TITLE_CLEAR}\r\n${session.tls ? '' : '250-STARTTLS\r\n'}${auth}250 8BITMIME\u2066\r\n`;
    },
  });
}, 60_000);

afterAll(async () => {
  await hostile?.close();
  workshop?.cleanUp();
});

describe('server text never reaches the terminal raw', () => {
  const env = () => ({ SMTP_PROBE_TEST_REDIRECT: `587=127.0.0.1:${hostile.port}` });

  it('prints the human report without control or bidi characters', async () => {
    const { stdout, stderr } = await run(['127.0.0.1', '--allow-private', '--no-discovery', '--ports', '587'], env());
    expect(stdout).toMatch(/^Outgoing server: 127\.0\.0\.1/);
    expect(stdout).toMatch(/587 +127\.0\.0\.1/);
    // The certificate's name is quoted in a warning (Node already writes an odd SAN in escaped form).
    expect(stdout).toMatch(/Warnings:\n.*not valid for 127\.0\.0\.1 \(it names .*evil/);
    expect(printable(stdout), JSON.stringify(stdout)).toBe(true);
    expect(printable(stderr), JSON.stringify(stderr)).toBe(true);
  });

  it('prints JSON whose server text fields are cleaned and whose bytes hold no raw control', async () => {
    const { stdout } = await run(['127.0.0.1', '--allow-private', '--no-discovery', '--ports', '587', '--json'], env());
    expect(printable(stdout), JSON.stringify(stdout)).toBe(true);
    const report = JSON.parse(stdout) as ProbeReport;
    const port = report.ports[0]!;
    expect(port.banner).toContain('banner]0;PWNED[2J');
    expect(port.banner).toContain('moc.evil ESMTP');
    // Cleaned in the report itself, not only escaped in the JSON text: no consumer sees the controls.
    expect(printable(JSON.stringify(report)), JSON.stringify(report)).toBe(true);
    for (const text of [port.banner ?? '', ...(port.ehlo?.beforeTls ?? []), ...(port.ehlo?.afterTls ?? []), port.tls?.subject ?? '']) {
      expect(hasUnsafeText(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('version and exit status', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = await run([flag]);
      expect(result).toEqual({ code: 0, stdout: `smtp-probe ${version}\n`, stderr: '' });
    }
  });

  it('exits 3 with one line when the check itself breaks, not 1 like "no usable setting"', async () => {
    // A fault injected into the real process before the CLI runs: the first thing a probe does is stamp
    // its start time, and that now throws as a bug would.
    const fault = 'data:text/javascript,Date.prototype.toISOString=()=>{throw new TypeError("injected fault")}';
    const { code, stdout, stderr } = await run(['127.0.0.1', '--allow-private', '--no-discovery', '--ports', '587'], {}, ['--import', fault]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe('smtp-probe: The check failed unexpectedly: injected fault\n');
  });

  it('says what the exit statuses mean in --help', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toMatch(/--version/);
    expect(stdout).toMatch(/3 internal failure/);
  });
});

describe('--allow-private opens loopback, RFC 1918 and unique-local only', () => {
  it.each([
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['192.0.2.1', /reserved or documentation/],
    ['fe80::1', /link-local/],
  ])('refuses %s at once with one line, exit 2', async (target, reason) => {
    const started = Date.now();
    const { code, stdout, stderr } = await run([target, '--allow-private', '--no-discovery', '--ports', '587', '--timeout-ms', '3000']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('says exactly what it opens in --help', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toMatch(/--allow-private +testing a local server: also allow loopback \(127\.0\.0\.0\/8, ::1\),\n +RFC 1918/);
    expect(stdout).toMatch(/not link-local such as\n +169\.254\.169\.254/);
  });
});

describe('targets that hide an address', () => {
  it.each(['127.0.0.0x1', '0x7f.0x0.0x0.0x1', 'user@0x7f.0x0.0x0.0x1', '2130706433', '0177.0.0.1', '127.1', '127.0.0.1.', 'user@foo.localhost'])(
    '%s: exit 2 with one line, even with --allow-private',
    async (target) => {
      for (const flags of [[], ['--allow-private']]) {
        const { code, stdout, stderr } = await run([target, ...flags, '--ports', '587', '--timeout-ms', '3000']);
        expect(code, flags.join(' ')).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^smtp-probe: .*(IP address|names this computer).*\.\n$/);
      }
    },
  );

  it('refuses a localhost name without --allow-private, and checks it with the flag', async () => {
    const refused = await run(['foo.localhost', '--ports', '587', '--timeout-ms', '3000']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toMatch(/^smtp-probe: "foo\.localhost" names this computer itself/);
    const checked = await run(['foo.localhost', '--allow-private', '--ports', '587', '--json', '--timeout-ms', '3000'], {
      SMTP_PROBE_TEST_REDIRECT: `587=127.0.0.1:${hostile.port}`,
    });
    const report = JSON.parse(checked.stdout) as ProbeReport;
    expect(report).toMatchObject({ kind: 'host', server: 'foo.localhost', discovery: null });
  });
});
