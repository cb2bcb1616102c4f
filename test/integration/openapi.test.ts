/**
 * GET /v1/openapi.json against real answers: a probe of the loopback Postfix (JSON and NDJSON, with
 * discovery through an autoconfig file served on loopback), discovery alone, health, readiness and
 * each kind of error, all validated by Ajv against the document's own component schemas.
 */
import { createServer, type Server } from 'node:http';
import { Ajv, type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ProbeEvent, ProbeReport } from '../../src/core/api';
import { buildApp, type AppConfig } from '../../src/server/app';
import { createSafeFetch } from '../../src/server/discovery';
import type { DnsResolver } from '../../src/server/dns';
import { discoverQuerySchema, probeBodySchema } from '../../src/server/schemas';
import { ensurePostfix } from '../../scripts/lib/postfix';

const EXTENSION = 'chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb';
const notFound = async (name: string): Promise<never> => {
  throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};
const resolver: DnsResolver = {
  resolve4: async (name) => (name === 'localhost' ? ['127.0.0.1'] : notFound(name)),
  resolve6: notFound,
  resolveMx: notFound,
  resolveSrv: notFound,
};

let autoconfig: Server;
let app: FastifyInstance;
let origin = '';
let document: { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: Array<{ name: string; schema: unknown }> }>>; components: { schemas: Record<string, unknown> } };
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();

function config(extra: AppConfig = {}): AppConfig {
  const autoconfigOrigin = `http://127.0.0.1:${(autoconfig.address() as { port: number }).port}`;
  return {
    logger: false,
    resolver,
    allowPrivate: true,
    fetch: createSafeFetch({ allowHttp: true, allowPrivate: true }),
    autoconfigUrls: (domain) => [`${autoconfigOrigin}/autoconfig/${domain}`],
    // Nothing listens there: the ISPDB step ends in an error, which the schema must describe too.
    ispdbUrl: 'https://127.0.0.1:9/',
    timeouts: { connectMs: 2000, greetingMs: 5000, slowGreetingMs: 5000, commandMs: 5000, totalMs: 15_000 },
    rateLimitPerMinute: 0,
    rateLimitTargetPerMinute: 0,
    ...extra,
  };
}

beforeAll(async () => {
  await ensurePostfix();
  autoconfig = createServer((request, response) => {
    if (request.url === '/autoconfig/example.test') {
      response.writeHead(200, { 'content-type': 'text/xml' }).end(`<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.test"><domain>example.test</domain>
  <outgoingServer type="smtp"><hostname>localhost</hostname><port>587</port><socketType>STARTTLS</socketType>
    <username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => autoconfig.listen(0, '127.0.0.1', resolve));
  app = buildApp(config());
  origin = await app.listen({ host: '127.0.0.1', port: 0 });

  const response = await fetch(`${origin}/v1/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  document = (await response.json()) as typeof document;
  ajv.addSchema({ $id: 'https://probe.test/openapi.json', components: document.components });
}, 300_000);

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => autoconfig?.close(resolve));
});

function validate(component: string, value: unknown): string[] {
  let check = validators.get(component);
  if (!check) {
    check = ajv.getSchema(`https://probe.test/openapi.json#/components/schemas/${component}`);
    if (!check) throw new Error(`no component schema ${component}`);
    validators.set(component, check);
  }
  return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1 whose request parts are the validating schemas themselves', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/healthz', '/readyz', '/v1/discover', '/v1/openapi.json', '/v1/probe']);
    expect(document.paths['/v1/probe']!.post!.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ProbeRequest' });
    expect(document.components.schemas.ProbeRequest).toEqual(probeBodySchema);
    expect(document.paths['/v1/discover']!.get!.parameters).toEqual([{ name: 'address', in: 'query', required: true, schema: discoverQuerySchema.properties.address }]);
    expect(document.paths['/v1/probe']!.post!.requestBody).toBeDefined();
    const ok = (document.paths['/v1/probe']!.post as unknown as { responses: Record<string, { content: Record<string, { schema: unknown }> }> }).responses['200']!;
    expect(ok.content['application/x-ndjson']!.schema).toEqual({ $ref: '#/components/schemas/ProbeEvent' });
  });
});

