import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { PortResult, ProbeEvent, ProbeReport } from '../../src/core/api';
import { buildApp, type AppConfig } from '../../src/server/app';
import { hasUnsafeText } from '../../src/core/sanitize';
import type { DnsResolver } from '../../src/server/dns';
import type { ProbePortOptions } from '../../src/server/smtp/probe-port';

const EXTENSION = 'chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb';

const resolver: DnsResolver = {
  resolve4: async (name) => {
    if (name === 'smtp.fixture.test' || name === 'slow.fixture.test') return ['127.0.0.1'];
    throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
  resolve6: async (name) => {
    throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
  resolveMx: async (name) => {
    throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
  resolveSrv: async (name) => {
    throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  },
};

/** A stand-in SMTP engine with exact timing: each port answers after `delays[port]` ms. */
function fixtureProbe(delays: Record<number, number>, calls: ProbePortOptions[] = []) {
  return (options: ProbePortOptions): Promise<PortResult> => {
    calls.push(options);
    const result: PortResult = {
      port: options.port,
      address: options.address,
      family: options.family,
      state: 'ok',
      message: 'SMTP answered.',
      banner: 'fixture ESMTP',
      ehlo: { beforeTls: ['STARTTLS'], afterTls: ['AUTH PLAIN LOGIN'], usedHelo: false },
      security: options.port === 465 ? 'tls' : 'starttls',
      tls: null,
      auth: options.port === 25 ? [] : ['PLAIN', 'LOGIN'],
      slowGreeting: false,
      latency: { connectMs: 1, greetingMs: 1, totalMs: delays[options.port] ?? 0 },
    };
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(result), delays[options.port] ?? 0);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve({ ...result, state: 'timeout', message: 'Stopped.' });
      }, { once: true });
    });
  };
}

let app: FastifyInstance | null = null;
function start(config: AppConfig = {}): FastifyInstance {
  app = buildApp({ logger: false, resolver, allowPrivate: true, probePort: fixtureProbe({}), rateLimitPerMinute: 0, rateLimitTargetPerMinute: 0, ...config });
  return app;
}
afterEach(async () => {
  await app?.close();
  app = null;
});

async function errorOf(response: { statusCode: number; json: () => unknown }) {
  return { status: response.statusCode, ...(response.json() as { error: { code: string; message: string } }).error };
}

