/**
 * The service as an operator runs it: behind a proxy (TRUST_PROXY), with Node's HTTP timeouts against
 * slow or silent clients, /readyz, and a SIGTERM that lets a running probe finish. Real sockets
 * throughout; the SIGTERM tests run the built service file in its own process.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ProbeReport } from '../../src/core/api';
import { buildApp, type AppConfig } from '../../src/server/app';

let app: FastifyInstance | null = null;
async function listen(config: AppConfig): Promise<string> {
  app = buildApp({ logger: false, allowPrivate: true, rateLimitTargetPerMinute: 0, ...config });
  return app.listen({ host: '127.0.0.1', port: 0 });
}
afterEach(async () => {
  await app?.close();
  app = null;
});

/** POST /v1/probe with an empty body: refused at validation, but counted by the per-client limit. */
async function statuses(origin: string, forwardedFor: string | null, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: '{}',
    });
    await response.arrayBuffer();
    result.push(response.status);
  }
  return result;
}

describe('TRUST_PROXY', () => {
  it('with the proxy trusted, two clients behind it get a bucket each', async () => {
    const origin = await listen({ trustProxy: ['127.0.0.1'], rateLimitPerMinute: 2 });
    expect(await statuses(origin, '203.0.113.10', 3)).toEqual([400, 400, 429]);
    expect(await statuses(origin, '203.0.113.20', 2)).toEqual([400, 400]);
  });

  it('without it, a made-up X-Forwarded-For changes nothing: one bucket for the socket address', async () => {
    const origin = await listen({ rateLimitPerMinute: 2 });
    expect(await statuses(origin, '203.0.113.10', 2)).toEqual([400, 400]);
    expect(await statuses(origin, '203.0.113.20', 1)).toEqual([429]);
    expect(await statuses(origin, null, 1)).toEqual([429]);
  });

  it('only the listed proxies are believed', async () => {
    const origin = await listen({ trustProxy: ['10.0.0.0/8'], rateLimitPerMinute: 1 });
    expect(await statuses(origin, '203.0.113.10', 1)).toEqual([400]);
    expect(await statuses(origin, '203.0.113.20', 1)).toEqual([429]);
  });

  it('a hop count takes the client that many entries from the right, whatever the client wrote before it', async () => {
    // Client → outer proxy → inner proxy → service: the inner proxy is the socket, the outer one's
    // address is the last X-Forwarded-For entry and the client's the one before it.
    const origin = await listen({ trustProxy: 2, rateLimitPerMinute: 1 });
    expect(await statuses(origin, 'made-up, 198.51.100.7, 10.0.0.5', 1)).toEqual([400]);
    expect(await statuses(origin, 'another-lie, 198.51.100.7, 10.0.0.5', 1)).toEqual([429]);
    expect(await statuses(origin, '198.51.100.8, 10.0.0.5', 1)).toEqual([400]);
  });
});

/** Opens a socket, writes `text`, and resolves with how long the server took to close it. */
function cutOffAfter(origin: string, text: string): Promise<{ ms: number; answer: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let answer = '';
    let opened = 0;
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the socket open for 10 s'));
    }, 10_000);
    socket.on('connect', () => {
      opened = Date.now();
      if (text) socket.write(text);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(guard);
      resolve({ ms: Date.now() - opened, answer });
    });
  });
}

