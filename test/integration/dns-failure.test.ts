/**
 * A DNS server that fails (SERVFAIL, REFUSED) or never answers is not the customer's typing mistake: the
 * service answers 503 dns-unavailable with Retry-After, the CLI exits 4, the native host replies
 * dns-unavailable, each with one sentence of our own; a name that does not exist stays bad input. The DNS
 * server is a real one on loopback (UDP, RFC 1035), asked through node:dns as the system's would be.
 */
import { execFile, spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasUnsafeText } from '../../src/core/sanitize';
import { encodeFrame, FrameDecoder } from '../../src/cli/native-messaging';
import { buildApp } from '../../src/server/app';
import { systemResolver } from '../../src/server/dns';
import { startZoneDns, type ZoneDns } from '../helpers/zone-dns';

const CLI = 'build/cli/smtp-probe.js';

let dns: ZoneDns;
let app: FastifyInstance | null = null;

beforeAll(async () => {
  dns = await startZoneDns(
    // mixed.test publishes a submission server that does not exist, and its own name fails.
    '_submission._tcp.mixed.test. 3600 IN SRV 0 1 587 gone.mixed.test.\n' +
      // nosubmit.test receives mail but publishes no outgoing server and has none of the usual names.
      'nosubmit.test. 3600 IN MX 10 mx.nosubmit.test.\nmx.nosubmit.test. 3600 IN A 127.0.0.1\n',
    {
      'mail.servfail.test': 'servfail',
      'mail.refused.test': 'refused',
      'mail.silent.test': 'silent',
      'mail.formerr.test': 'formerr',
      // The name does not exist (A: NXDOMAIN), and the AAAA question fails as some home routers make it.
      'typo.v6fail.test/AAAA': 'servfail',
      'mixed.test/A': 'servfail',
      'mixed.test/AAAA': 'servfail',
      'mixed.test/MX': 'servfail',
      // The domain's MX question fails; it has no other records (its own name: NXDOMAIN).
      'mxfail.test/MX': 'servfail',
      // A router that fails SRV questions, for a domain that does not exist.
      '_submissions._tcp.srvtypo.test/SRV': 'servfail',
      '_submission._tcp.srvtypo.test/SRV': 'servfail',
    },
  );
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? reject(error) : resolve())),
  );
}, 60_000);

afterAll(async () => {
  await dns?.close();
});

afterEach(async () => {
  await app?.close();
  app = null;
});

function service(): FastifyInstance {
  return buildApp({
    logger: false,
    resolver: systemResolver(300, [dns.server]),
    fetch: async () => {
      throw new Error('no web reads in this test');
    },
    probePort: async () => {
      throw new Error('no connection expected');
    },
    rateLimitPerMinute: 0,
    rateLimitTargetPerMinute: 0,
  });
}

