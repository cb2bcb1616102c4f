/**
 * The classifier against the whole labelled corpus: per-class precision and recall, macro F1, and the
 * shape of the corpus itself (enough pages per class and language, every page labelled).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../src/core/detect/index';
import { type Kind, type LabelledPage, PAGES_DIR, loadPage, readLabels } from '../fixtures/pages/corpus';
import { SAVED_FILE_URL, SERVED_ORIGIN } from '../../scripts/lib/real-corpus';

const KINDS: readonly Kind[] = ['article', 'account', 'none'];
const labels = readLabels();

interface ClassMetrics {
  kind: Kind;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

function metrics(pages: readonly LabelledPage[]): { perClass: ClassMetrics[]; macroF1: number; wrong: string[] } {
  const predictions = pages.map((page) => {
    const { document, url } = loadPage(page.file);
    return { page, predicted: classifyPage(document, url).kind };
  });
  const perClass = KINDS.map((kind) => {
    const truePositives = predictions.filter((p) => p.predicted === kind && p.page.kind === kind).length;
    const predicted = predictions.filter((p) => p.predicted === kind).length;
    const actual = predictions.filter((p) => p.page.kind === kind).length;
    const precision = predicted === 0 ? (actual === 0 ? 1 : 0) : truePositives / predicted;
    const recall = actual === 0 ? 1 : truePositives / actual;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { kind, precision, recall, f1, support: actual };
  });
  const macroF1 = perClass.reduce((sum, row) => sum + row.f1, 0) / perClass.length;
  const wrong = predictions
    .filter((p) => p.predicted !== p.page.kind)
    .map((p) => `${p.page.file}: labelled ${p.page.kind}, classified ${p.predicted}`);
  return { perClass, macroF1, wrong };
}

function table(title: string, result: ReturnType<typeof metrics>): string {
  const rows = result.perClass.map(
    (row) =>
      `${row.kind.padEnd(8)} ${row.precision.toFixed(3).padStart(9)} ${row.recall.toFixed(3).padStart(7)} ${row.f1.toFixed(3).padStart(6)} ${String(row.support).padStart(7)}`,
  );
  return [title, 'class    precision  recall     f1 support', ...rows, `macro F1 ${result.macroF1.toFixed(3)}`, ...result.wrong.map((line) => `  wrong: ${line}`)].join('\n');
}

describe('labelled corpus', () => {
  it('labels every page once and every labelled page exists', () => {
    const onDisk = [
      ...readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html')),
      ...readdirSync(`${PAGES_DIR}holdout`).map((name) => `holdout/${name}`),
    ].sort();
    const labelled = labels.map((page) => page.file).sort();
    expect(labelled).toEqual(onDisk);
    expect(new Set(labelled).size).toBe(labelled.length);
    for (const page of labels) {
      expect(KINDS).toContain(page.kind);
      expect(page.note.length).toBeGreaterThan(5);
    }
  });

  it('has enough pages per class, near misses and languages', () => {
    const count = (kind: Kind) => labels.filter((page) => page.kind === kind).length;
    expect(labels.length).toBeGreaterThanOrEqual(64);
    expect(count('article')).toBeGreaterThanOrEqual(22);
    expect(count('account')).toBeGreaterThanOrEqual(12);
    expect(count('none')).toBeGreaterThanOrEqual(28);
    expect(labels.filter((page) => page.kind === 'none' && page.note.includes('near-miss')).length).toBeGreaterThanOrEqual(14);
    const languages = new Set(labels.map((page) => page.lang));
    for (const lang of ['en', 'es', 'de', 'fr', 'pt', 'it', 'nl']) expect(languages).toContain(lang);
  });
});

describe('classifier metrics', () => {
  // holdout/ holds two batches: "held-out" pages were written before the classifier and never tuned on;
  // "blind batch 2" pages were written against the finished classifier, scored once, then used for one
  // round of general fixes, so only the first batch is still a clean check.
  it('reaches a macro F1 of at least 0.95 on the whole corpus', () => {
    const all = metrics(labels);
    const heldOutPages = labels.filter((page) => page.note.startsWith('held-out'));
    const heldOut = metrics(heldOutPages);
    const blindPages = labels.filter((page) => page.note.startsWith('blind batch 2'));
    const blind = metrics(blindPages);
    console.log(
      [
        table(`All ${labels.length} pages`, all),
        table(`Held-out batch: ${heldOutPages.length} pages written before the classifier, never tuned on`, heldOut),
        table(`Blind batch 2: ${blindPages.length} harder pages, seen once before a round of fixes`, blind),
      ].join('\n\n'),
    );
    expect(all.macroF1).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.macroF1).toBeGreaterThanOrEqual(0.9);
  });
});

/**
 * Pages in our own words with the shapes of the real pages the classifier used to miss (issue #10):
 * prose-only port-25 advice, two-paragraph FAQs, settings references, generic titles, pages cut short,
 * long menus first, eight languages, the near misses and the account screens. CI cannot hold the real
 * pages, so these keep each failure class from coming back.
 */
