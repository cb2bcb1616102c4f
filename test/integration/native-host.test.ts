/**
 * The native messaging host as the browser runs it: the built CLI with --native-host, framed JSON on
 * stdin/stdout. "The service's view" is the same host without the simulated network; "the local view"
 * has port 25 made filtered or port 465 sent to a loopback interceptor (src/cli/test-network.ts).
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeReport } from '../../src/core/api';
import { postfixAnswers } from '../../scripts/lib/postfix';
import { compareViews } from '../../src/core/diagnosis/compare';
import { encodeFrame, type NativeReply } from '../../src/cli/native-messaging';
import { MAX_NATIVE_QUEUE } from '../../src/core/native-protocol';
import { certificateWorkshop, type CertificateWorkshop } from '../helpers/smtp-certs';
import { mailShield, rawServer, scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const CLI = resolve('build/cli/smtp-probe.js');
const CHROME_ORIGIN = 'chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb/';

interface Host {
  child: ChildProcessWithoutNullStreams;
  send(message: unknown): void;
  sendRaw(bytes: Uint8Array): void;
  /** The next reply, in arrival order. */
  next(timeoutMs?: number): Promise<NativeReply>;
  /** The reply tagged with this id (replies to concurrent probes may come in any order). */
  reply(id: string | number, timeoutMs?: number): Promise<NativeReply>;
  exited: Promise<number | null>;
  stderr(): string;
}

const hosts: Host[] = [];

