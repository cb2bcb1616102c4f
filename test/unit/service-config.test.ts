import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig } from '../../src/server/config';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'no error';
}

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
  });

  it('takes proxy addresses, CIDRs and the loopback/linklocal/uniquelocal names', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses "true", odd address spellings, bad prefixes and words, naming the value', () => {
    expect(errorOf({ TRUST_PROXY: 'true' })).toMatch(/^TRUST_PROXY=true would believe X-Forwarded-For from anyone/);
    for (const bad of ['127.1', '0x7f000001', '10.0.0.0/33', 'nginx', '10.0.0.1/', 'fd00::/200']) {
      expect(errorOf({ TRUST_PROXY: `127.0.0.1,${bad}` })).toBe(
        `TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8), not "${bad}".`,
      );
    }
    expect(errorOf({ TRUST_PROXY: '11' })).toBe('TRUST_PROXY as a hop count must be from 1 to 10, not "11".');
  });
});

describe('HTTP timeouts and shutdown', () => {
  it('default to seconds, not minutes, except the idle timeout, which outlasts the longest probe', () => {
    const { http, shutdownTimeoutMs } = loadConfig({});
    expect(http).toEqual(DEFAULT_CONFIG.http);
    expect(http.headersTimeoutMs).toBeLessThanOrEqual(http.requestTimeoutMs);
    expect(http.requestTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(http.keepAliveTimeoutMs).toBeLessThanOrEqual(5000);
    // 10 s discovery + 30 s ports + 5 s margin = 45 s: the idle timeout and shutdown wait exceed it.
    expect(http.idleTimeoutMs).toBe(60_000);
    expect(shutdownTimeoutMs).toBe(50_000);
  });

  it('follow PROBE_TOTAL_TIMEOUT_MS', () => {
    const config = loadConfig({ PROBE_TOTAL_TIMEOUT_MS: '60000' });
    expect(config.http.idleTimeoutMs).toBe(90_000);
    expect(config.shutdownTimeoutMs).toBe(80_000);
  });

  it('are read from the environment and checked against each other', () => {
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '3000', HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000', SHUTDOWN_TIMEOUT_MS: '0' })).toMatchObject({
      http: { requestTimeoutMs: 3000, headersTimeoutMs: 2000, keepAliveTimeoutMs: 1000 },
      shutdownTimeoutMs: 0,
    });
    expect(errorOf({ HTTP_HEADERS_TIMEOUT_MS: '20000' })).toBe('HTTP_HEADERS_TIMEOUT_MS (20000) must not be longer than HTTP_REQUEST_TIMEOUT_MS (10000).');
    expect(errorOf({ HTTP_IDLE_TIMEOUT_MS: '30000' })).toBe(
      'HTTP_IDLE_TIMEOUT_MS (30000) must be longer than the longest probe (45000 ms with PROBE_TOTAL_TIMEOUT_MS=30000).',
    );
    expect(errorOf({ HTTP_KEEP_ALIVE_TIMEOUT_MS: '5s' })).toBe('HTTP_KEEP_ALIVE_TIMEOUT_MS must be a whole number from 100 to 600000, not "5s".');
  });
});
