import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePostfix } from '../../scripts/lib/postfix';
import { providerFile, startIspdb } from '../helpers/ispdb-server';

const CLI = 'build/cli/smtp-probe.js';
const READER = 'test/helpers/read-setup-files.py';
const work = mkdtempSync(join(tmpdir(), 'setup-files-'));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 45_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function read(kind: 'profile' | 'autoconfig' | 'autodiscover', file: string): Record<string, unknown> {
  return JSON.parse(execFileSync('python3', [READER, kind], { input: readFileSync(file), encoding: 'utf8' })) as Record<string, unknown>;
}

beforeAll(async () => {
  // The CLI is tested as shipped: the bundle that `npm install` (prepare) builds.
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? reject(error) : resolve())),
  );
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const explicit = ['--server', 'smtp.example.net', '--port', '465', '--security', 'tls', '--incoming', 'imap:imap.example.net:993:tls'];

describe('smtp-probe setup-files', () => {
  it('writes the four files for a given server, and independent readers take them', async () => {
    const out = join(work, 'explicit');
    const { code, stdout, stderr } = await run(['setup-files', 'user@example.net', ...explicit, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['autodiscover.xml', 'config-v1.1.xml', 'example.net-srv.zone', 'example.net.mobileconfig']);
    expect(stdout).toContain(`Wrote ${join(out, 'example.net.mobileconfig')}`);
    expect(stdout).toContain('config-v1.1.xml: publish at https://autoconfig.example.net/mail/config-v1.1.xml and https://example.net/.well-known/autoconfig/mail/config-v1.1.xml');
    const account = (read('profile', join(out, 'example.net.mobileconfig')).PayloadContent as Record<string, unknown>[])[0];
    expect(account).toMatchObject({ EmailAddress: 'user@example.net', OutgoingMailServerHostName: 'smtp.example.net', OutgoingMailServerPortNumber: 465, OutgoingMailServerUseSSL: true });
    const autoconfig = read('autoconfig', join(out, 'config-v1.1.xml'));
    expect(autoconfig.servers).toContainEqual(expect.objectContaining({ tag: 'outgoingServer', hostname: 'smtp.example.net', port: '465', socketType: 'SSL' }));
    expect((read('autodiscover', join(out, 'autodiscover.xml')).protocols as { Type: string }[]).map((protocol) => protocol.Type)).toEqual(['IMAP', 'SMTP']);
    expect(readFileSync(join(out, 'example.net-srv.zone'), 'utf8')).toContain('_submissions._tcp.example.net. 3600 IN SRV 0 1 465 smtp.example.net.');
  });

  it('explains itself in setup-files --help', async () => {
    const { code, stdout } = await run(['setup-files', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: smtp-probe setup-files EMAIL --out DIR/);
    expect(stdout).toContain('--force             replace files that already exist (otherwise nothing is written)');
  });

  it('refuses to replace existing files without --force, and replaces them with it', async () => {
    const out = join(work, 'existing');
    expect((await run(['setup-files', 'user@example.net', ...explicit, '--out', out])).code).toBe(0);
    writeFileSync(join(out, 'config-v1.1.xml'), 'mine');
    const again = await run(['setup-files', 'user@example.net', ...explicit, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^smtp-probe: example\.net\.mobileconfig, config-v1\.1\.xml, autodiscover\.xml, example\.net-srv\.zone already exist in .*; nothing was written\. Add --force to replace\.\n$/);
    expect(readFileSync(join(out, 'config-v1.1.xml'), 'utf8')).toBe('mine');
    const forced = await run(['setup-files', 'user@example.net', ...explicit, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(out, 'config-v1.1.xml'), 'utf8')).toContain('<clientConfig version="1.1">');
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['no address', ['setup-files', ...explicit, '--out', 'x'], /^smtp-probe: Give the email address the files are for\.$/],
    ['a domain instead of an address', ['setup-files', 'example.net', ...explicit, '--out', 'x'], /email address/],
    ['no --incoming', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--port', '587', '--security', 'starttls', '--out', 'x'], /Give --incoming, e\.g\. --incoming imap:/],
    ['a malformed --incoming', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--port', '587', '--security', 'starttls', '--incoming', 'imap:993', '--out', 'x'], /--incoming must look like/],
    ['a port out of range', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--port', '70000', '--security', 'starttls', '--incoming', 'imap:h.example.net:993:tls', '--out', 'x'], /port must be a whole number from 1 to 65535/],
    ['port 25, the port between servers', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--port', '25', '--security', 'starttls', '--incoming', 'imap:h.example.net:993:tls', '--out', 'x'], /^smtp-probe: Port 25 is for mail between servers, and many internet providers block it/],
    ['a server without its port, before asking for --incoming', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--security', 'starttls', '--out', 'x'], /--port/],
    ['port 25 without --incoming: the port is the first mistake', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--port', '25', '--security', 'starttls', '--out', 'x'], /Port 25 is for mail between servers/],
    ['plaintext security', ['setup-files', 'user@example.net', '--server', 'smtp.example.net', '--port', '25', '--security', 'none', '--incoming', 'imap:h.example.net:993:tls', '--out', 'x'], /unprotected connection is not written/],
    ['a disguised address', ['setup-files', 'user@example.net', '--server', '2130706433', '--port', '587', '--security', 'starttls', '--incoming', 'imap:h.example.net:993:tls', '--out', 'x'], /127\.0\.0\.1 written in an unusual form/],
    ['--port without --server', ['setup-files', 'user@example.net', '--port', '587', '--incoming', 'imap:h.example.net:993:tls', '--out', 'x'], /--port and --security go with --server/],
    ['an unknown option', ['setup-files', 'user@example.net', '--bogus'], /^smtp-probe: --bogus is not an option\. See setup-files --help\.$/],
    ['control characters in the server', ['setup-files', 'user@example.net', '--server', 'smtp\u001b[31m.example.net', '--port', '587', '--security', 'starttls', '--incoming', 'imap:h.example.net:993:tls', '--out', 'x'], /not a valid outgoing server/],
  ];
  for (const [name, args, message] of bad) {
    it(`exits 2 with one line for ${name}, writing nothing`, async () => {
      const { code, stdout, stderr } = await run(args.map((arg) => (arg === 'x' ? join(work, 'never') : arg)));
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toHaveLength(2);
      expect(stderr.trimEnd()).toMatch(message);
      expect(stderr).not.toContain('\u001b');
      expect(existsSync(join(work, 'never'))).toBe(false);
    });
  }

  it('without --server, runs the check first and writes its recommendation and published login', async () => {
    // Loopback Postfix (scripts/setup-postfix.sh, started when missing and we are root) answers 587;
    // isp.test's provider file names it.
    await ensurePostfix();
    const ispdb = await startIspdb({
      'isp.test': providerFile('isp.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILLOCALPART%', authentication: 'password-cleartext' }),
    });
    try {
      const out = join(work, 'checked');
      const env = { ISPDB_URL: ispdb.url, NODE_EXTRA_CA_CERTS: ispdb.caFile };
      const { code, stdout, stderr } = await run(['setup-files', 'jdoe@isp.test', '--incoming', 'pop3:localhost:995:tls', '--allow-private', '--out', out], env);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Outgoing: localhost port 587 STARTTLS; incoming: POP3 localhost port 995 SSL\/TLS\./);
      // The loopback Postfix's certificate is its own: the people the files are for will be warned of it, so the helpdesk is told first.
      expect(stdout).toMatch(/\nThe check also found \(customers will meet it too\):\n {2}- .*[Ss]elf-signed.*\n(?: {2}- .*\n)*Wrote /);
      const account = (read('profile', join(out, 'isp.test.mobileconfig')).PayloadContent as Record<string, unknown>[])[0];
      expect(account).toMatchObject({ EmailAccountType: 'EmailTypePOP', OutgoingMailServerHostName: 'localhost', OutgoingMailServerPortNumber: 587, OutgoingMailServerUsername: 'jdoe' });
      expect(read('autoconfig', join(out, 'config-v1.1.xml')).servers).toContainEqual(expect.objectContaining({ tag: 'outgoingServer', hostname: 'localhost', port: '587', socketType: 'STARTTLS', username: '%EMAILLOCALPART%' }));
    } finally {
      await ispdb.close();
    }
  });

  it('without --incoming, takes the incoming server the provider file publishes, and asks for it when there is none', async () => {
    await ensurePostfix();
    const withIncoming = providerFile('isp.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILADDRESS%', authentication: 'password-cleartext' }).replace(
      '<outgoingServer',
      '<incomingServer type="imap"><hostname>imap.isp.test</hostname><port>143</port><socketType>STARTTLS</socketType></incomingServer>\n    <outgoingServer',
    );
    const ispdb = await startIspdb({
      'isp.test': withIncoming,
      'bare.test': providerFile('bare.test', { hostname: 'localhost', port: 587, socketType: 'STARTTLS', username: '%EMAILADDRESS%', authentication: 'password-cleartext' }),
    });
    try {
      const env = { ISPDB_URL: ispdb.url, NODE_EXTRA_CA_CERTS: ispdb.caFile };
      const out = join(work, 'discovered');
      const found = await run(['setup-files', 'jdoe@isp.test', '--allow-private', '--out', out], env);
      expect(found.stderr).toBe('');
      expect(found.code).toBe(0);
      expect(found.stdout).toMatch(/^Outgoing: localhost port 587 STARTTLS; incoming: IMAP imap\.isp\.test port 143 STARTTLS\./);
      expect(read('autoconfig', join(out, 'config-v1.1.xml')).servers).toContainEqual(expect.objectContaining({ tag: 'incomingServer', type: 'imap', hostname: 'imap.isp.test', port: '143', socketType: 'STARTTLS' }));

      const missing = await run(['setup-files', 'jdoe@bare.test', '--allow-private', '--out', join(work, 'bare')], env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe('smtp-probe: The check found no published incoming server; give --incoming, e.g. --incoming imap:mail.example.net:993:tls.\n');
      expect(existsSync(join(work, 'bare'))).toBe(false);
    } finally {
      await ispdb.close();
    }
  });

  it('without --server, a target the probe refuses exits 2 and writes nothing', async () => {
    const out = join(work, 'refused');
    const { code, stderr } = await run(['setup-files', 'user@localhost.localhost', '--incoming', 'imap:imap.example.net:993:tls', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^smtp-probe: .+\n$/);
    expect(existsSync(out)).toBe(false);
  });
});
