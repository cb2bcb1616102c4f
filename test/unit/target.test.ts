import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTarget } from '../../src/core/target';

function ok(input: string) {
  const parsed = parseTarget(input);
  if (!parsed.ok) throw new Error(`expected ${input} to parse, got: ${parsed.message}`);
  return parsed;
}

function message(input: string): string {
  const parsed = parseTarget(input);
  if (parsed.ok) throw new Error(`expected ${input} to be refused`);
  return parsed.message;
}

describe('parseTarget', () => {
  it('takes the domain of an email address, trimmed and lower-cased', () => {
    expect(ok('  Alice.Smith@Example.COM ')).toEqual({ ok: true, kind: 'email', value: 'alice.smith@example.com', domain: 'example.com', host: 'example.com' });
  });

  it('accepts a mailto: link and drops its query', () => {
    expect(ok('mailto:bob@example.org?subject=hi')).toMatchObject({ kind: 'email', value: 'bob@example.org', domain: 'example.org' });
    expect(ok('MAILTO:bob%40example.org')).toMatchObject({ kind: 'email', domain: 'example.org' });
  });

  it('takes the address out of a name and address copied from a mail header or an address book', () => {
    expect(ok('Ana Ruiz <Ana.Ruiz@Example.org>')).toMatchObject({ kind: 'email', value: 'ana.ruiz@example.org', domain: 'example.org' });
    expect(ok('<bob@example.org>')).toMatchObject({ kind: 'email', value: 'bob@example.org' });
    expect(ok('"Ruiz, Ana" <mailto:ana@example.org>')).toMatchObject({ kind: 'email', value: 'ana@example.org' });
    expect(parseTarget('<bob@example.org> <eve@example.org>').ok).toBe(false);
  });

  it('tells a mail domain from a server name', () => {
    expect(ok('example.com')).toMatchObject({ kind: 'domain', domain: 'example.com', host: 'example.com' });
    expect(ok('smtp.example.com')).toMatchObject({ kind: 'host', domain: 'example.com', host: 'smtp.example.com' });
    expect(ok('mail2.example.co.uk.')).toMatchObject({ kind: 'host', host: 'mail2.example.co.uk' });
    expect(ok('localhost')).toMatchObject({ kind: 'host', host: 'localhost', domain: 'localhost' });
  });

  it('accepts IPv4 and IPv6 literals, bracketed or not', () => {
    expect(ok('192.0.2.10')).toMatchObject({ kind: 'host', value: '192.0.2.10' });
    expect(ok('2001:DB8::1')).toMatchObject({ kind: 'host', value: '2001:db8::1' });
    expect(ok('[::1]')).toMatchObject({ kind: 'host', value: '::1' });
    expect(ok('::ffff:192.0.2.1')).toMatchObject({ kind: 'host' });
  });

  it('turns an internationalised domain into its xn-- form', () => {
    expect(ok('user@bücher.example')).toMatchObject({ domain: 'xn--bcher-kva.example' });
  });

  it('refuses empty input', () => {
    expect(message('')).toMatch(/enter an email address/i);
    expect(message('   ')).toMatch(/enter an email address/i);
  });

  it('refuses spaces inside', () => {
    expect(message('smtp example.com')).toMatch(/spaces/);
  });

  it('refuses URLs and schemes', () => {
    expect(message('https://example.com/')).toMatch(/without "https:\/\/"/);
    expect(message('smtp://mail.example.com')).toMatch(/scheme/);
    expect(message('example.com/mail')).toMatch(/path/);
  });

  it('refuses ports', () => {
    expect(message('smtp.example.com:587')).toMatch(/Leave out the port/);
    expect(message('[2001:db8::1]:25')).toMatch(/Leave out the port/);
    expect(message('user@example.com:25')).toMatch(/no port/);
  });

  it('refuses names longer than 253 characters', () => {
    const long = `${'a'.repeat(60)}.`.repeat(5) + 'com';
    expect(long.length).toBeGreaterThan(253);
    expect(message(long)).toMatch(/253/);
  });

  it('refuses broken email addresses with a reason', () => {
    expect(message('@example.com')).toMatch(/nothing before/);
    expect(message('alice@')).toMatch(/nothing after/);
    expect(message('alice@[192.0.2.1]')).toMatch(/not an IP address/);
    expect(message('alice@localhost')).toMatch(/needs a dot/);
    expect(message('mailto:')).toMatch(/no email address/);
  });

  it('refuses invalid names and addresses', () => {
    expect(message('exa_mple.com')).toMatch(/not allowed/);
    expect(message('-bad.example.com')).toMatch(/not allowed/);
    expect(message('a..b')).toMatch(/empty part/);
    expect(message('999.1.1.1')).toMatch(/neither a valid IP/);
    expect(message('1:2:3')).toMatch(/not a valid/);
  });

  it('never throws and every refusal is one sentence', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const parsed = parseTarget(input);
        if (!parsed.ok) {
          expect(parsed.message).toMatch(/[.]$/);
          expect(parsed.message.length).toBeLessThan(300);
        } else {
          expect(parsed.value).toBe(parsed.value.toLowerCase());
          expect(parsed.value).not.toMatch(/\s/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
