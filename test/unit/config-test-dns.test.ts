import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

describe('PROBE_TEST_DNS', () => {
  it('is off by default and takes a loopback server beside PROBE_ALLOW_PRIVATE', () => {
    expect(loadConfig({}).testDns).toBeNull();
    expect(loadConfig({ PROBE_ALLOW_PRIVATE: '1', PROBE_TEST_DNS: ' 127.0.0.1:40053 ' }).testDns).toBe('127.0.0.1:40053');
    expect(loadConfig({ PROBE_ALLOW_PRIVATE: '1', PROBE_TEST_DNS: '[::1]:53' }).testDns).toBe('[::1]:53');
  });

  it('cannot bend a public service: without PROBE_ALLOW_PRIVATE it is a configuration error', () => {
    expect(() => loadConfig({ PROBE_TEST_DNS: '127.0.0.1:40053' })).toThrow(new ConfigError('PROBE_TEST_DNS is for tests only and needs PROBE_ALLOW_PRIVATE=1 beside it.'));
  });

  it.each(['8.8.8.8:53', '127.0.0.1', '127.0.0.1:0', '127.0.0.1:70000', '127.0.0.300:53', 'localhost:53', '10.0.0.1:53'])('refuses %s', (value) => {
    expect(() => loadConfig({ PROBE_ALLOW_PRIVATE: '1', PROBE_TEST_DNS: value })).toThrow(/^PROBE_TEST_DNS must be a loopback address and port such as 127\.0\.0\.1:40053/);
  });
});
