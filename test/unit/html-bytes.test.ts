/**
 * Reading a saved page's bytes in the encoding it was written in (src/cli/html-bytes.ts), as a browser
 * does, so that `classify` sees Japanese or Russian text and not mojibake.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml, metaCharset } from '../../src/cli/html-bytes';

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
// "送信ポート" in Shift_JIS and in EUC-JP.
const SJIS = [0x91, 0x97, 0x90, 0x4d, 0x83, 0x7c, 0x81, 0x5b, 0x83, 0x67];
const EUC = [0xc1, 0xf7, 0xbf, 0xae, 0xa5, 0xdd, 0xa1, 0xbc, 0xa5, 0xc8];
const page = (head: string, body: number[]) => new Uint8Array([...ascii(`<html><head>${head}</head><body>`), ...body, ...ascii('</body></html>')]);

describe('metaCharset', () => {
  it('finds <meta charset> and the charset of a Content-Type http-equiv, in any case and quoting', () => {
    expect(metaCharset(ascii('<meta charset="Shift_JIS">'))).toBe('Shift_JIS');
    expect(metaCharset(ascii("<META CHARSET='euc-jp'/>"))).toBe('euc-jp');
    expect(metaCharset(ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'))).toBe('windows-1251');
    expect(metaCharset(ascii('<meta content="text/html;charset=gbk" http-equiv=content-type>'))).toBe('gbk');
  });

  it('ignores other metas, a charset only in the text, metas in comments or scripts, and the body', () => {
    expect(metaCharset(ascii('<meta name="description" content="charset=koi8-r"><p>charset=big5</p>'))).toBeNull();
    expect(metaCharset(ascii('<!-- <meta charset="big5"> --><script>x = "<meta charset=koi8-r>"</script>'))).toBeNull();
    expect(metaCharset(ascii('<head><title>x</title></head><body><meta charset="big5">'))).toBeNull();
  });

  it('keeps looking through a long head (a long saved-from comment first), and skips a label it does not know', () => {
    const comment = `<!-- saved from url=(1030)https://isp.example/?q=${'x'.repeat(1000)} -->`;
    expect(metaCharset(ascii(`${comment}<html><head><meta charset="shift_jis">`))).toBe('shift_jis');
    expect(metaCharset(ascii('<meta charset="no-such-thing"><meta charset="euc-jp">'))).toBe('euc-jp');
  });
});

describe('decodeHtml', () => {
  it('reads the encoding the page names', () => {
    expect(decodeHtml(page('<meta charset="Shift_JIS">', SJIS))).toMatchObject({ encoding: 'shift_jis' });
    expect(decodeHtml(page('<meta charset="Shift_JIS">', SJIS)).html).toContain('送信ポート');
    expect(decodeHtml(page('<meta http-equiv="content-type" content="text/html; charset=EUC-JP">', EUC)).html).toContain('送信ポート');
  });

  it('follows a byte-order mark before any meta, and drops the mark', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('<meta charset="shift_jis"><p>ポート 587</p>')]);
    expect(decodeHtml(utf8)).toEqual({ html: '<meta charset="shift_jis"><p>ポート 587</p>', encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>Port 587</p>', 'utf16le')]);
    expect(decodeHtml(utf16)).toEqual({ html: '<p>Port 587</p>', encoding: 'utf-16le' });
  });

  it('reads valid UTF-8 as UTF-8 when no encoding is named, else windows-1252; an unknown name changes nothing', () => {
    expect(decodeHtml(new Uint8Array(Buffer.from('<p>Serveur sortant : port 587, « STARTTLS »</p>')))).toMatchObject({ encoding: 'utf-8', html: '<p>Serveur sortant : port 587, « STARTTLS »</p>' });
    expect(decodeHtml(ascii('<p>Serveur sortant \xe0 configurer</p>'))).toEqual({ html: '<p>Serveur sortant à configurer</p>', encoding: 'windows-1252' });
    expect(decodeHtml(new Uint8Array(Buffer.from('<meta charset="no-such-thing"><p>ポート</p>')))).toMatchObject({ encoding: 'utf-8', html: '<meta charset="no-such-thing"><p>ポート</p>' });
  });

  it('reads a page that names UTF-16 in a meta as UTF-8, as browsers do; UTF-16 given by the container is UTF-16', () => {
    expect(decodeHtml(new Uint8Array(Buffer.from('<meta charset="utf-16"><p>ポート</p>')))).toMatchObject({ encoding: 'utf-8', html: '<meta charset="utf-16"><p>ポート</p>' });
    expect(decodeHtml(new Uint8Array(Buffer.from('<p>Port 587</p>', 'utf16le')), 'utf-16le')).toEqual({ html: '<p>Port 587</p>', encoding: 'utf-16le' });
  });

  it('keeps a UTF-8 page with a stray invalid byte as UTF-8, and follows a charset the container gives', () => {
    const stray = new Uint8Array([...Buffer.from('<p>送信ポート 587 </p><p>サブミッションポート</p>'), 0xe3, 0x81]);
    expect(decodeHtml(stray)).toMatchObject({ encoding: 'utf-8' });
    expect(decodeHtml(stray).html).toContain('サブミッションポート');
    expect(decodeHtml(page('<meta charset="utf-8">', SJIS), 'Shift_JIS').html).toContain('送信ポート');
  });

  it('gives our Shift_JIS and EUC-JP fixtures the same text as their UTF-8 original', () => {
    const original = readFileSync('test/fixtures/pages/real-shapes/ja-isp-op25b-submission-port.html', 'utf8');
    const plain = (html: string) => html.replace(/<meta[^>]*charset[^>]*>/i, '');
    for (const name of ['ja-op25b.shift_jis.html', 'ja-op25b.euc-jp.html']) {
      expect(plain(decodeHtml(readFileSync(`test/fixtures/encodings/${name}`)).html)).toBe(plain(original));
    }
  });
});
