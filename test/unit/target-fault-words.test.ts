/**
 * A refused target is worded in the person's language: core/target.ts says why with a code, the
 * extension turns each code into its own sentence in English and Spanish.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTarget, type TargetFault } from '../../src/core/target';
import { TARGET_FAULTS, targetFaultWords } from '../../src/extension/ui/target-fault-words';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;
const en = catalogue('en');
const es = catalogue('es');

function fault(input: string): TargetFault {
  const parsed = parseTarget(input);
  if (parsed.ok) throw new Error(`expected ${input} to be refused`);
  return parsed.fault;
}

describe('target faults', () => {
  it.each([
    ['', 'missing'],
    ['smtp.example.com:587', 'port'],
    ['https://mail.example.com', 'scheme'],
    ['mail.example.com/settings', 'path'],
    ['mail example.com', 'spaces'],
    ['@example.com', 'email-no-local'],
    ['jane@', 'email-no-domain'],
    ['jane@192.0.2.1', 'email-ip'],
    ['jane@example', 'email-no-dot'],
    ['jane@foo.localhost', 'email-localhost'],
    ['[2001:db8::1', 'ipv6-unclosed'],
    ['0x7f.1', 'disguised-ip'],
    ['a..example.com', 'empty-label'],
    ['mailto:a@example.com,b@example.com', 'mailto-several'],
  ])('%j is refused as %s', (input, expected) => {
    expect(fault(input)).toBe(expected);
  });

  it('has a sentence in English and in Spanish for every fault, and the Spanish one is not the English one', () => {
    for (const [code, key] of Object.entries(TARGET_FAULTS)) {
      expect(en[key]?.message, `${code} in en`).toBeTruthy();
      expect(es[key]?.message, `${code} in es`).toBeTruthy();
      expect(es[key]!.message, code).not.toBe(en[key]!.message);
    }
  });

  it('words a fault through the translator it is given', () => {
    const spanish = targetFaultWords(fault('smtp.example.com:587'), (key) => es[key]!.message);
    expect(spanish).toContain('Quite el puerto');
    expect(spanish).not.toMatch(/\b(the|port|leave)\b/i);
  });
});
