import { describe, expect, it } from 'vitest';
import { startCheck } from '../../src/extension/check/check-state';
import { DEFAULTS, loadState, SCHEMA_VERSION, type Migration } from '../../src/extension/settings/storage-schema';

describe('loadState', () => {
  it('gives the defaults for an empty storage and writes nothing back', () => {
    const { state, repaired, obsolete } = loadState({});
    expect(state).toEqual(DEFAULTS);
    expect(repaired).toEqual([]);
    expect(obsolete).toEqual([]);
  });

  it('keeps valid stored values untouched', () => {
    const stored = {
      schemaVersion: SCHEMA_VERSION,
      lastClientId: 'thunderbird',
      progress: { thunderbird: { done: ['open-account-settings', 'set-port'], updatedAt: 5 } },
      target: { server: 'smtp.example.com', port: 465, security: 'tls', authentication: 'password' },
    };
    const { state, repaired } = loadState(stored);
    expect(state).toEqual({ ...DEFAULTS, ...stored });
    expect(repaired).toEqual([]);
  });

  it('keeps the user name of a tested setting, and drops one that is damaged or could play tricks', () => {
    const target = { server: 'smtp.example.com', port: 587, security: 'tls', authentication: 'encrypted-password' };
    const username = { form: 'local-part', pattern: '%EMAILLOCALPART%', value: 'jdoe' };
    expect(loadState({ schemaVersion: SCHEMA_VERSION, target: { ...target, username } }).state.target).toEqual({ ...target, username });
    for (const damaged of [{ ...username, form: 'nickname' }, { ...username, value: 'a\u202eb' }, { ...username, value: 'two words' }, 'jdoe']) {
      expect(loadState({ schemaVersion: SCHEMA_VERSION, target: { ...target, username: damaged } }).state.target).toEqual({ ...target, username: null });
    }
  });

  it("keeps what a check found beside a tested setting, and that no other port works; a damaged finding is dropped, not taken for none", () => {
    const target = { server: 'smtp.example.com', port: 587, security: 'starttls', authentication: 'password' };
    for (const checked of [{ failed: [465], alternative: { port: 2525, security: 'starttls' } }, { failed: [465, 2525], alternative: null }]) {
      expect(loadState({ schemaVersion: SCHEMA_VERSION, target: { ...target, checked } }).state.target).toEqual({ ...target, checked });
    }
    const damaged = [
      { failed: [465], alternative: { port: 8080, security: 'tls' } },
      { failed: [], alternative: { port: 465, security: 'ssl' } },
      { failed: [], alternative: { port: 465, security: 'none' } },
      { failed: [], alternative: { port: 587, security: 'starttls' } },
      { failed: [587, 465], alternative: null },
      { failed: [465] },
      { failed: [25, 80], alternative: null },
      { failed: '465', alternative: null },
      { ports: [465], alternative: null },
      '465',
      null,
    ];
    for (const checked of damaged) {
      expect(loadState({ schemaVersion: SCHEMA_VERSION, target: { ...target, checked } }).state.target).toEqual(target);
    }
  });

  it('keeps the agent\'s choice for the customer apart from the popup\'s own client', () => {
    const { state } = loadState({ schemaVersion: SCHEMA_VERSION, lastClientId: 'thunderbird', agentClientId: 'ios-mail' });
    expect(state.lastClientId).toBe('thunderbird');
    expect(state.agentClientId).toBe('ios-mail');
    expect(loadState({ schemaVersion: SCHEMA_VERSION, agentClientId: 'Not An Id' }).state.agentClientId).toBeNull();
    expect(DEFAULTS.agentClientId).toBeNull();
  });

  it('resets a damaged item to its default and reports it for repair, keeping the others', () => {
    const { state, repaired } = loadState({
      schemaVersion: SCHEMA_VERSION,
      lastClientId: 'thunderbird',
      progress: 'not an object',
      target: { server: '<script>', port: 587, security: 'starttls', authentication: 'password' },
    });
    expect(state.lastClientId).toBe('thunderbird');
    expect(state.progress).toEqual({});
    expect(state.target).toEqual(DEFAULTS.target);
    expect(repaired.sort()).toEqual(['progress', 'target']);
  });

  it('drops only the damaged client entries and step ids inside progress', () => {
    const { state } = loadState({
      schemaVersion: SCHEMA_VERSION,
      progress: {
        thunderbird: { done: ['set-port', 42, 'set-port', 'Bad Id!'], updatedAt: 'yesterday' },
        'Not An Id': { done: [] },
        'apple-mail': null,
        'outlook-2003': { done: ['change'], updatedAt: 9 },
      },
    });
    expect(state.progress).toEqual({
      thunderbird: { done: ['set-port'], updatedAt: 0 },
      'outlook-2003': { done: ['change'], updatedAt: 9 },
    });
  });

  it('rejects out-of-range ports and unknown security words', () => {
    for (const target of [
      { server: null, port: 0, security: 'starttls', authentication: 'password' },
      { server: null, port: 70000, security: 'starttls', authentication: 'password' },
      { server: null, port: 587.5, security: 'starttls', authentication: 'password' },
      { server: null, port: 587, security: 'ssl', authentication: 'password' },
      { server: null, port: 587, security: 'starttls', authentication: 'magic' },
    ]) {
      expect(loadState({ schemaVersion: SCHEMA_VERSION, target }).state.target).toEqual(DEFAULTS.target);
    }
  });

  it('runs migrations oldest first from the stored version, then validates the result', () => {
    const calls: number[] = [];
    const migrations: Record<number, Migration> = {
      1: (raw) => {
        calls.push(1);
        const { client, ticked, ...rest } = raw as { client?: string; ticked?: string[] };
        return { ...rest, lastClientId: client, progress: { [client ?? 'x']: { done: ticked, updatedAt: 1 } } };
      },
      2: (raw) => {
        calls.push(2);
        return { ...raw, target: { server: null, port: 587, security: 'starttls', authentication: 'password' } };
      },
    };
    const { state, repaired } = loadState(
      { schemaVersion: 1, client: 'thunderbird', ticked: ['set-port'] },
      migrations,
      3,
    );
    expect(calls).toEqual([1, 2]);
    expect(state.schemaVersion).toBe(3);
    expect(state.lastClientId).toBe('thunderbird');
    expect(state.progress).toEqual({ thunderbird: { done: ['set-port'], updatedAt: 1 } });
    expect(repaired).toEqual(expect.arrayContaining(['schemaVersion', 'lastClientId', 'progress', 'target']));
  });

  it('keeps what still passes from a newer version after a downgrade and reports unknown keys', () => {
    const { state, obsolete, repaired } = loadState({
      schemaVersion: SCHEMA_VERSION + 5,
      lastClientId: 'ios-mail',
      futureThing: { a: 1 },
    });
    expect(state.schemaVersion).toBe(SCHEMA_VERSION);
    expect(state.lastClientId).toBe('ios-mail');
    expect(obsolete).toEqual(['futureThing']);
    expect(repaired).toContain('schemaVersion');
  });

  it('never throws on arbitrary stored values', () => {
    const junk: unknown[] = [null, 0, -1, 'x', [], [1, 2], { done: null }, true, { __proto__: { done: [] } }];
    for (const value of junk) {
      for (const key of ['schemaVersion', 'lastClientId', 'progress', 'target']) {
        const { state } = loadState({ [key]: value });
        expect(state.schemaVersion).toBe(SCHEMA_VERSION);
      }
    }
  });

  it('keeps a finished check carried across a restart, and drops anything else there', () => {
    const check = { ...startCheck('c1', 'example.net', [25, 465, 587], 1), status: 'error' as const };
    const carried = { savedAt: 5, check };
    expect(loadState({ carriedCheck: carried }).state.carriedCheck).toEqual(carried);
    expect(loadState({ carriedCheck: null }).state.carriedCheck).toBeNull();
    for (const damaged of [
      { savedAt: 'soon', check },
      { savedAt: 5, check: { ...check, status: 'running' } },
      { savedAt: 5, check: { ...check, id: 7 } },
      { savedAt: 5, check: { ...check, report: { target: 'x' } } },
      'check',
    ]) {
      const { state, repaired } = loadState({ carriedCheck: damaged });
      expect(state.carriedCheck).toBeNull();
      expect(repaired).toContain('carriedCheck');
    }
  });
});
