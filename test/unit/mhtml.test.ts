/**
 * Pages saved as MHTML ("Webpage, Single File"): src/cli/mhtml.ts takes the page out of the archive,
 * with its address. The fixtures were written by Chromium itself (test/fixtures/encodings/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/cli/html-bytes';
import { ArchiveError, mhtmlPage } from '../../src/cli/mhtml';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const archive = (part: string, top = '') =>
  bytes(
    `From: <Saved by Blink>\r\n${top}MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B----"\r\n\r\n\r\n` +
      `------B----\r\nContent-Type: image/png\r\nContent-Location: https://isp.example/logo.png\r\n\r\nPNG\r\n` +
      `------B----\r\n${part}\r\n------B------\r\n`,
  );

describe('mhtmlPage', () => {
  it('takes the page Chromium saved, quoted-printable decoded, with its address', () => {
    const page = mhtmlPage(readFileSync('test/fixtures/encodings/ja-op25b.mhtml'));
    expect(page?.address).toBe('https://support.asagi-net.example/mail/op25b.html');
    const html = decodeHtml(page!.bytes, page!.charset).html;
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('サブミッションポート');
    expect(html).not.toMatch(/=3D|=\r?\n/);
  });

  it('takes the first HTML part, whatever comes before it, and its charset and base64', () => {
    const base64 = Buffer.from('<p>Порт 587</p>', 'utf8').toString('base64');
    const page = mhtmlPage(archive(`Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://isp.example/help/smtp\r\n\r\n${base64}`));
    expect(page).toMatchObject({ charset: 'utf-8', address: 'https://isp.example/help/smtp' });
    expect(decodeHtml(page!.bytes, page!.charset).html).toBe('<p>Порт 587</p>');
  });

  it('falls back to the Snapshot-Content-Location when the part has none', () => {
    const page = mhtmlPage(archive('Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p a=3D"b">Port=\r\n 587</p>', 'Snapshot-Content-Location: https://kb.example/587\r\n'));
    expect(page?.address).toBe('https://kb.example/587');
    expect(Buffer.from(page!.bytes).toString('latin1')).toBe('<p a="b">Port 587</p>');
  });

  it('reads an archive with LF line ends, folded headers, a cid: location and soft breaks after spaces', () => {
    const lf = 'MIME-Version: 1.0\nSnapshot-Content-Location: https://isp.example/help/\n very/long/587\nContent-Type: multipart/related; boundary=b\n\n' +
      '--b\nContent-Type: text/html; charset=windows-1252\nContent-Location: cid:frame-1@mhtml.blink\nContent-Transfer-Encoding: quoted-printable\n\n<p>Serveur sortant =E0 =  \nconfigurer</p>\n--b--\n';
    const page = mhtmlPage(bytes(lf));
    expect(page?.address).toBe('https://isp.example/help/very/long/587');
    expect(decodeHtml(page!.bytes, page!.charset).html).toBe('<p>Serveur sortant à configurer</p>');
  });

  it('looks into a nested multipart, as Word and Outlook write them', () => {
    const nested = archive('Content-Type: multipart/alternative; boundary="inner"\r\n\r\n--inner\r\nContent-Type: text/plain\r\n\r\nPort 587\r\n--inner\r\nContent-Type: text/html\r\nContent-Location: https://isp.example/587\r\n\r\n<p>Port 587</p>\r\n--inner--');
    expect(mhtmlPage(nested)).toMatchObject({ address: 'https://isp.example/587' });
    expect(Buffer.from(mhtmlPage(nested)!.bytes).toString('latin1')).toBe('<p>Port 587</p>');
  });

  it('is null for a file that is not a MIME message, and refuses an archive without a page', () => {
    expect(mhtmlPage(readFileSync('test/fixtures/pages/real-shapes/ja-isp-op25b-submission-port.html'))).toBeNull();
    expect(mhtmlPage(bytes('Subject: not a page\r\nContent-Type: text/plain\r\n\r\nPort 587'))).toBeNull();
    expect(() => mhtmlPage(archive('Content-Type: text/css\r\n\r\np { color: red }'))).toThrow(ArchiveError);
    expect(() => mhtmlPage(bytes('Content-Type: multipart/related\r\n\r\n--x\r\n'))).toThrow(/names no boundary/);
  });
});