describe('real-page shapes', () => {
  const shapes = readLabels('real-shapes');

  it('labels every page of the folder once', () => {
    const onDisk = readdirSync(`${PAGES_DIR}real-shapes`).filter((name) => name.endsWith('.html')).map((name) => `real-shapes/${name}`).sort();
    const labelled = shapes.map((page) => page.file).sort();
    expect(labelled).toEqual(onDisk);
  });

  it('covers every failure class of the issue', () => {
    const tags = new Set(shapes.map((page) => /^[a-z-]+:[a-z0-9-]+/.exec(page.note)?.[0]));
    for (const tag of ['article:prose-port25', 'article:faq-short', 'article:settings-reference', 'article:send-mail-as', 'article:long-nav', 'article:truncated', 'article:generic-title', 'article:no-title', 'article:plain-text']) {
      expect(tags).toContain(tag);
    }
    for (const kind of ['router-port-forwarding', 'ssh-port', 'rdp-port', 'imap-only', 'pop-only', 'email-marketing', 'smtp-relay', 'news-report', 'printer-scan-to-email', 'mx-spf-dns']) {
      expect(tags).toContain(`near-miss:${kind}`);
    }
    const languages = new Set(shapes.filter((page) => page.kind === 'article').map((page) => page.lang));
    for (const lang of ['en', 'ja', 'de', 'fr', 'nl', 'pt', 'pl', 'es', 'it']) expect(languages).toContain(lang);
    expect(shapes.filter((page) => page.kind === 'account').length).toBeGreaterThanOrEqual(12);
  });

  it.each(shapes.map((page) => [page.file, page.kind, page.note] as const))('%s is %s (%s)', (file, kind) => {
    const { document, url } = loadPage(file);
    expect(classifyPage(document, url).kind).toBe(kind);
  });

  // The browser tests serve these pages from 127.0.0.1, and a saved copy opened from disk has no address
  // either: an account screen must be known by what it shows, not by a settings route in its address.
  const accounts = [...labels, ...shapes].filter((page) => page.kind === 'account' && !page.heldOut).map((page) => page.file);
  it.each(accounts)('%s is an account page served from 127.0.0.1, or opened from disk, too', (file) => {
    const { document } = loadPage(file);
    expect(classifyPage(document, `${SERVED_ORIGIN}/${file}`).kind).toBe('account');
    expect(classifyPage(document, SAVED_FILE_URL).kind).toBe('account');
  });

  const expected = shapes.flatMap((page) => {
    const match = /expect=server:([^,\s]+),port:(\d+),security:(starttls|tls|none)/.exec(page.note);
    return match ? [[page.file, match[1]!, Number(match[2]), match[3]!] as const] : [];
  });
  it.each(expected)('%s gives server %s, port %s, security %s', (file, server, port, security) => {
    const { document, url } = loadPage(file);
    const { settings } = classifyPage(document, url);
    expect({ server: settings.outgoingServer, port: settings.port, security: settings.security }).toEqual({ server, port, security });
  });
});
