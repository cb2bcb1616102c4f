/**
 * The bootstrap's pre-check: true on every article and account page of the corpus, false on most
 * other pages, and small enough to live in the content-script bootstrap.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mightMatch } from '../../src/core/detect/quick-check';
import { loadPage, parse, readLabels } from '../fixtures/pages/corpus';

const labels = readLabels();
const SOURCE = fileURLToPath(new URL('../../src/core/detect/quick-check.ts', import.meta.url));

describe('mightMatch', () => {
  it.each(labels.filter((page) => page.kind !== 'none').map((page) => [page.file]))('is true on %s', (file) => {
    const { document, url } = loadPage(file);
    expect(mightMatch(document, url)).toBe(true);
  });

  it('is false on most pages that are neither', () => {
    const none = labels.filter((page) => page.kind === 'none');
    const passing = none.filter((page) => {
      const { document, url } = loadPage(page.file);
      return mightMatch(document, url);
    });
    console.log(`mightMatch lets through ${passing.length} of ${none.length} "none" pages: ${passing.map((page) => page.file).join(', ')}`);
    expect(passing.length / none.length).toBeLessThanOrEqual(0.25);
  });

  it('looks at the URL, title, description and headings only', () => {
    const body = '<p>Set the outgoing server (SMTP) to port 587 with STARTTLS.</p>';
    expect(mightMatch(parse(`<title>Recipes</title><body>${body}</body>`), 'https://example.net/food')).toBe(false);
    // A whole document, as a browser builds it even from a fragment (linkedom leaves a bare fragment unwalkable).
    expect(mightMatch(parse('<!doctype html><html><head><title>Recipes</title></head><body><h2>Outgoing server</h2></body></html>'), 'https://example.net/')).toBe(true);
    expect(mightMatch(parse('<!doctype html><html><head><title>x</title><meta name="description" content="Puerto 587"></head><body></body></html>'), 'https://example.net/')).toBe(true);
    // A stray element in <head> makes the parser move the rest, the description too, into <body>.
    expect(mightMatch(parse('<!doctype html><html><head><title>x</title><div></div><meta name="description" content="Puerto 587"></head><body></body></html>'), 'https://example.net/')).toBe(true);
    expect(mightMatch(parse('<title>x</title>'), 'https://example.net/hilfe/postausgangsserver')).toBe(true);
    expect(mightMatch(parse(''), 'https://example.net/smtp')).toBe(false);
  });

  it('reads at most the first eight headings', () => {
    const headings = Array.from({ length: 8 }, (_, index) => `<h2>Section ${index}</h2>`).join('');
    const page = parse(`<title>x</title><body>${headings}<h2>SMTP settings</h2></body>`);
    expect(mightMatch(page, 'https://example.net/')).toBe(false);
  });

  it('has no imports and minifies to well under the 4 KiB bootstrap budget', async () => {
    expect(readFileSync(SOURCE, 'utf8')).not.toMatch(/^import /m);
    const result = await build({ entryPoints: [SOURCE], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
    const bytes = result.outputFiles[0]?.contents.byteLength ?? Infinity;
    console.log(`quick-check.ts minified: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(1024);
  });
});
