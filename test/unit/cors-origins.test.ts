import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CORS_ORIGINS, loadConfig } from '../../src/server/config';
import { originMatcher } from '../../src/server/origins';

const CHROME = 'chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb';
const FIREFOX = 'moz-extension://0d4b1a35-6a0e-4c1f-9f3e-2b7d8e6c5a10';

describe('origin rules of the probe service', () => {
  it('by default lets in the Chrome extension and any Firefox installation, nothing else', () => {
    const allowed = originMatcher(loadConfig({}).corsOrigins);
    expect(allowed(CHROME)).toBe(true);
    expect(allowed(FIREFOX)).toBe(true);
    expect(allowed('moz-extension://7f000001-0000-4000-8000-00000000abcd')).toBe(true);
    expect(allowed('chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(allowed('https://evil.example')).toBe(false);
    expect(allowed('http://127.0.0.1:8580')).toBe(false);
    expect(allowed('null')).toBe(false);
  });

  it('takes moz-extension://* only for what Firefox really sends: a lower-case 8-4-4-4-12 UUID and nothing after it', () => {
    const allowed = originMatcher(['moz-extension://*']);
    expect(allowed(FIREFOX)).toBe(true);
    expect(allowed(FIREFOX.toUpperCase().replace('MOZ-EXTENSION', 'moz-extension'))).toBe(false);
    expect(allowed('moz-extension://evil.example')).toBe(false);
    expect(allowed(`${FIREFOX}:8080`)).toBe(false);
    expect(allowed(`${FIREFOX}/`)).toBe(false);
    expect(allowed('moz-extension://')).toBe(false);
    expect(allowed('moz-extension://*')).toBe(false);
    expect(allowed(CHROME)).toBe(false);
  });

  it('CORS_ORIGINS replaces the default; one exact Firefox UUID lets in that installation only', () => {
    const config = loadConfig({ CORS_ORIGINS: ` ${CHROME} , ${FIREFOX} ` });
    expect(config.corsOrigins).toEqual([CHROME, FIREFOX]);
    const allowed = originMatcher(config.corsOrigins);
    expect(allowed(FIREFOX)).toBe(true);
    expect(allowed('moz-extension://11111111-2222-4333-8444-555555555555')).toBe(false);
    expect(originMatcher(loadConfig({ CORS_ORIGINS: CHROME }).corsOrigins)(FIREFOX)).toBe(false);
    expect(loadConfig({ CORS_ORIGINS: '  ' }).corsOrigins).toEqual(DEFAULT_CORS_ORIGINS);
  });

  it('refuses a wildcard for any other scheme, and anything that is not an origin, with a sentence naming it', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'chrome-extension://*' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: 'chrome-extension://*' })).toThrow(/only moz-extension:\/\/\* may stand for every id/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://*' })).toThrow(/"https:\/\/\*" is not accepted/);
    expect(() => loadConfig({ CORS_ORIGINS: `${CHROME},moz-extension://*.example` })).toThrow(/"moz-extension:\/\/\*\.example" is not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/"\*" is not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://help.example/path' })).toThrow(/is not an origin/);
  });
});