describe('HTTP timeouts', () => {
  const http = { headersTimeoutMs: 600, requestTimeoutMs: 1200, keepAliveTimeoutMs: 400, idleTimeoutMs: 60_000 };

  it('half-sent headers are cut off after the headers timeout', async () => {
    const origin = await listen({ http });
    const { ms, answer } = await cutOffAfter(origin, 'GET /healthz HTTP/1.1\r\nHost: probe.test\r\nX-Slow: ');
    expect(ms).toBeGreaterThanOrEqual(500);
    expect(ms).toBeLessThan(1500);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('a connection that sends nothing is cut off too', async () => {
    const origin = await listen({ http });
    const { ms } = await cutOffAfter(origin, '');
    expect(ms).toBeLessThan(1500);
  });

  it('a body that stops half-way is cut off after the request timeout', async () => {
    const origin = await listen({ http });
    const { ms, answer } = await cutOffAfter(
      origin,
      'POST /v1/probe HTTP/1.1\r\nHost: probe.test\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{"target":',
    );
    expect(ms).toBeGreaterThanOrEqual(1100);
    expect(ms).toBeLessThan(2500);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const origin = await listen({ http });
    const { ms, answer } = await cutOffAfter(origin, 'GET /healthz HTTP/1.1\r\nHost: probe.test\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toMatch(/keep-alive: timeout=/i);
    // Node waits a second more than it announces, so a client never reuses a socket being closed.
    expect(ms).toBeLessThan(2500);
  });
});

describe('/readyz', () => {
  it('is 503 until the service listens, 200 while it does', async () => {
    app = buildApp({ logger: false });
    const before = await app.inject({ method: 'GET', url: '/readyz' });
    expect(before.statusCode).toBe(503);
    expect(before.json()).toEqual({ status: 'starting' });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    const during = await fetch(`${origin}/readyz`);
    expect(during.status).toBe(200);
    expect(await during.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });
});

describe('SIGTERM', () => {
  // An SMTP server on its own loopback address that accepts and never greets: a probe of its port 2525
  // runs until PROBE_GREETING_TIMEOUT_MS, long enough to send SIGTERM in the middle of it.
  const SILENT = '127.0.0.41';
  let silent: net.Server;
  const held = new Set<net.Socket>();
  let connected: () => void = () => {};
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], (error) => (error ? reject(error) : resolve())),
    );
    silent = net.createServer((socket) => {
      held.add(socket);
      socket.on('close', () => held.delete(socket));
      socket.on('error', () => {});
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(2525, SILENT, resolve));
  }, 60_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  async function startService(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string; log: () => string; exited: Promise<number | null> }> {
    const child = spawn(process.execPath, ['build/server/serve.js'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', PROBE_ALLOW_PRIVATE: 'true', PROBE_GREETING_TIMEOUT_MS: '2500', PROBE_SLOW_GREETING_TIMEOUT_MS: '1000', PROBE_COMMAND_TIMEOUT_MS: '1000', PROBE_TOTAL_TIMEOUT_MS: '3000', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let log = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the service did not start:\n${log}`)), 15_000);
      const read = (chunk: Buffer) => {
        log += chunk.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
    });
    return { child, origin, log: () => log, exited };
  }

  function probeInFlight(origin: string): { response: Promise<Response>; started: Promise<void> } {
    const started = new Promise<void>((resolve) => (connected = resolve));
    const response = fetch(`${origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: SILENT, ports: [2525] }),
    });
    return { response, started };
  }

  it('stops taking connections but lets the running probe finish and send its report, then exits 0', async () => {
    const service = await startService({});
    const { response, started } = probeInFlight(service.origin);
    await started;
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    // The listening socket closes at once; the probe keeps going.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${service.origin}/readyz`)).rejects.toThrow();
    const answer = await response;
    expect(answer.status).toBe(200);
    const report = (await answer.json()) as ProbeReport;
    expect(report.ports).toHaveLength(1);
    expect(report.ports[0]).toMatchObject({ port: 2525, state: 'no-greeting' });
    const answered = Date.now();
    expect(await service.exited).toBe(0);
    expect(answered - signalled).toBeGreaterThan(1500);
    // Done once the last probe has answered, not a keep-alive timeout later.
    expect(Date.now() - answered).toBeLessThan(1000);
    expect(service.log()).toMatch(/shutting down/);
  });

  it('still stops when whatever read its log has gone (a broken stdout pipe)', async () => {
    // stdout is a named pipe, as a log shipper reads it; the shipper reads one line and goes away.
    const fifo = join(mkdtempSync(join(tmpdir(), 'service-log-')), 'log.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('sh', ['-c', 'exec head -1 < "$0" > /dev/null', fifo], { stdio: 'ignore' });
    const child = spawn('sh', ['-c', 'exec "$0" build/server/serve.js > "$1"', process.execPath, fifo], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0' }, stdio: 'ignore' });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise((resolve) => reader.once('exit', resolve));
    // The lines after the first meet a pipe nobody reads.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    expect(stopped).toBe(0);
  });

  it('exits 1 when the probes outlast SHUTDOWN_TIMEOUT_MS', async () => {
    const service = await startService({ SHUTDOWN_TIMEOUT_MS: '400' });
    const { response, started } = probeInFlight(service.origin);
    response.catch(() => {});
    await started;
    const signalled = Date.now();
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(2000);
    expect(service.log()).toMatch(/shutdown timed out/);
  });
});
