import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function load(locale: string): Catalogue {
  return JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Catalogue;
}

const en = load('en');
const es = load('es');
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;

function referenced(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

describe('_locales', () => {
  it('Spanish has exactly the English keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  for (const [key, entry] of Object.entries(en)) {
    it(`"${key}" is complete and its placeholders agree in both languages`, () => {
      const spanish = es[key]!;
      expect(entry.message.trim()).not.toBe('');
      expect(spanish.message.trim()).not.toBe('');
      const declared = Object.keys(entry.placeholders ?? {}).sort();
      expect(referenced(entry.message)).toEqual(declared);
      expect(referenced(spanish.message)).toEqual(declared);
      expect(Object.keys(spanish.placeholders ?? {}).sort()).toEqual(declared);
    });
  }

  it('the manifest takes every user-visible string from the catalogue', () => {
    const strings = [manifest.name, manifest.short_name, manifest.description, (manifest.action as { default_title: string }).default_title];
    for (const value of strings) {
      expect(value).toMatch(/^__MSG_\w+__$/);
      const key = String(value).slice(6, -2);
      expect(en[key], key).toBeDefined();
    }
  });
});
