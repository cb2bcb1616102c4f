/**
 * How well the classifier sorts pages, beside a plain keyword count measured in the same run: on the
 * real corpus's test split and its whole documentation pages when their texts are here (test/corpus/real/,
 * not in git), and always on the self-written regression pages (test/fixtures/pages/real-shapes/) that
 * CI has. The test split and the regression pages are measured twice: at their own address, and at one
 * that says nothing (a saved file; the browser tests' 127.0.0.1), since a page must be known by its content.
 *
 * The baseline is what a first try would do: count topic words (SMTP, outgoing server, port 25/465/587
 * in the languages the corpus has) in the page's whole text; two form fields and one such word make an
 * account page, three such words an article.
 */
import { classifyAll, describeTargets, formatReport, parse, reportOf, targets, type Outcome } from '../scripts/lib/detect-eval';
import { atNeutralAddress, fixtureItems, isWholePage, loadCorpus, type CorpusItem } from '../scripts/lib/real-corpus';
import type { PageKind } from '../src/core/detect/types';

const KEYWORDS =
  /smtp|outgoing (?:mail )?server|outgoing mail|postausgang|serveur sortant|servidor de sa[íl]ida|servidor saliente|server di posta in uscita|uitgaande server|serwer poczty wychodzącej|送信サーバ|送信ポート|port[a-z]* ?(?:25|465|587)\b/gi;

export function baseline(document: Document): PageKind {
  const text = document.body?.textContent ?? document.documentElement?.textContent ?? '';
  const count = text.match(KEYWORDS)?.length ?? 0;
  const fields = document.querySelectorAll('input:not([type=hidden]), select').length;
  if (fields >= 2 && count >= 1) return 'account';
  return count >= 3 ? 'article' : 'none';
}

function baselineOutcomes(items: readonly CorpusItem[]): Outcome[] {
  return items.map((item) => {
    const predicted = baseline(parse(item.html));
    return { item, predicted, withPreCheck: predicted };
  });
}

function compare(title: string, items: readonly CorpusItem[]): void {
  const ours = classifyAll(items);
  const naive = baselineOutcomes(items);
  console.log(`\n${formatReport(`${title}: classifier`, reportOf(ours))}`);
  console.log(describeTargets(ours));
  console.log(`${formatReport(`${title}: keyword baseline`, reportOf(naive))}`);
  console.log(describeTargets(naive));
  const a = targets(ours);
  const b = targets(naive);
  const ratio = (x: number, y: number) => (y === 0 ? '∞' : (x / y).toFixed(2));
  console.log(
    `  classifier / baseline: article F1 ${a.articleF1.toFixed(3)} / ${b.articleF1.toFixed(3)} (×${ratio(a.articleF1, b.articleF1)}), ` +
      `account recall ${a.accountRecall.toFixed(3)} / ${b.accountRecall.toFixed(3)}, near misses flagged ${(a.nearMissFlagged * 100).toFixed(1)} % / ${(b.nearMissFlagged * 100).toFixed(1)} %, ` +
      `false accounts ${(a.falseAccounts * 100).toFixed(1)} % / ${(b.falseAccounts * 100).toFixed(1)} %`,
  );
  const pre = reportOf(ours, 'withPreCheck');
  console.log(`  with the content script's pre-check in front: article F1 ${pre.perClass.article.f1.toFixed(3)}, account recall ${pre.perClass.account.recall.toFixed(3)}`);
}

export function accuracyBench(): void {
  const shapes = fixtureItems(['real-shapes'], 'test');
  compare(`self-written regression pages (${shapes.length})`, shapes);
  compare(`self-written regression pages as the browser tests serve them, from 127.0.0.1 (${shapes.length})`, atNeutralAddress(shapes, 'served'));
  const { items, missing } = loadCorpus();
  const test = items.filter((item) => item.split === 'test');
  const absent = missing.filter((row) => row.split === 'test').length;
  if (test.length === 0) {
    console.log('\nreal corpus: no texts in test/corpus/real/texts/ here, so no test-split figures (see test/corpus/real/README.md)');
    return;
  }
  // Figures on part of the split are not the split's figures: say so where they are read.
  const coverage = absent === 0 ? `${test.length} pages` : `${test.length} of ${test.length + absent} pages: ${absent} texts missing here`;
  compare(`real corpus, test split (${coverage})`, test);
  // A saved copy read from a file or a local server has no address that tells what it is: the page's own
  // text must. The keyword baseline reads no address, so its figures are the same as above.
  compare(`real corpus, test split at an address that says nothing (a file:// URL; ${coverage})`, atNeutralAddress(test, 'file'));
  // The web pages are 2,000-character openings; the documentation pages kept as Markdown are whole pages
  // (test/corpus/real/README.md, "Whole pages"). Every split's: the weights shipped before they were
  // added never learned from them; weights trained since have learned from the train split's.
  const whole = items.filter((item) => isWholePage(item.address));
  if (whole.length > 0) compare(`real corpus, whole documentation pages of every split (${whole.length} pages, ${whole.filter((item) => item.split === 'test').length} of them test)`, whole);
}