describe('POST /v1/probe validation', () => {
  const cases: Array<[string, unknown, string]> = [
    ['missing target', {}, 'The request body needs "target".'],
    ['target not a string', { target: 5 }, '"target" must be a string.'],
    ['empty target', { target: '' }, '"target" must not be empty.'],
    ['unknown field', { target: 'example.com', port: 25 }, 'The request body has an unknown field "port".'],
    ['ports not a list', { target: 'example.com', ports: '25' }, '"ports" must be a list of port numbers (25, 465, 587, 2525).'],
    ['port out of range', { target: 'example.com', ports: [25, 26] }, '"ports[1]" must be one of the ports 25, 465, 587, 2525.'],
    ['port as text', { target: 'example.com', ports: ['25'] }, '"ports[0]" must be a port number (25, 465, 587, 2525).'],
    ['empty ports', { target: 'example.com', ports: [] }, '"ports" must list at least one port.'],
    ['body not an object', ['example.com'], 'The request body must be a JSON object.'],
  ];
  it.each(cases)('%s', async (_name, payload, message) => {
    const response = await start().inject({ method: 'POST', url: '/v1/probe', payload: payload as object });
    expect(await errorOf(response)).toEqual({ status: 400, code: 'invalid-request', message });
  });

  it('counts a port listed twice once, as every other port list does', async () => {
    const response = await start().inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test', ports: [587, 587] } });
    expect(response.statusCode).toBe(200);
    expect((response.json() as ProbeReport).ports.map((port) => port.port)).toEqual([587]);
  });

  it('explains bad JSON, a wrong content type and an invalid target', async () => {
    const server = start();
    const badJson = await server.inject({ method: 'POST', url: '/v1/probe', headers: { 'content-type': 'application/json' }, payload: '{"target":' });
    expect(await errorOf(badJson)).toEqual({ status: 400, code: 'invalid-request', message: 'The request body is not valid JSON.' });
    const text = await server.inject({ method: 'POST', url: '/v1/probe', headers: { 'content-type': 'text/plain' }, payload: 'example.com' });
    expect(await errorOf(text)).toMatchObject({ status: 415, code: 'invalid-request' });
    const url = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'https://example.com/' } });
    expect(await errorOf(url)).toEqual({ status: 400, code: 'invalid-target', message: 'Enter just the server name or email address, without "https://" or any other scheme.' });
    const discover = await server.inject({ method: 'GET', url: '/v1/discover' });
    expect(await errorOf(discover)).toEqual({ status: 400, code: 'invalid-request', message: 'The request query needs "address".' });
    const ip = await server.inject({ method: 'GET', url: '/v1/discover?address=192.0.2.1' });
    expect(await errorOf(ip)).toMatchObject({ status: 400, code: 'invalid-target', message: expect.stringMatching(/not an IP address/) });
    const missing = await server.inject({ method: 'GET', url: '/v1/nothing' });
    expect(await errorOf(missing)).toMatchObject({ status: 404, code: 'not-found' });
    // A known path with another method: 405 and the methods it takes.
    const wrongMethod = await server.inject({ method: 'DELETE', url: '/v1/probe' });
    expect(await errorOf(wrongMethod)).toEqual({ status: 405, code: 'invalid-request', message: '/v1/probe takes POST, not DELETE.' });
    expect(wrongMethod.headers.allow).toBe('POST');
    expect((await server.inject({ method: 'POST', url: '/v1/discover?address=example.com' })).headers.allow).toBe('GET, HEAD');
  });

  it('answers what Node\'s HTTP parser refuses (headers too large, not HTTP) in the same error document', async () => {
    const server = start();
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as { port: number };
    const large = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    expect(large.status).toBe(431);
    expect(await large.json()).toEqual({ error: { code: 'invalid-request', message: 'The request headers are larger than the service accepts.' } });
    const { connect } = await import('node:net');
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('HELLO THERE\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'invalid-request', message: 'The request could not be read as HTTP.' } });
  });
});

describe('POST /v1/probe', () => {
  it('answers with a report and a recommendation', async () => {
    const response = await start().inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } });
    expect(response.statusCode).toBe(200);
    const report = response.json() as ProbeReport;
    expect(report).toMatchObject({ target: 'smtp.fixture.test', kind: 'host', server: 'smtp.fixture.test', cached: false, discovery: null });
    expect(report.ports.map((port) => port.port)).toEqual([25, 465, 587]);
    expect(report.recommendation).toMatchObject({ port: 587, security: 'starttls', alternative: { port: 465 } });
  });

  it('refuses a private target unless allow-private is on, with the guard’s sentence', async () => {
    const response = await start({ allowPrivate: false }).inject({ method: 'POST', url: '/v1/probe', payload: { target: '127.0.0.1' } });
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 400, code: 'refused-target' });
    expect(error.message).toMatch(/\.$/);
  });

  it('serves a repeated probe from the cache, marked cached', async () => {
    const calls: ProbePortOptions[] = [];
    const server = start({ probePort: fixtureProbe({}, calls), cacheTtlMs: 60_000 });
    const first = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test', ports: [587] } });
    const second = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'SMTP.fixture.test', ports: [587] } });
    expect((first.json() as ProbeReport).cached).toBe(false);
    expect((second.json() as ProbeReport).cached).toBe(true);
    expect(calls).toHaveLength(1);
    const otherPorts = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test', ports: [465] } });
    expect((otherPorts.json() as ProbeReport).cached).toBe(false);
  });

  it('limits requests per client address with 429, retry-after and retryAfterSeconds', async () => {
    const server = start({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i += 1) expect((await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } })).statusCode).toBe(200);
    const limited = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const body = limited.json() as { error: { code: string; retryAfterSeconds: number; message: string } };
    expect(body.error).toMatchObject({ code: 'rate-limited', retryAfterSeconds: Number(limited.headers['retry-after']) });
    expect(body.error.message).toMatch(/wait \d+ s/);
    expect((await server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('limits probes per target, counting cache misses only', async () => {
    const server = start({ rateLimitTargetPerMinute: 1, cacheTtlMs: 0 });
    expect((await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } })).statusCode).toBe(200);
    const limited = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect((limited.json() as { error: { code: string; retryAfterSeconds: number } }).error).toMatchObject({ code: 'rate-limited', retryAfterSeconds: expect.any(Number) });
  });

  it('limits probes per mail server too, whatever name reaches it', async () => {
    const server = start({ rateLimitTargetPerMinute: 1, cacheTtlMs: 0 });
    expect((await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } })).statusCode).toBe(200);
    // Another name for the same address: its own name quota is untouched, the server's is used up.
    const limited = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'slow.fixture.test' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    const error = (limited.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/^That mail server was checked several times/);
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('answers 503 busy when too many probes are in flight', async () => {
    const server = start({ maxInFlight: 1, cacheTtlMs: 0, probePort: fixtureProbe({ 25: 300, 465: 300, 587: 300 }) });
    const slow = server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'slow.fixture.test' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test' } });
    expect(await errorOf(busy)).toMatchObject({ status: 503, code: 'busy', retryAfterSeconds: 5 });
    expect(busy.headers['retry-after']).toBe('5');
    expect((await slow).statusCode).toBe(200);
  });
});

