import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

function redisUrlOf(value: string | undefined): string | null {
  return loadConfig({ REDIS_URL: value }).redisUrl;
}

function errorOf(value: string): string {
  try {
    loadConfig({ REDIS_URL: value });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`REDIS_URL=${value} was accepted`);
}

describe('REDIS_URL', () => {
  it('is off (everything in memory) when unset or blank', () => {
    expect(redisUrlOf(undefined)).toBeNull();
    expect(redisUrlOf('  ')).toBeNull();
  });

  it.each([
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://cache.internal', 'redis://cache.internal'],
    ['rediss://user:secret@cache.internal:6380/2', 'rediss://user:secret@cache.internal:6380/2'],
    ['redis://[::1]:6379/0', 'redis://[::1]:6379/0'],
  ])('accepts %s', (value, expected) => {
    expect(redisUrlOf(value)).toBe(expected);
  });

  it('names the problem and the expected form', () => {
    expect(errorOf('http://cache.internal:6379')).toBe(
      'REDIS_URL must start with redis:// (or rediss:// for TLS), not "http://"; write it like redis://host:6379, rediss://host:6380 or redis://:password@host:6379/0.',
    );
    expect(errorOf('cache.internal:6379')).toContain('must start with redis://');
    expect(errorOf('redis://cache.internal:6379/db1')).toBe('REDIS_URL may end with a database number (/0, /1...), not "/db1": "redis://cache.internal:6379/db1".');
    expect(errorOf('redis://cache.internal:6379?family=6')).toContain('REDIS_URL takes no query or fragment');
    expect(errorOf('redis://cache.internal:99999')).toBe('REDIS_URL is not a URL; write it like redis://host:6379, rediss://host:6380 or redis://:password@host:6379/0.');
  });

  it('never repeats a password in its messages', () => {
    for (const value of ['redis://:hunter2@cache.internal/db1', 'redis://user:hunter2@cache.internal:6379?x=1', 'redis://user:hunter2@cache.internal:99999']) {
      const message = errorOf(value);
      expect(message).toMatch(/^REDIS_URL /);
      expect(message).not.toContain('hunter2');
    }
    expect(errorOf('redis://:hunter2@cache.internal/db1')).toContain('redis://:***@cache.internal/db1');
  });
});
