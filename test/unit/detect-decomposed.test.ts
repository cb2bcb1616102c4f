/**
 * Accents saved decomposed (a letter, then a combining mark: what macOS and some editors write) read as
 * the composed characters the word lists are spelled with. Every labelled fixture page outside English
 * is decomposed here and must get the same kind from the classifier, and the pre-check must still let
 * its articles and account pages through.
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

  it('composes before it lower-cases, so vocabulary spelled with accents matches', () => {
    expect(normalise('Servidor de Saída'.normalize('NFD'))).toBe('servidor de saída');
    expect(normalise('Postausgangsserver für SMTP'.normalize('NFD'))).toBe('postausgangsserver für smtp');
  });
});
