import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostName } from '../../src/core/host-name';
import { decodePunycode, hostBothWays, readableHost, unicodeHost } from '../../src/core/readable-host';

describe('decodePunycode', () => {
  it.each([
    // RFC 3492 7.1's samples (Arabic, Chinese, Czech, Japanese) and everyday names.
    ['egbpdaj6bu4bxfgehfvwxn', 'ليهمابتكلموشعربي؟'],
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['Proprostnemluvesky-uyb24dma41a', 'Pročprostěnemluvíčesky'],
    ['-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n', '安室奈美恵-with-SUPER-MONKEYS'],
    ['bcher-kva', 'bücher'],
    ['mnchen-3ya', 'münchen'],
  ])('reads %s as %s', (punycode, text) => {
    expect(decodePunycode(punycode)).toBe(text);
  });

  it.each(['bcher-kv!', 'bcher-k', 'zzzzzzzzzzzzzzzzzzzz', 'ü-abc', '99999999999999999999'])('refuses %s', (punycode) => {
    expect(decodePunycode(punycode)).toBeNull();
  });

  it('reverses what URL host parsing encodes, for any letters of any script', () => {
    const letter = fc.oneof(
      fc.integer({ min: 0xe0, max: 0x24f }),
      fc.integer({ min: 0x3b1, max: 0x3c9 }),
      fc.integer({ min: 0x430, max: 0x44f }),
      fc.integer({ min: 0x5d0, max: 0x5ea }),
      fc.integer({ min: 0x3041, max: 0x3096 }),
      fc.integer({ min: 0x4e00, max: 0x9fa5 }),
      fc.integer({ min: 0x61, max: 0x7a }),
    );
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 12 }), (points) => {
        const label = String.fromCodePoint(...points);
        // URL parsing refuses some mixes (RFC 5893: right-to-left letters beside left-to-right ones).
        if (!URL.canParse(`http://${label}.example/`)) return;
        const ascii = new URL(`http://${label}.example/`).hostname.split('.')[0]!;
        if (!ascii.startsWith('xn--')) return;
        const decoded = decodePunycode(ascii.slice(4));
        expect(decoded).not.toBeNull();
        expect(new URL(`http://${decoded}.example/`).hostname.split('.')[0]).toBe(ascii);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readable host names', () => {
  it('shows what the person typed, for the name the project keeps', () => {
    const checked = checkHostName('mail.Bücher.de');
    expect(checked).toEqual({ ok: true, kind: 'name', value: 'mail.xn--bcher-kva.de' });
    expect(readableHost('mail.xn--bcher-kva.de')).toBe('mail.bücher.de');
    expect(hostBothWays('mail.xn--bcher-kva.de')).toBe('mail.bücher.de (mail.xn--bcher-kva.de)');
    expect(readableHost('xn--wgv71a119e.xn--wgv71a')).toBe('日本語.日本');
    expect(readableHost('ana@xn--bcher-kva.de')).toBe('ana@bücher.de');
    // One alphabet per label: a Cyrillic name, and Latin beside Japanese, read as written.
    expect(readableHost(new URL('http://почта.рф/').hostname)).toBe('почта.рф');
    expect(readableHost(new URL('http://mail東京.jp/').hostname)).toBe('mail東京.jp');
  });

  it('leaves plain names, addresses and names without Unicode alone', () => {
    for (const name of ['smtp.example.com', '192.0.2.1', '2001:db8::1', 'localhost']) {
      expect(unicodeHost(name)).toBeNull();
      expect(readableHost(name)).toBe(name);
      expect(hostBothWays(name)).toBe(name);
    }
  });

  it.each([
    ['xn--bcher-kv!.de', 'not Punycode'],
    ['xn--.de', 'empty'],
    ['xn--abc-.de', 'plain letters only, which are not written with xn--'],
    ['xn--BCHER-KVA.de', 'fine in capitals'],
  ])('%s (%s)', (name, _why) => {
    const unicode = unicodeHost(name);
    if (name === 'xn--BCHER-KVA.de') expect(unicode).toBe('bücher.de');
    else expect(unicode).toBeNull();
  });

  it('keeps the xn-- form of a name written wholly in Cyrillic or Greek letters that pass for Latin ones', () => {
    // "paypal" and "apple" in Cyrillic look-alikes, "coco" in Cyrillic, "kiox" in Greek: each one alphabet, each a disguise.
    for (const text of ['\u0440\u0430\u0443\u0440\u0430\u04cf', '\u0430\u0440\u0440\u04cf\u0435', '\u0441\u043e\u0441\u043e', '\u03ba\u03b9\u03bf\u03c7']) {
      for (const suffix of ['com', 'example']) {
        const ascii = new URL(`http://mail.${text}.${suffix}/`).hostname;
        expect(unicodeHost(ascii)).toBeNull();
        expect(readableHost(`ana@${ascii}`)).toBe(`ana@${ascii}`);
      }
    }
    // Words with letters of their own alphabet, and look-alike letters where their alphabet is at home, read as written.
    for (const text of ['почта.рф', 'мир.com', 'курс.com', 'урок.com', 'сосо.рф', 'орех.su', 'ресурс.bg', 'ріка.ua', 'река.eu', 'ελλάδα.com', 'κακαο.gr', 'αρχικα.gr']) {
      const ascii = new URL(`http://${text}/`).hostname;
      expect(unicodeHost(ascii)).toBe(text);
    }
  });

  it('keeps the xn-- form of a name with symbols or look-alike letters from two alphabets', () => {
    // A heart; "apple" with a Cyrillic а; "paypal" with a Greek ρ. URL parsing accepts all three.
    for (const text of ['i\u2665mail', '\u0430pple', 'pay\u03c1al']) {
      const ascii = new URL(`http://${text}.example/`).hostname;
      expect(ascii.startsWith('xn--')).toBe(true);
      expect(unicodeHost(ascii)).toBeNull();
      expect(readableHost(ascii)).toBe(ascii);
    }
  });
});
