/**
 * The per-page memory of readings (page-memo.ts): each different text read once until forgotten, a
 * reading of `undefined` or `null` remembered like any other, and never more than its limit held.
 */
import { describe, expect, it } from 'vitest';
import { pageMemo } from '../../src/core/detect/page-memo';
import { directionOf } from '../../src/core/detect/fields';
import { forgetPageReadings, meaningOf } from '../../src/core/detect/values';

describe('pageMemo', () => {
  it('reads each different text once until it forgets', () => {
    const read: string[] = [];
    const memo = pageMemo((text) => {
      read.push(text);
      return text === 'port' ? null : text.length;
    });
    expect([memo('server'), memo('port'), memo('server'), memo('port')]).toEqual([6, null, 6, null]);
    expect(read).toEqual(['server', 'port']);
    memo.forget();
    expect(memo('server')).toBe(6);
    expect(read).toEqual(['server', 'port', 'server']);
  });

  it('holds at most its limit, starting afresh past it', () => {
    let reads = 0;
    const memo = pageMemo((text) => {
      reads += 1;
      return text;
    });
    for (let index = 0; index < 5000; index += 1) memo(`key ${index}`);
    expect(reads).toBe(5000);
    // The first keys were dropped when the memory filled, the last ones are still there.
    memo('key 0');
    expect(reads).toBe(5001);
    memo('key 4999');
    expect(reads).toBe(5001);
  });
});

describe('the classifier readings of keys', () => {
  it('give the same answers remembered as read afresh', () => {
    const keys = ['outgoing server (smtp)', 'port', 'incoming server', 'smtp', 'benutzername', '送信サーバー', 'notes'];
    const first = keys.map((key) => [directionOf(key), meaningOf(key, 'incoming')]);
    const again = keys.map((key) => [directionOf(key), meaningOf(key, 'incoming')]);
    forgetPageReadings();
    const afresh = keys.map((key) => [directionOf(key), meaningOf(key, 'incoming')]);
    expect(again).toEqual(first);
    expect(afresh).toEqual(first);
    expect(meaningOf('smtp', 'incoming')).toEqual({ role: 'server', direction: 'outgoing' });
    expect(meaningOf('port', 'incoming')).toEqual({ role: 'port', direction: 'incoming' });
    expect(meaningOf('port', 'outgoing')).toEqual({ role: 'port', direction: 'outgoing' });
  });
});
