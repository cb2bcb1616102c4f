/**
 * The service over real HTTP, with the real SMTP engine talking to a deliberately slow loopback SMTP
 * server (its greeting comes after GREETING_DELAY_MS), so a client can leave in the middle of a probe:
 * - a run stopped because its client left is never cached for the next caller;
 * - identical probes in flight share one run (one set of SMTP connections), and one caller leaving does
 *   not stop it for the others.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ProbeReport } from '../../src/core/api';
import { probePortThrough } from '../../src/cli/test-network';
import { buildApp } from '../../src/server/app';
import type { DnsResolver } from '../../src/server/dns';
import { reportFromBody } from '../helpers/probe-stream';
import { scriptedSmtp, type Fixture } from '../helpers/smtp-fixtures';

const GREETING_DELAY_MS = 1200;

const notFound = async (name: string): Promise<never> => {
  throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};
const resolver: DnsResolver = {
  resolve4: async (name) => (name === 'smtp.slow.test' ? ['127.0.0.1'] : notFound(name)),
  resolve6: notFound,
  resolveMx: notFound,
  resolveSrv: notFound,
};

let slow: Fixture;
let app: FastifyInstance | null = null;
let origin = '';
const open: ClientRequest[] = [];

beforeAll(async () => {
  slow = await scriptedSmtp({ greetingDelayMs: GREETING_DELAY_MS });
});
afterAll(async () => {
  await slow?.close();
});
afterEach(async () => {
  for (const request of open.splice(0)) request.destroy();
  await app?.close();
  app = null;
});

async function start(): Promise<void> {
  app = buildApp({
    logger: false,
    resolver,
    allowPrivate: true,
    rateLimitPerMinute: 0,
    rateLimitTargetPerMinute: 0,
    cacheTtlMs: 60_000,
    // The real dialogue, with port 587 of 127.0.0.1 served by the slow fixture.
    probePort: probePortThrough({ blocked: new Set(), redirects: new Map([[587, { host: '127.0.0.1', port: slow.port }]]) }),
  });
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
}

const BODY = JSON.stringify({ target: 'smtp.slow.test', ports: [587] });

/** A probe request over a raw HTTP connection, so the test can hang up in the middle. */
function ask(ndjson: boolean): { request: ClientRequest; body: Promise<string> } {
  const { port } = new URL(origin);
  const request = httpRequest({
    host: '127.0.0.1',
    port: Number(port),
    path: '/v1/probe',
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ndjson ? { accept: 'application/x-ndjson' } : {}) },
  });
  open.push(request);
  const body = new Promise<string>((resolve, reject) => {
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.once('end', () => resolve(text));
      response.once('error', reject);
    });
    request.once('error', reject);
  });
  body.catch(() => {});
  request.end(BODY);
  return { request, body };
}

async function inFlight(): Promise<number> {
  const response = await fetch(`${origin}/healthz`);
  return ((await response.json()) as { inFlight: number }).inFlight;
}

function expectFullRun(report: ProbeReport): void {
  expect(report.ports).toHaveLength(1);
  // The fixture offers no STARTTLS: a run that reached the server says so, with its greeting.
  expect(report.ports[0]).toMatchObject({ port: 587, state: 'starttls-missing', banner: 'fixture.test ESMTP ready' });
  expect(report.ports[0]!.message).not.toMatch(/cancel/i);
  expect(report.ports[0]!.latency.greetingMs).toBeGreaterThanOrEqual(GREETING_DELAY_MS - 100);
}

describe('a client that leaves mid-probe', () => {
  it.each([false, true])('does not leave a cancelled report in the cache (ndjson: %s)', async (ndjson) => {
    await start();
    const before = slow.connections;
    const first = ask(ndjson);
    // Leave while the server is still holding back its greeting.
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    first.request.destroy();
    await expect.poll(inFlight, { timeout: 5000 }).toBe(0);

    const second = ask(ndjson);
    const report = reportFromBody(await second.body, ndjson);
    expect(report.cached).toBe(false);
    expectFullRun(report);
  });
});

describe('identical probes in flight', () => {
  it('share one run: the SMTP server sees the connections of one probe, both callers get its report', async () => {
    await start();
    // Baseline: what one probe of this target costs the server, whatever the engine's tactics are.
    const baselineStart = slow.connections;
    const alone = ask(false);
    expectFullRun(reportFromBody(await alone.body, false));
    const perProbe = slow.connections - baselineStart;
    expect(perProbe).toBeGreaterThan(0);
    await app?.close();

    await start();
    const before = slow.connections;
    const streamed = ask(true);
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    const plain = ask(false);
    const [streamedReport, plainReport] = [reportFromBody(await streamed.body, true), reportFromBody(await plain.body, false)];
    expectFullRun(streamedReport);
    expectFullRun(plainReport);
    expect(plainReport.startedAt).toBe(streamedReport.startedAt);
    expect(slow.connections - before).toBe(perProbe);
  });

  it('keep running for the caller who stays when the other leaves', async () => {
    await start();
    const before = slow.connections;
    const leaving = ask(true);
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    const staying = ask(true);
    // Give the second request time to join before the first hangs up.
    await new Promise((resolve) => setTimeout(resolve, 200));
    leaving.request.destroy();
    const report = reportFromBody(await staying.body, true);
    expectFullRun(report);
    // The run the staying caller got is the one the leaving caller started: no second set of connections.
    expect(slow.connections - before).toBeLessThanOrEqual(1);
    // It finished for somebody, so it is a good report to reuse.
    const again = ask(false);
    expect(reportFromBody(await again.body, false).cached).toBe(true);
  });

  it('stop when every caller has left, and the next caller gets a fresh run', async () => {
    await start();
    const before = slow.connections;
    const one = ask(true);
    const two = ask(false);
    await expect.poll(() => slow.connections, { timeout: 5000 }).toBeGreaterThan(before);
    one.request.destroy();
    two.request.destroy();
    // Stopped long before the greeting would have arrived.
    await expect.poll(inFlight, { timeout: Math.floor(GREETING_DELAY_MS / 2) }).toBe(0);
    const three = ask(false);
    const report = reportFromBody(await three.body, false);
    expect(report.cached).toBe(false);
    expectFullRun(report);
  });
});