describe('request log', () => {
  it('writes a hostile target with its control and bidi characters escaped, never raw', async () => {
    const lines: string[] = [];
    const stream = { write: (line: string) => lines.push(line) };
    const server = start({ logger: { level: 'info', stream } });
    // C0 is escaped by JSON itself; C1 (U+009B, a one-character CSI) and U+202E are not.
    const hostile = 'smtp\u009b2J\u202emoc.example\u001b]0;x\u0007';
    const response = await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: hostile } });
    expect(response.statusCode).toBe(400);
    const logged = lines.find((line) => line.includes('"statusCode":400'));
    expect(logged).toBeDefined();
    // None of the characters a terminal or a log viewer would obey (C0, DEL, C1, bidi controls).
    expect(hasUnsafeText(logged!.trimEnd())).toBe(false);
    expect((JSON.parse(logged!) as { target: string }).target).toBe('smtp\\u009b2J\\u202emoc.example\\u001b]0;x\\u0007');
  });
});

describe('CORS', () => {
  it('lets the extension in', async () => {
    const server = start();
    const preflight = await server.inject({
      method: 'OPTIONS',
      url: '/v1/probe',
      headers: { origin: EXTENSION, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(EXTENSION);
    const post = await server.inject({ method: 'POST', url: '/v1/probe', headers: { origin: EXTENSION }, payload: { target: 'smtp.fixture.test' } });
    expect(post.statusCode).toBe(200);
    expect(post.headers['access-control-allow-origin']).toBe(EXTENSION);
  });

  it('refuses other origins, preflight or not, without an allow-origin header', async () => {
    const server = start();
    const preflight = await server.inject({
      method: 'OPTIONS',
      url: '/v1/probe',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const post = await server.inject({ method: 'POST', url: '/v1/probe', headers: { origin: 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, payload: { target: 'smtp.fixture.test' } });
    expect(await errorOf(post)).toMatchObject({ status: 403, code: 'invalid-request' });
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS for Firefox', () => {
  const FIREFOX = 'moz-extension://0d4b1a35-6a0e-4c1f-9f3e-2b7d8e6c5a10';

  it('lets in any Firefox installation by default, reflecting its own origin', async () => {
    const server = start();
    for (const origin of [FIREFOX, 'moz-extension://5e1f0c3a-9b7d-4e2a-8c6f-1a2b3c4d5e6f']) {
      const preflight = await server.inject({
        method: 'OPTIONS',
        url: '/v1/probe',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(String(preflight.headers.vary)).toMatch(/origin/i);
      const post = await server.inject({ method: 'POST', url: '/v1/probe', headers: { origin }, payload: { target: 'smtp.fixture.test' } });
      expect(post.statusCode).toBe(200);
      expect(post.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('refuses Firefox when the configured origins leave it out, and a moz-extension origin that is not a UUID', async () => {
    const chromeOnly = start({ corsOrigins: [EXTENSION] });
    const refused = await chromeOnly.inject({ method: 'POST', url: '/v1/probe', headers: { origin: FIREFOX }, payload: { target: 'smtp.fixture.test' } });
    expect(await errorOf(refused)).toMatchObject({ status: 403, code: 'invalid-request' });
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    await chromeOnly.close();
    app = null;

    const server = start();
    const forged = await server.inject({ method: 'GET', url: '/v1/discover?address=smtp.fixture.test', headers: { origin: 'moz-extension://evil.example' } });
    expect(await errorOf(forged)).toMatchObject({ status: 403, code: 'invalid-request' });
  });
});

describe('NDJSON progress', () => {
  it('streams start first, each port as it finishes, done last, over a real connection', async () => {
    const server = start({ probePort: fixtureProbe({ 25: 20, 587: 800 }), cacheTtlMs: 0 });
    const origin = await server.listen({ host: '127.0.0.1', port: 0 });
    const started = Date.now();
    const response = await fetch(`${origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ target: 'smtp.fixture.test', ports: [587, 25] }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const arrivals: Array<{ event: ProbeEvent; at: number }> = [];
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let newline;
      while ((newline = buffered.indexOf('\n')) !== -1) {
        arrivals.push({ event: JSON.parse(buffered.slice(0, newline)) as ProbeEvent, at: Date.now() - started });
        buffered = buffered.slice(newline + 1);
      }
    }
    const kinds = arrivals.map(({ event }) => (event.type === 'port' ? `port ${event.result.port}` : event.type));
    expect(kinds).toEqual(['start', 'port 25', 'port 587', 'done']);
    // The fast port reached the client while the slow one was still waiting: lines are flushed, not buffered.
    expect(arrivals[2]!.at - arrivals[1]!.at).toBeGreaterThan(500);
    const done = arrivals[3]!.event;
    expect(done.type === 'done' && done.report.recommendation?.port).toBe(587);
  });

  it('answers a refused target with a plain 400 before any streaming', async () => {
    const response = await start({ allowPrivate: false }).inject({
      method: 'POST',
      url: '/v1/probe',
      headers: { accept: 'application/x-ndjson' },
      payload: { target: '10.0.0.1' },
    });
    expect(await errorOf(response)).toMatchObject({ status: 400, code: 'refused-target' });
  });

  it('replays a cached report as the same event sequence', async () => {
    const server = start({ cacheTtlMs: 60_000 });
    await server.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.fixture.test', ports: [587] } });
    const replay = await server.inject({ method: 'POST', url: '/v1/probe', headers: { accept: 'application/x-ndjson' }, payload: { target: 'smtp.fixture.test', ports: [587] } });
    const events = replay.body.trim().split('\n').map((line) => JSON.parse(line) as ProbeEvent);
    expect(events.map((event) => event.type)).toEqual(['start', 'port', 'done']);
    expect(events[2]?.type === 'done' && events[2].report.cached).toBe(true);
  });

  it('stops the probe when the client hangs up', async () => {
    const calls: ProbePortOptions[] = [];
    const server = start({ probePort: fixtureProbe({ 587: 5000 }, calls), cacheTtlMs: 0 });
    const origin = await server.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(origin);
    const request = httpRequest({ host: '127.0.0.1', port: Number(port), path: '/v1/probe', method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' } });
    const status = await new Promise<number>((resolve, reject) => {
      request.once('response', (response) => resolve(response.statusCode ?? 0));
      request.once('error', reject);
      request.end(JSON.stringify({ target: 'smtp.fixture.test', ports: [587] }));
    });
    expect(status).toBe(200);
    request.destroy();
    await expect.poll(() => calls[0]?.signal?.aborted, { timeout: 2000 }).toBe(true);
    await expect.poll(async () => ((await server.inject({ method: 'GET', url: '/healthz' })).json() as { inFlight: number }).inFlight, { timeout: 2000 }).toBe(0);
  });
});