function startHost(args: string[], env: Record<string, string> = {}, command: string[] = [process.execPath, CLI]): Host {
  const child = spawn(command[0]!, [...command.slice(1), ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let buffer = Buffer.alloc(0);
  let errors = '';
  const replies: NativeReply[] = [];
  const waiters: (() => void)[] = [];
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
      const length = buffer.readUInt32LE(0);
      replies.push(JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as NativeReply);
      buffer = buffer.subarray(4 + length);
    }
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitFor = async (pick: () => NativeReply | undefined, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = pick();
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms; stderr: ${errors}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 100);
      });
    }
  };
  const host: Host = {
    child,
    send: (message) => child.stdin.write(encodeFrame(message)),
    sendRaw: (bytes) => child.stdin.write(bytes),
    next: (timeoutMs = 5000) => waitFor(() => replies.shift(), timeoutMs, 'reply'),
    reply: (id, timeoutMs = 45_000) =>
      waitFor(() => {
        const index = replies.findIndex((reply) => reply.id === id);
        return index === -1 ? undefined : replies.splice(index, 1)[0];
      }, timeoutMs, `reply to ${id}`),
    exited,
    stderr: () => errors,
  };
  hosts.push(host);
  return host;
}

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function resultOf(reply: NativeReply): ProbeReport {
  if (reply.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(reply)}`);
  return reply.report;
}

let postfixUp = false;
let workshop: CertificateWorkshop | undefined;
const fixtures: Fixture[] = [];
const temporary: string[] = [];

beforeAll(async () => {
  // Tested as shipped: the bundle the browser's launcher runs.
  await new Promise<void>((done, fail) =>
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? fail(error) : done())),
  );
  expect(existsSync(CLI)).toBe(true);
  postfixUp = await postfixAnswers();
});

afterAll(async () => {
  for (const host of hosts) if (host.child.exitCode === null) host.child.kill();
  await Promise.all(fixtures.map((fixture) => fixture.close()));
  workshop?.cleanUp();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('native messaging host', () => {
  it('probes localhost and replies with a report tagged with the id (extra browser arguments ignored)', async (context) => {
    if (!postfixUp) context.skip('loopback Postfix is not running: run `sudo bash scripts/setup-postfix.sh`');
    const host = startHost(['--native-host', '--allow-private', CHROME_ORIGIN]);
    host.send({ type: 'probe', id: 'first', target: 'localhost' });
    const report = resultOf(await host.reply('first'));
    expect(report).toMatchObject({ target: 'localhost', server: 'localhost' });
    for (const port of [25, 465, 587]) {
      expect(report.ports.some((result) => result.port === port && result.state === 'ok'), `port ${port}`).toBe(true);
    }
    host.child.stdin.end();
    expect(await host.exited).toBe(0);
  });

  it('answers oversize, malformed and non-probe messages with errors and keeps running', async () => {
    const smtp = await scriptedSmtp({});
    fixtures.push(smtp);
    // The valid probe afterwards goes to a fixture (plain SMTP, no STARTTLS), so this test needs no Postfix.
    const host = startHost(['--native-host', '--allow-private'], { SMTP_PROBE_TEST_REDIRECT: `2525=127.0.0.1:${smtp.port}` });

    const oversize = Buffer.alloc(1024 * 1024 + 1, 0x20);
    const header = Buffer.alloc(4);
    header.writeUInt32LE(oversize.length);
    host.sendRaw(header);
    host.sendRaw(oversize);
    expect(await host.next()).toMatchObject({ type: 'error', id: null, code: 'too-large' });

    host.sendRaw(Buffer.from([0, 0, 0, 0]));
    expect(await host.next()).toMatchObject({ type: 'error', id: null, code: 'malformed', message: expect.stringMatching(/empty/) });

    const notJson = Buffer.from('{"type":"probe",');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(notJson.length);
    host.sendRaw(Buffer.concat([length, notJson]));
    expect(await host.next()).toMatchObject({ type: 'error', code: 'malformed', message: expect.stringMatching(/JSON/) });

    host.send([{ type: 'probe' }]);
    expect(await host.next()).toMatchObject({ type: 'error', id: null, code: 'malformed' });
    host.send({ type: 'ping', id: 9 });
    expect(await host.next()).toMatchObject({ type: 'error', id: 9, code: 'invalid-request' });
    host.send({ type: 'probe', id: 10, target: '127.0.0.1', ports: [22] });
    expect(await host.next()).toMatchObject({ type: 'error', id: 10, code: 'invalid-request' });

    host.send({ type: 'probe', id: 11, target: '127.0.0.1', ports: [2525] });
    host.send({ type: 'probe', id: 12, target: '127.0.0.1', ports: [2525] });
    for (const id of [11, 12]) {
      const report = resultOf(await host.reply(id));
      expect(report.ports).toEqual([expect.objectContaining({ port: 2525, state: 'starttls-missing', banner: 'fixture.test ESMTP ready' })]);
    }
    expect(host.child.exitCode).toBeNull();
    host.child.stdin.end();
    expect(await host.exited).toBe(0);
  });

  it('replies an error and exits cleanly on a length no browser sends', async () => {
    const host = startHost(['--native-host']);
    host.sendRaw(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    expect(await host.next()).toMatchObject({ type: 'error', id: null, code: 'malformed', message: expect.stringMatching(/cannot find the next message/) });
    expect(await host.exited).toBe(0);
  });

  it('refuses a private target without --allow-private, and nothing connects', async () => {
    // Where a redirect would send the probe, if the switches were read without --allow-private.
    const counter = await rawServer((socket) => socket.destroy());
    fixtures.push(counter);
    // The probe only connects to the four probe ports: count on 2525 itself when it is free.
    const on2525 = await new Promise<Fixture | null>((done) => {
      const state = { connections: 0 };
      const server = createServer((socket) => {
        state.connections += 1;
        socket.destroy();
      });
      server.once('error', () => done(null));
      server.listen(2525, '127.0.0.1', () =>
        done(Object.assign(state, { port: 2525, received: [], close: () => new Promise<void>((closed) => server.close(() => closed())) })),
      );
    });
    if (on2525) fixtures.push(on2525);
    // Without --allow-private the test network switches are ignored too, so a redirect cannot get round the guard.
    const host = startHost(['--native-host', CHROME_ORIGIN], { SMTP_PROBE_TEST_REDIRECT: `2525=127.0.0.1:${counter.port}` });
    for (const [id, target] of [[1, '127.0.0.1'], [2, 'localhost'], [3, '[::1]'], [4, '2130706433'], [5, 'me@127.0.0.1']] as const) {
      host.send({ type: 'probe', id, target, ports: [2525] });
      const reply = await host.reply(id, 10_000);
      expect(reply, target).toMatchObject({ type: 'error', id });
      expect(['refused-target', 'invalid-target'], target).toContain((reply as { code: string }).code);
    }
    await new Promise((wait) => setTimeout(wait, 300));
    expect(counter.connections).toBe(0);
    if (on2525) expect(on2525.connections).toBe(0);
    host.child.stdin.end();
    expect(await host.exited).toBe(0);
  });

  it('exits when stdin closes, even with a probe still waiting on a filtered port', async () => {
    const host = startHost(['--native-host', '--allow-private'], { SMTP_PROBE_TEST_BLOCK_PORTS: '2525' });
    host.send({ type: 'probe', id: 1, target: '127.0.0.1', ports: [2525] });
    await new Promise((wait) => setTimeout(wait, 300));
    const closedAt = Date.now();
    host.child.stdin.end();
    expect(await host.exited).toBe(0);
    expect(Date.now() - closedAt).toBeLessThan(3000);
  });

  it('holds at most MAX_NATIVE_QUEUE requests and answers the rest busy at once, keeping the held ones running', async () => {
    // Every probe waits on a filtered port, so none finishes while the flood arrives.
    const host = startHost(['--native-host', '--allow-private', '--timeout-ms', '20000'], { SMTP_PROBE_TEST_BLOCK_PORTS: '2525' });
    const extra = 5;
    const sentAt = Date.now();
    for (let id = 1; id <= MAX_NATIVE_QUEUE + extra; id += 1) host.send({ type: 'probe', id, target: '127.0.0.1', ports: [2525] });
    for (let id = MAX_NATIVE_QUEUE + 1; id <= MAX_NATIVE_QUEUE + extra; id += 1) {
      const reply = await host.reply(id, 5000);
      expect(reply).toMatchObject({ type: 'error', id, code: 'busy', message: expect.stringMatching(/already running 16 checks; try again/) });
    }
    expect(Date.now() - sentAt).toBeLessThan(5000);
    // The held requests are still running, not refused: none of them has had a reply.
    await expect(host.reply(1, 300)).rejects.toThrow(/no reply to 1/);
    host.child.stdin.end();
    expect(await host.exited).toBe(0);
  });
});

describe('is it my network? (simulated on loopback)', () => {
  it('port 25 filtered on the local side reads as blocked by the network', async (context) => {
    if (!postfixUp) context.skip('loopback Postfix is not running');
    const service = startHost(['--native-host', '--allow-private']);
    const local = startHost(['--native-host', '--allow-private', '--timeout-ms', '2000'], { SMTP_PROBE_TEST_BLOCK_PORTS: '25' });
    service.send({ type: 'probe', id: 's', target: '127.0.0.1' });
    local.send({ type: 'probe', id: 'l', target: '127.0.0.1' });
    const [serviceReport, localReport] = [resultOf(await service.reply('s')), resultOf(await local.reply('l'))];
    expect(localReport.ports.find((result) => result.port === 25)?.state).toBe('timeout');
    const comparison = compareViews(serviceReport, localReport);
    expect(comparison.ports.map((entry) => [entry.port, entry.verdict])).toEqual([[25, 'blocked-by-network'], [465, 'open-from-both'], [587, 'open-from-both']]);
    expect(comparison.summary).toBe('Your server answers on 25, 465 and 587, but from your network port 25 times out, so your provider blocks it: use 587.');
  });

  it('port 465 answered by a local interceptor reads as intercepted', async (context) => {
    if (!postfixUp) context.skip('loopback Postfix is not running');
    workshop ??= certificateWorkshop();
    const shield = await mailShield(workshop);
    fixtures.push(shield);
    const service = startHost(['--native-host', '--allow-private']);
    const local = startHost(['--native-host', '--allow-private'], { SMTP_PROBE_TEST_REDIRECT: `465=127.0.0.1:${shield.port}` });
    service.send({ type: 'probe', id: 's', target: '127.0.0.1', ports: [465, 587] });
    local.send({ type: 'probe', id: 'l', target: '127.0.0.1', ports: [465, 587] });
    const [serviceReport, localReport] = [resultOf(await service.reply('s')), resultOf(await local.reply('l'))];
    expect(shield.connections).toBeGreaterThan(0);
    expect(localReport.ports.find((result) => result.port === 465)?.tls?.subject).toBe('mail-shield.test');
    const comparison = compareViews(serviceReport, localReport);
    expect(comparison.ports.map((entry) => [entry.port, entry.verdict])).toEqual([[465, 'intercepted'], [587, 'open-from-both']]);
    expect(comparison.ports[0]!.sentence).toMatch(/greets as mail-shield\.test/);
  });
});

describe('install-host and uninstall-host', () => {
  for (const browser of ['chromium', 'firefox'] as const) {
    it(`round trip for ${browser} in a --user-data-dir`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'smtp-probe-host-'));
      temporary.push(dir);
      const folder = join(dir, 'NativeMessagingHosts');
      const manifestPath = join(folder, 'com.smtp_port_assistant.probe.json');
      const launcherPath = join(folder, 'com.smtp_port_assistant.probe.sh');
      const programPath = join(folder, 'com.smtp_port_assistant.probe.mjs');

      const installed = await run(['install-host', '--browser', browser, '--user-data-dir', dir, '--allow-private']);
      expect(installed.stderr).toBe('');
      expect(installed.code).toBe(0);
      expect(installed.stdout.trim().split('\n')).toEqual([
        `Copied the probe: ${programPath}`,
        `Wrote launcher: ${launcherPath}`,
        `Wrote host manifest for ${browser}: ${manifestPath}`,
      ]);
      // Its own copy of the bundle: the host keeps working when the checkout (or npx's cache) goes away.
      expect(readFileSync(programPath)).toEqual(readFileSync(CLI));

      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ name: 'com.smtp_port_assistant.probe', path: launcherPath, type: 'stdio' });
      if (browser === 'firefox') expect(manifest.allowed_extensions).toEqual(['smtp-port-assistant@smtp-port-assistant.org']);
      else expect(manifest.allowed_origins).toEqual([CHROME_ORIGIN]);
      const launcher = readFileSync(launcherPath, 'utf8');
      expect(launcher).toContain(`'${process.execPath}' '${programPath}' --native-host --allow-private "$@"`);
      expect(statSync(launcherPath).mode & 0o111).toBe(0o111);

      // The launcher works as the browser would call it (Firefox: manifest path and extension id).
      const browserArgs = browser === 'firefox' ? [manifestPath, 'smtp-port-assistant@smtp-port-assistant.org'] : [CHROME_ORIGIN];
      const host = startHost(browserArgs, {}, [launcherPath]);
      host.send({ type: 'hello', id: 'x' });
      expect(await host.next()).toMatchObject({ type: 'error', id: 'x', code: 'invalid-request' });
      host.child.stdin.end();
      expect(await host.exited).toBe(0);

      const removed = await run(['uninstall-host', '--browser', browser, '--user-data-dir', dir]);
      expect(removed.code).toBe(0);
      expect(removed.stdout.trim().split('\n')).toEqual([
        `Removed host manifest: ${manifestPath}`,
        `Removed launcher: ${launcherPath}`,
        `Removed program: ${programPath}`,
      ]);
      for (const file of [manifestPath, launcherPath, programPath]) expect(existsSync(file)).toBe(false);
      const again = await run(['uninstall-host', '--browser', browser, '--user-data-dir', dir]);
      expect(again.stdout.trim().split('\n')).toEqual([
        `No host manifest to remove at ${manifestPath}`,
        `No launcher to remove at ${launcherPath}`,
        `No program to remove at ${programPath}`,
      ]);
    });
  }

  it('installs when started the way npx starts it: through the extensionless .bin symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-probe-npx-'));
    temporary.push(dir);
    const bin = join(dir, 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    const link = join(bin, 'smtp-probe');
    symlinkSync(CLI, link);
    const installed = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(link, ['install-host', '--browser', 'chrome', '--user-data-dir', dir], { timeout: 30_000 }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(readFileSync(join(dir, 'NativeMessagingHosts', 'com.smtp_port_assistant.probe.mjs'))).toEqual(readFileSync(CLI));
  });

  it('exits 2 with one line on bad flags', async () => {
    for (const args of [
      ['install-host', '--browser', 'safari'],
      ['install-host', '--bogus'],
      ['install-host', 'extra'],
      ['uninstall-host', '--allow-private'],
      ['install-host', '--user-data-dir'],
    ]) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr).toMatch(/^smtp-probe: /);
    }
  });
});
