/**
 * Two instances of the service sharing one real Redis (a redis-server of the test's own), each listening
 * on loopback and probing with the real SMTP engine a deliberately slow loopback SMTP server, whose
 * accepted connections are the count of real probe work:
 * - a client's request limit is one limit across the instances;
 * - a report one instance cached is served by the other;
 * - the per-target limit is one limit across the instances;
 * - an identical probe asked of both while it runs is run once, and a run stopped part-way is handed
 *   on to nobody (the waiting instance runs its own);
 * - what Redis holds is checked when read back: a bad value is ignored and replaced;
 * - Redis killed in the middle of a probe: no 5xx, /healthz and the log say so, the limits go on per
 *   instance, and everything is shared again once Redis is back on the same port;
 * - a stalled Redis (stopped, its connections open) costs a request at most one command timeout.
 */
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ProbeReport } from '../../src/core/api';
import { probePortThrough } from '../../src/cli/test-network';
import { buildApp, type AppConfig } from '../../src/server/app';
import type { DnsResolver } from '../../src/server/dns';
import { COMMAND_TIMEOUT_MS } from '../../src/server/redis';
import { redisKey } from '../../src/server/shared-state';
import { startRedis, type RedisProcess } from '../helpers/redis-server';
import { reportFromBody } from '../helpers/probe-stream';
import { scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const GREETING_DELAY_MS = 700;

const notFound = async (name: string): Promise<never> => {
  throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};
/**
 * Every name under slow.test is the slow fixture, so each test asks about names of its own; names under
 * elsewhere.slow.test stand for another mail server (another address, the same fixture behind it).
 */
const resolver: DnsResolver = {
  resolve4: async (name) => (name.endsWith('.elsewhere.slow.test') ? ['127.0.0.2'] : name.endsWith('.slow.test') ? ['127.0.0.1'] : notFound(name)),
  resolve6: notFound,
  resolveMx: notFound,
  resolveSrv: notFound,
};

interface Instance {
  app: FastifyInstance;
  origin: string;
  logLines: Array<Record<string, unknown>>;
}

let redis: RedisProcess;
let slow: Fixture;
let inspector: Redis;
const instances: Instance[] = [];

beforeAll(async () => {
  [redis, slow] = await Promise.all([startRedis(), scriptedSmtp({ greetingDelayMs: GREETING_DELAY_MS })]);
  inspector = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  inspector.on('error', () => {});
});
afterAll(async () => {
  inspector?.disconnect();
  await Promise.all([redis?.stop(), slow?.close()]);
});
beforeEach(async () => {
  // A Redis that a previous test killed is back before the next one starts.
  await redis.start();
  await expect.poll(() => inspector.status, { timeout: 10_000 }).toBe('ready');
  await inspector.flushall();
});
afterEach(async () => {
  await Promise.all(instances.splice(0).map((instance) => instance.app.close()));
});

async function health(instance: Instance): Promise<{ inFlight: number; redis?: { state: string; since: string } }> {
  return (await fetch(`${instance.origin}/healthz`)).json() as Promise<{ inFlight: number; redis?: { state: string; since: string } }>;
}

async function start(config: AppConfig = {}): Promise<Instance> {
  const logLines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = buildApp({
    logger: { level: 'info', stream },
    resolver,
    allowPrivate: true,
    redisUrl: redis.url,
    rateLimitPerMinute: 0,
    rateLimitTargetPerMinute: 0,
    cacheTtlMs: 60_000,
    // The real dialogue, with port 587 of 127.0.0.1 served by the slow fixture.
    probePort: probePortThrough({ blocked: new Set(), redirects: new Map([[587, { host: '127.0.0.1', port: slow.port }]]) }),
    ...config,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const instance = { app, origin, logLines };
  instances.push(instance);
  await expect.poll(async () => (await health(instance)).redis?.state, { timeout: 5000 }).toBe('connected');
  return instance;
}

function probe(instance: Instance, target: string, ndjson = false): Promise<Response> {
  return fetch(`${instance.origin}/v1/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ndjson ? { accept: 'application/x-ndjson' } : {}) },
    body: JSON.stringify({ target, ports: [587] }),
  });
}

async function reportOf(response: Response): Promise<ProbeReport> {
  expect(response.status).toBe(200);
  return reportFromBody(await response.text(), (response.headers.get('content-type') ?? '').includes('ndjson'));
}

function expectFullRun(report: ProbeReport): void {
  expect(report.ports).toHaveLength(1);
  // The fixture offers no STARTTLS: a run that reached the server says so, with its greeting.
  expect(report.ports[0]).toMatchObject({ port: 587, state: 'starttls-missing', banner: 'fixture.test ESMTP ready' });
  expect(report.ports[0]!.latency.greetingMs).toBeGreaterThanOrEqual(GREETING_DELAY_MS - 100);
}

/** A request the rate limit counts and nothing else does: a probe without a target (400). */
function counted(instance: Instance): Promise<Response> {
  return fetch(`${instance.origin}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

describe('two instances on one Redis', () => {
  it("count a client's requests against one limit", async () => {
    const [a, b] = [await start({ rateLimitPerMinute: 4 }), await start({ rateLimitPerMinute: 4 })];
    const remaining: string[] = [];
    for (const instance of [a, b, a, b]) {
      const response = await counted(instance);
      expect(response.status).toBe(400);
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    for (const instance of [a, b]) {
      const refused = await counted(instance);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate-limited');
    }
  });

  it('serve a report cached by the other, without a new SMTP connection', async () => {
    const [a, b] = [await start(), await start()];
    const before = slow.connections;
    const first = await reportOf(await probe(a, 'smtp.cache.slow.test'));
    expectFullRun(first);
    expect(first.cached).toBe(false);
    const afterFirst = slow.connections;
    expect(afterFirst).toBeGreaterThan(before);

    const plain = await reportOf(await probe(b, 'smtp.cache.slow.test'));
    const streamed = await reportOf(await probe(b, 'smtp.cache.slow.test', true));
    for (const report of [plain, streamed]) {
      expect(report.cached).toBe(true);
      expect(report.startedAt).toBe(first.startedAt);
      expect(report.ports).toEqual(first.ports);
    }
    expect(slow.connections).toBe(afterFirst);
  });

  it('count probes of a target against one per-target limit', async () => {
    const config = { rateLimitTargetPerMinute: 2, cacheTtlMs: 0 };
    const [a, b] = [await start(config), await start(config)];
    expectFullRun(await reportOf(await probe(a, 'smtp.limited.slow.test')));
    expectFullRun(await reportOf(await probe(b, 'smtp.limited.slow.test')));
    const refused = await probe(a, 'smtp.limited.slow.test');
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate-limited');
    expect(body.error.message).toContain('smtp.limited.slow.test was checked several times');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another name for the same server counts against that server's quota, on either instance…
    const sameServer = await probe(b, 'smtp.other.slow.test');
    expect(sameServer.status).toBe(429);
    expect(((await sameServer.json()) as { error: { message: string } }).error.message).toMatch(/^That mail server was checked several times/);
    // …and another server is not affected.
    expect((await probe(b, 'smtp.elsewhere.slow.test')).status).toBe(200);
  });

  it('run an identical probe asked of both while it runs once', async () => {
    const [a, b] = [await start(), await start()];
    // What one probe of a target costs the server, whatever the engine's tactics are.
    const baselineStart = slow.connections;
    expectFullRun(await reportOf(await probe(a, 'smtp.baseline.slow.test')));
    const perProbe = slow.connections - baselineStart;
    expect(perProbe).toBeGreaterThan(0);

    const before = slow.connections;
    const leading = probe(a, 'smtp.same.slow.test', true);
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    const [followingPlain, followingStream] = [probe(b, 'smtp.same.slow.test'), probe(b, 'smtp.same.slow.test', true)];
    const [lead, plain, streamed] = await Promise.all([leading.then(reportOf), followingPlain.then(reportOf), followingStream.then(reportOf)]);
    for (const report of [lead, plain, streamed]) {
      expectFullRun(report);
      expect(report.cached).toBe(false);
      expect(report.startedAt).toBe(lead.startedAt);
    }
    expect(slow.connections - before).toBe(perProbe);
  });

  it('hand on nothing from a run stopped part-way: the waiting instance runs the probe itself', async () => {
    const [a, b] = [await start(), await start()];
    const before = slow.connections;
    const hangUp = new AbortController();
    const leaving = fetch(`${a.origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'smtp.stopped.slow.test', ports: [587] }),
      signal: hangUp.signal,
    }).catch(() => null);
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    const staying = probe(b, 'smtp.stopped.slow.test');
    // B waits on A's run instead of starting its own.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await health(a)).inFlight).toBe(1);
    expect((await health(b)).inFlight).toBe(0);
    hangUp.abort();
    await leaving;

    const report = await reportOf(await staying);
    expectFullRun(report);
    expect(report.cached).toBe(false);
    expect(report.ports[0]!.message).not.toMatch(/cancel/i);
    // What A's stopped run saw was never cached; B's finished run was, for both.
    const again = await reportOf(await probe(a, 'smtp.stopped.slow.test'));
    expect(again.cached).toBe(true);
    expect(again.startedAt).toBe(report.startedAt);
  });

  it('ignore and replace what Redis holds when it is not a report of that probe', async () => {
    const [a] = [await start()];
    const key = (target: string) => redisKey('report', `${target}|587|exact`);
    const valid = await reportOf(await probe(a, 'smtp.source.slow.test'));
    const planted: Array<[string, string]> = [
      ['smtp.garbage.slow.test', 'not json {'],
      ['smtp.shape.slow.test', JSON.stringify({ key: 'smtp.shape.slow.test|587|exact', expires: Date.now() + 60_000, report: { target: 'smtp.shape.slow.test', ports: 'none' } })],
      // A well-formed report, but filed under another probe's key.
      ['smtp.misfiled.slow.test', JSON.stringify({ key: 'smtp.source.slow.test|587|exact', expires: Date.now() + 60_000, report: { ...valid, cached: true } })],
    ];
    for (const [target, value] of planted) await inspector.set(key(target), value, 'PX', 60_000);

    for (const [target] of planted) {
      const before = slow.connections;
      const report = await reportOf(await probe(a, target));
      expect(report.cached).toBe(false);
      expect(report.target).toBe(target);
      expectFullRun(report);
      expect(slow.connections).toBeGreaterThan(before);
      // Replaced by this run's report.
      const stored = JSON.parse((await inspector.get(key(target))) ?? 'null') as { key: string; report: ProbeReport };
      expect(stored.key).toBe(`${target}|587|exact`);
      expect(stored.report.startedAt).toBe(report.startedAt);
    }
  });

  it('keep answering when Redis is killed mid-probe, say so, and share again once it is back', async () => {
    const config = { rateLimitPerMinute: 50 };
    const [a, b] = [await start(config), await start(config)];
    const before = slow.connections;
    const running = probe(a, 'smtp.kill.slow.test', true);
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    const killedAt = Date.now();
    await redis.kill();

    expectFullRun(await reportOf(await running));
    for (const instance of [a, b]) {
      const state = (await health(instance)).redis;
      expect(state?.state).toBe('unavailable');
      expect(Date.parse(state?.since ?? '')).toBeGreaterThanOrEqual(killedAt - 1000);
    }
    // Every kind of request still answers, none with a 5xx.
    const responses = await Promise.all([
      probe(b, 'smtp.kill.slow.test'),
      probe(b, 'smtp.during.slow.test', true),
      probe(a, 'smtp.during.slow.test'),
      counted(a),
      counted(b),
      fetch(`${a.origin}/nowhere`),
    ]);
    for (const response of responses) expect(response.status).toBeLessThan(500);
    await Promise.all(responses.map((response) => response.arrayBuffer()));
    // The client limit goes on, counted by each instance for itself: B's request leaves A's count alone.
    const remaining = async (instance: Instance) => Number((await counted(instance)).headers.get('x-ratelimit-remaining'));
    const firstA = await remaining(a);
    const firstB = await remaining(b);
    expect(firstA).toBeLessThan(50);
    expect(firstB).toBeLessThan(50);
    expect(await remaining(a)).toBe(firstA - 1);
    expect(await remaining(b)).toBe(firstB - 1);
    // Logged once per instance, not once per failed reconnection.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const instance of [a, b]) {
      expect(instance.logLines.filter((line) => line.redis === 'unavailable')).toHaveLength(1);
    }

    await redis.start();
    for (const instance of [a, b]) {
      await expect.poll(async () => (await health(instance)).redis?.state, { timeout: 10_000 }).toBe('connected');
      // Connected at start, and again now.
      expect(instance.logLines.filter((line) => line.redis === 'connected')).toHaveLength(2);
    }
    // Shared again: one limit (the restarted Redis is empty) and one cache.
    expect((await counted(a)).headers.get('x-ratelimit-remaining')).toBe('49');
    expect((await counted(b)).headers.get('x-ratelimit-remaining')).toBe('48');
    const fresh = await reportOf(await probe(a, 'smtp.back.slow.test'));
    expect(fresh.cached).toBe(false);
    const fromOther = await reportOf(await probe(b, 'smtp.back.slow.test'));
    expect(fromOther.cached).toBe(true);
    expect(fromOther.startedAt).toBe(fresh.startedAt);
  });

  it('wait on a stalled Redis at most one command timeout, then go on alone until it answers again', async () => {
    const a = await start({ rateLimitPerMinute: 50 });
    redis.pause();
    try {
      const started = Date.now();
      expect((await counted(a)).status).toBe(400);
      expect(Date.now() - started).toBeLessThan(COMMAND_TIMEOUT_MS + 1000);
      expect((await health(a)).redis?.state).toBe('unavailable');
      // Redis is left alone for a while: the next requests do not wait for it at all.
      const next = Date.now();
      for (let request = 0; request < 5; request += 1) expect((await counted(a)).status).toBe(400);
      expect(Date.now() - next).toBeLessThan(COMMAND_TIMEOUT_MS);
      const report = await reportOf(await probe(a, 'smtp.stalled.slow.test'));
      expectFullRun(report);
      expect(report.cached).toBe(false);
    } finally {
      redis.resume();
    }
    // The first request after the pause finds Redis answering again.
    await expect
      .poll(
        async () => {
          await counted(a);
          return (await health(a)).redis?.state;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('connected');
    expect(a.logLines.filter((line) => line.redis === 'unavailable' && line.reason === 'commands time out')).toHaveLength(1);
  });
});
