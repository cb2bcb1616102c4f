/**
 * Accents saved decomposed (a letter, then a combining mark: what macOS and some editors write) read as
 * the composed characters the word lists are spelled with. Every labelled fixture page with a character
 * that decomposes (accented letters, Hangul, kana with voicing marks) is decomposed here and must get the
 * same kind from the classifier, and the pre-check must still let its articles and account pages through.
 */
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../src/core/detect/index';
import { mightMatch } from '../../src/core/detect/quick-check';
import { normalise } from '../../src/core/detect/vocabulary';
import { parse, readLabels, readPage, savedFromUrl } from '../fixtures/pages/corpus';

const COMBINING = /[\u0300-\u036f]/;
const pages = [...readLabels(), ...readLabels('real-shapes')].filter((page) => {
  const html = readPage(page.file);
  return html.normalize('NFD') !== html && COMBINING.test(html.normalize('NFD'));
});

describe('decomposed accents', () => {
  it('has pages to try: fixture pages whose text has accents', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
  });

  it.each(pages.map((page) => [page.file, page.kind]))('%s is still %s when its accents are decomposed', (file, kind) => {
    const html = readPage(file);
    const url = savedFromUrl(html, file);
    const decomposed = parse(html.normalize('NFD'));
    expect(classifyPage(decomposed, url).kind).toBe(kind);
    if (kind !== 'none') expect(mightMatch(decomposed, url)).toBe(true);
  });

  it('lets a decomposed page through the pre-check when only its accented or Hangul words name the subject', () => {
    // No "smtp", no port number: the outgoing server's name alone, which the pre-check looks for composed.
    const pages = [
      ['pt', 'Configure o servidor de saída e a autenticação na sua conta'],
      ['ko', '보내는 메일 서버 주소와 계정 정보를 입력하세요'],
      ['cs', 'Nastavte odchozí server ve vašem poštovním programu'],
    ];
    for (const [lang, text] of pages) {
      const html = `<!DOCTYPE html><html lang="${lang}"><head><title>Ajuda</title></head><body><main><p>${text}</p></main></body></html>`;
      expect(html.normalize('NFD')).not.toBe(html);
      expect(mightMatch(parse(html.normalize('NFD')), 'https://help.example/kb/1')).toBe(true);
    }
  });

  it('reads decomposed accents as the composed words the vocabulary spells', () => {
    expect(normalise('Servidor de Saída'.normalize('NFD'))).toBe('servidor de saída');
    expect(normalise('Postausgangsserver für SMTP'.normalize('NFD'))).toBe('postausgangsserver für smtp');
  });
});
