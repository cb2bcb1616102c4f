import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanText, escapeUnsafe, hasUnsafeText, terminalJson, terminalSafe } from '../../src/core/sanitize';

const TITLE_AND_CLEAR = '\u001b]0;TITLE\u0007\u001b[2J';

describe('cleanText', () => {
  it('drops the escape sequence bytes a terminal would obey', () => {
    expect(cleanText(`mail.example.com${TITLE_AND_CLEAR}`)).toBe('mail.example.com]0;TITLE[2J');
    expect(hasUnsafeText(cleanText(TITLE_AND_CLEAR))).toBe(false);
  });

  it('drops DEL and the C1 controls, among them the one-character CSI U+009B', () => {
    expect(cleanText('a\u007fb\u0080c\u009b2Jd\u009f')).toBe('abc2Jd');
  });

  it('drops bidi overrides, embeddings, isolates and marks', () => {
    const spoof = 'moc.elpmaxe\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
    expect(cleanText(spoof)).toBe('moc.elpmaxe');
  });

  it('turns line breaks and tabs into one space, so a field stays one line', () => {
    expect(cleanText('220 mail\r\n250 forged\tline')).toBe('220 mail 250 forged line');
  });

  it('keeps ordinary text, accents and other scripts as they are', () => {
    for (const text of ['smtp.example.com', 'Café SMTP — prêt', 'почта.рф', 'メール', 'AUTH PLAIN LOGIN', 'xn--80a1acny.xn--p1ai']) {
      expect(cleanText(text)).toBe(text);
    }
  });
});

describe('cleanDeep', () => {
  it('cleans every string in a nested value and leaves the rest alone', () => {
    const value = { banner: `x${TITLE_AND_CLEAR}`, ehlo: { beforeTls: ['A\u202eB'] }, port: 587, ok: true, none: null, [`k\u0007`]: 'v' };
    expect(cleanDeep(value)).toEqual({ banner: 'x]0;TITLE[2J', ehlo: { beforeTls: ['AB'] }, port: 587, ok: true, none: null, k: 'v' });
  });
});

describe('terminalSafe and terminalJson', () => {
  it('keeps our own line breaks and drops the rest', () => {
    expect(terminalSafe(`line one${TITLE_AND_CLEAR}\nline two\u009b\r\n`)).toBe('line one]0;TITLE[2J\nline two\n');
  });

  it('writes JSON that parses to the same value with no raw control or bidi character in it', () => {
    const value = { cn: `evil${TITLE_AND_CLEAR}\u009b\u202e\u007f` };
    const text = terminalJson(value, 2);
    expect(hasUnsafeText(text.replace(/\n/g, ''))).toBe(false);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('escapes a name\'s control and bidi characters so they are shown, not obeyed or lost', () => {
    expect(escapeUnsafe('page\u001b[2J\u202egnp.html\u009b')).toBe('page\\u001b[2J\\u202egnp.html\\u009b');
    expect(escapeUnsafe('plain name.html')).toBe('plain name.html');
  });
});