describe('the service', () => {
  it.each([
    ['mail.servfail.test', /answered with a failure \(SERVFAIL\)/],
    ['mail.refused.test', /refused to answer/],
    ['mail.silent.test', /no DNS server answered in time/],
  ])('%s: 503 dns-unavailable with Retry-After, in our words', async (target, words) => {
    app = service();
    for (const accept of ['application/json', 'application/x-ndjson']) {
      const response = await app.inject({ method: 'POST', url: '/v1/probe', headers: { accept }, payload: { target } });
      expect(response.statusCode, accept).toBe(503);
      expect(response.headers['retry-after'], accept).toBe('30');
      const { error } = response.json() as { error: { code: string; message: string; retryAfterSeconds: number } };
      expect(error).toMatchObject({ code: 'dns-unavailable', retryAfterSeconds: 30 });
      expect(error.message).toMatch(words);
      expect(error.message).toMatch(/^mail\.\w+\.test could not be looked up: .+ try again in 30 seconds\.$/);
      // node:dns's own text (its function names and codes) is not passed on.
      expect(error.message).not.toMatch(/queryA|ESERVFAIL|EREFUSED|ETIMEOUT/);
    }
  });

  it.each([
    ['mail.nowhere.test', /no IPv4 or IPv6 address/],
    // NXDOMAIN for A says the name does not exist, whatever happened to the AAAA question.
    ['typo.v6fail.test', /^typo\.v6fail\.test has no mail server and no address in DNS; check the spelling of the domain\.$/],
    // A server that cannot read the question is not passing trouble: nothing to wait for.
    ['mail.formerr.test', /could not answer the question; check the spelling/],
  ])('%s is bad input (400 invalid-target), not passing DNS trouble', async (target, words) => {
    app = service();
    const response = await app.inject({ method: 'POST', url: '/v1/probe', payload: { target } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid-target', message: expect.stringMatching(words) } });
  });

  it('a published server that does not exist does not hide that DNS failed for the domain itself', async () => {
    app = service();
    const response = await app.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'someone@mixed.test' } });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'dns-unavailable', message: expect.stringMatching(/^mixed\.test could not be looked up/) } });
    expect(dns.questions).toContain('gone.mixed.test');
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 30_000, env: { ...process.env, SMTP_PROBE_TEST_DNS: dns.server } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('the CLI', () => {
  it('exits 4 with one sentence when DNS fails, and 2 when the name does not exist', async () => {
    const failing = await cli(['mail.servfail.test', '--allow-private', '--no-discovery']);
    expect(failing.code).toBe(4);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toMatch(/^smtp-probe: mail\.servfail\.test could not be looked up: .*\(SERVFAIL\)\. This is usually temporary; try again in 30 seconds\.\n$/);
    expect(hasUnsafeText(failing.stderr.replace(/\n/g, ''))).toBe(false);

    const silent = await cli(['mail.silent.test', '--allow-private', '--no-discovery']);
    expect(silent.code).toBe(4);
    expect(silent.stderr).toMatch(/no DNS server answered in time/);

    const missing = await cli(['mail.nowhere.test', '--allow-private', '--no-discovery']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no IPv4 or IPv6 address/);

    // A script asking for JSON reads the same error document the service sends.
    const json = await cli(['mail.servfail.test', '--allow-private', '--no-discovery', '--json']);
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'dns-unavailable', message: expect.stringMatching(/SERVFAIL/), retryAfterSeconds: 30 } });
  });

  it('exits 4 when DNS fails while the outgoing server is looked for, and says a domain that publishes none is no typo', async () => {
    const failing = await cli(['someone@mxfail.test', '--allow-private', '--json']);
    expect(failing.code).toBe(4);
    expect(JSON.parse(failing.stdout)).toEqual({
      error: { code: 'dns-unavailable', message: 'The outgoing server of mxfail.test could not be looked for: DNS failed for mxfail.test. This is usually temporary; try again in 30 seconds.', retryAfterSeconds: 30 },
    });

    const none = await cli(['someone@nosubmit.test', '--allow-private']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'smtp-probe: nosubmit.test receives mail, but no outgoing server was found for it: it publishes none (no SRV record or autoconfig file), and smtp.nosubmit.test, mail.nosubmit.test and nosubmit.test itself have no address. Ask the email provider for its outgoing server\'s name and check that name.\n',
    );
    // SRV questions failing (home routers do) do not make a domain that does not exist passing trouble.
    const srv = await cli(['someone@srvtypo.test', '--allow-private']);
    expect(srv.code).toBe(2);
    expect(srv.stderr).toBe('smtp-probe: srvtypo.test has no mail server and no address in DNS; check the spelling of the email address.\n');
    // A domain that does not exist at all is still a spelling question.
    const typo = await cli(['someone@nowhere.test', '--allow-private']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('smtp-probe: nowhere.test has no mail server and no address in DNS; check the spelling of the email address.\n');
  });

  it('setup-files writes nothing and exits 4 when DNS fails', async () => {
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const out = mkdtempSync(join(tmpdir(), 'dns-failure-'));
    try {
      const run = await cli(['setup-files', 'someone@mail.servfail.test', '--out', out, '--allow-private', '--timeout-ms', '2000']);
      expect(run.code, run.stderr).toBe(4);
      expect(run.stderr).toMatch(/could not be looked up: .*No files were written\.\n$/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the native host replies dns-unavailable', async () => {
    const host = spawn(process.execPath, [CLI, '--native-host', '--allow-private'], { env: { ...process.env, SMTP_PROBE_TEST_DNS: dns.server }, stdio: ['pipe', 'pipe', 'pipe'] });
    const decoder = new FrameDecoder();
    const reply = new Promise<unknown>((resolve, reject) => {
      host.stdout.on('data', (chunk: Buffer) => {
        for (const frame of decoder.push(chunk)) resolve(frame.kind === 'message' ? frame.value : frame);
      });
      host.on('error', reject);
    });
    host.stdin.write(encodeFrame({ type: 'probe', id: 7, target: 'mail.servfail.test', ports: [587] }));
    try {
      expect(await reply).toMatchObject({ type: 'error', id: 7, code: 'dns-unavailable', message: expect.stringMatching(/SERVFAIL/) });
    } finally {
      host.stdin.end();
      host.kill();
    }
  });
});