describe('real answers match it', () => {
  it('a JSON report of the loopback Postfix, found through the autoconfig file', async () => {
    const response = await fetch(`${origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'someone@example.test', ports: [25, 465, 587] }),
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as ProbeReport;
    // The parts worth describing are really there: discovery with a published user name, TLS facts,
    // a recommendation, an ISPDB step that failed.
    expect(report.discovery?.candidates[0]?.username).toMatchObject({ form: 'local-part', value: 'someone' });
    expect(report.discovery?.steps.some((step) => step.source === 'ispdb' && step.outcome === 'error')).toBe(true);
    // localhost is both 127.0.0.1 and ::1: each port once per address.
    expect(new Set(report.ports.map((port) => port.port))).toEqual(new Set([25, 465, 587]));
    expect(report.ports.every((port) => port.state === 'ok')).toBe(true);
    expect(report.ports.every((port) => port.tls !== null)).toBe(true);
    expect(report.recommendation).not.toBeNull();
    expect(validate('ProbeReport', report)).toEqual([]);

    // The same report, cached, is still the same shape.
    const again = await fetch(`${origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'someone@example.test', ports: [25, 465, 587] }),
    });
    const cached = (await again.json()) as ProbeReport;
    expect(cached.cached).toBe(true);
    expect(validate('ProbeReport', cached)).toEqual([]);

    // And the validator is not one that passes anything.
    const broken = structuredClone(report) as unknown as { ports: Array<Record<string, unknown>>; extra?: number };
    broken.ports[0]!.state = 'fine';
    broken.extra = 1;
    expect(validate('ProbeReport', broken).length).toBeGreaterThanOrEqual(2);
  });

  it('every NDJSON line of a streamed probe', async () => {
    const response = await fetch(`${origin}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify({ target: 'someone@example.test', ports: [465, 587] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as ProbeEvent);
    const types = lines.map((line) => line.type);
    expect(types.slice(0, 2)).toEqual(['start', 'discovery']);
    expect(types.at(-1)).toBe('done');
    expect(types.slice(2, -1).length).toBeGreaterThanOrEqual(2);
    expect(types.slice(2, -1).every((type) => type === 'port')).toBe(true);
    for (const line of lines) expect(validate('ProbeEvent', line), line.type).toEqual([]);
    expect(validate('ProbeEvent', { type: 'port', result: null })).not.toEqual([]);
  });

  it('discovery alone, health and readiness', async () => {
    const discovery = await fetch(`${origin}/v1/discover?address=someone%40example.test`);
    expect(discovery.status).toBe(200);
    expect(validate('DiscoveryResult', await discovery.json())).toEqual([]);
    expect(validate('Health', await (await fetch(`${origin}/healthz`)).json())).toEqual([]);
    expect(validate('Ready', await (await fetch(`${origin}/readyz`)).json())).toEqual([]);
  });

  it('each kind of error', async () => {
    const answers = [
      await fetch(`${origin}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${origin}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'not a host!' }) }),
      await fetch(`${origin}/v1/probe`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'example.com' }),
      await fetch(`${origin}/v1/probe`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{}' }),
      await fetch(`${origin}/v1/nothing`),
      await fetch(`${origin}/v1/discover`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 415, 403, 404, 400]);
    for (const answer of answers) expect(validate('ApiErrorBody', await answer.json())).toEqual([]);

    const limited = buildApp(config({ rateLimitPerMinute: 1, corsOrigins: [EXTENSION] }));
    try {
      await limited.inject({ method: 'POST', url: '/v1/probe', payload: {} });
      const refused = await limited.inject({ method: 'POST', url: '/v1/probe', payload: {} });
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: { code: 'rate-limited' } });
      expect(validate('ApiErrorBody', refused.json())).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});
