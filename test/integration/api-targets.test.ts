/**
 * Targets that hide an address, or name this computer, are refused by the service before any network
 * work: no DNS question, no autoconfig or ISPDB fetch, no SMTP connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { hasUnsafeText } from '../../src/core/sanitize';
import { buildApp } from '../../src/server/app';
import type { DnsResolver } from '../../src/server/dns';
import type { FetchText } from '../../src/server/discovery/http-fetch';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Records every question; answers none, as a domain without records would. */
function countingResolver(asked: string[]): DnsResolver {
  const none = async (name: string): Promise<never> => {
    asked.push(name);
    throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
  return { resolve4: none, resolve6: none, resolveMx: none, resolveSrv: none };
}

describe('disguised and local targets', () => {
  it.each([
    ['127.0.0.0x1', 'invalid-target'],
    ['0x7f.0x0.0x0.0x1', 'invalid-target'],
    ['user@0x7f.0x0.0x0.0x1', 'invalid-target'],
    ['2130706433', 'invalid-target'],
    ['0177.0.0.1', 'invalid-target'],
    ['127.1', 'invalid-target'],
    ['127.0.0.1.', 'invalid-target'],
    ['foo.localhost', 'refused-target'],
    ['user@foo.localhost', 'invalid-target'],
    ['localhost', 'refused-target'],
  ])('%s: 400 %s with one sentence, and no DNS, fetch or connection', async (target, code) => {
    const asked: string[] = [];
    const fetched: string[] = [];
    const probed: number[] = [];
    const fetchText: FetchText = async (url) => {
      fetched.push(url);
      throw new Error('no network in this test');
    };
    app = buildApp({
      logger: false,
      resolver: countingResolver(asked),
      fetch: fetchText,
      probePort: async (options) => {
        probed.push(options.port);
        throw new Error('no connection expected');
      },
      rateLimitPerMinute: 0,
      rateLimitTargetPerMinute: 0,
    });
    for (const accept of ['application/json', 'application/x-ndjson']) {
      const response = await app.inject({ method: 'POST', url: '/v1/probe', headers: { accept }, payload: { target } });
      expect(response.statusCode, accept).toBe(400);
      const { error } = response.json() as { error: { code: string; message: string } };
      expect(error.code, accept).toBe(code);
      expect(error.message).toMatch(/^[^\n]+\.$/);
    }
    const discover = await app.inject({ method: 'GET', url: `/v1/discover?address=${encodeURIComponent(target)}` });
    expect(discover.statusCode).toBe(400);
    expect({ asked, fetched, probed }).toEqual({ asked: [], fetched: [], probed: [] });
  });
});

describe('text from DNS and web servers in service answers', () => {
  const ESC = '\u001b]0;T\u0007\u001b[2J';
  const notFound = async (): Promise<never> => {
    throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  };

  it('discovery steps and error messages carry no control or bidi character', async () => {
    app = buildApp({
      logger: false,
      rateLimitPerMinute: 0,
      rateLimitTargetPerMinute: 0,
      resolver: {
        // A hostile DNS server: an MX name with a bidi override, an A "address" with an escape sequence.
        resolve4: async (name) => (name === 'smtp.hostile.example' ? [`1.2.3.4${ESC}`] : notFound()),
        resolve6: notFound,
        resolveSrv: notFound,
        resolveMx: async () => [{ exchange: 'mx\u202e.example.com', priority: 10 }],
      },
      fetch: async () => {
        throw new Error(`fetch failed ${ESC} here`);
      },
    });
    const discover = await app.inject({ method: 'GET', url: '/v1/discover?address=example.com' });
    expect(discover.statusCode).toBe(200);
    const discovery = discover.json() as { steps: Array<{ message: string }> };
    expect(discovery.steps.map((step) => step.message).join('\n')).toContain('fetch failed ]0;T[2J here');
    expect(discovery.steps.some((step) => hasUnsafeText(step.message))).toBe(false);

    const refused = await app.inject({ method: 'POST', url: '/v1/probe', payload: { target: 'smtp.hostile.example' } });
    const { error } = refused.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('refused-target');
    expect(error.message).toContain('1.2.3.4]0;T[2J');
    expect(hasUnsafeText(error.message)).toBe(false);
  });
});
