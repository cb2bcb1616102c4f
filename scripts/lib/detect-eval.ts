/**
 * Runs the page classifier (and the content script's pre-check) over corpus items and breaks the
 * results down the way issue #10 asks: per class, per language, per kind of near miss, per product.
 * Shared by `npm run train:detect` and `npm run bench:detect`.
 */
import { parseHTML } from 'linkedom';
import { classifyPage, mightMatch, pageEvidence, SMELLS, type Model } from '../../src/core/detect/index';
import { wordScore, type WordModel } from '../../src/core/detect/learned-words';
import { decide, score, type ScoredKind } from '../../src/core/detect/model';
import type { PageKind } from '../../src/core/detect/types';
import type { CorpusItem } from './real-corpus';
import { evaluate, formatReport, type ClassName, type Report } from './softmax';

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export interface Outcome {
  item: CorpusItem;
  predicted: PageKind;
  /** What the page hint would do: the pre-check must pass before the classifier runs. */
  withPreCheck: PageKind;
}

export function classifyAll(items: readonly CorpusItem[], model?: Model): Outcome[] {
  return items.map((item) => {
    const document = parse(item.html);
    const predicted = classifyPage(document, item.url, model ? { model } : {}).kind;
    const withPreCheck = predicted !== 'none' && mightMatch(document, item.url) ? predicted : 'none';
    return { item, predicted, withPreCheck };
  });
}

/** One page as the weights see it, taken once: training scores many candidate models on it. */
export interface Evidence {
  item: CorpusItem;
  answers: number[];
  possible: Record<ScoredKind, boolean>;
  /** The page's different words, as the learned words read them (learned-words.ts). */
  words: string[];
  /** Whether the content script's pre-check lets the page through to the classifier. */
  preCheck: boolean;
}

export function gatherEvidence(items: readonly CorpusItem[]): Evidence[] {
  return items.map((item) => {
    const document = parse(item.html);
    return { item, ...pageEvidence(document, item.url), preCheck: mightMatch(document, item.url) };
  });
}

/** The same outcomes `classifyAll` gives for `model`, from evidence taken once. */
export function predictAll(evidence: readonly Evidence[], model: Model): Outcome[] {
  return evidence.map(({ item, answers, possible, preCheck }) => {
    const predicted = decide(model, score(model, answers, possible).probability, possible);
    return { item, predicted, withPreCheck: predicted !== 'none' && preCheck ? predicted : 'none' };
  });
}

export function reportOf(outcomes: readonly Outcome[], which: 'predicted' | 'withPreCheck' = 'predicted'): Report {
  return evaluate(outcomes.map((outcome) => ({ truth: outcome.item.label as ClassName, predicted: outcome[which] as ClassName })));
}

/** Article recall per language, false-positive rate per kind of near miss, account recall per product. */
export function breakdown(outcomes: readonly Outcome[]): string {
  const lines: string[] = [];
  const group = (filter: (o: Outcome) => boolean, key: (o: Outcome) => string) => {
    const groups = new Map<string, Outcome[]>();
    for (const outcome of outcomes.filter(filter)) {
      const name = key(outcome);
      groups.set(name, [...(groups.get(name) ?? []), outcome]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  lines.push('  articles found, per language:');
  for (const [language, group_] of group((o) => o.item.label === 'article', (o) => o.item.language)) {
    const found = group_.filter((o) => o.predicted === 'article').length;
    lines.push(`    ${language}  ${found}/${group_.length}`);
  }
  lines.push('  pages that are neither, flagged as article or account, per kind:');
  for (const [kind, group_] of group((o) => o.item.label === 'none', (o) => o.item.kindTag)) {
    const flagged = group_.filter((o) => o.predicted !== 'none');
    lines.push(`    ${kind.padEnd(36)} ${flagged.length}/${group_.length}${flagged.length ? `  (${flagged.map((o) => o.item.site).join(', ')})` : ''}`);
  }
  lines.push('  account pages found, per product:');
  for (const [product, group_] of group((o) => o.item.label === 'account', (o) => o.item.kindTag.split(':')[1] ?? o.item.site)) {
    const found = group_.filter((o) => o.predicted === 'account').length;
    lines.push(`    ${product.padEnd(20)} ${found}/${group_.length}`);
  }
  return lines.join('\n');
}

/** The four languages the corpus holds most of; the article target is closest there (corpus README). */
export const BIG_LANGUAGES: ReadonlySet<string> = new Set(['en', 'ja', 'zh', 'ko']);

/** One line of the trade between articles found and near misses flagged, at one article threshold. */
export interface TradeRow {
  threshold: number;
  articleF1: number;
  /** Articles found in the four languages the corpus holds most of, and in all the others. */
  big: { found: number; of: number };
  other: { found: number; of: number };
  nearMisses: { flagged: number; of: number };
}

/** The trade at one article threshold, from the pages as that threshold sorts them. */
export function tradeRow(threshold: number, outcomes: readonly Outcome[]): TradeRow {
  const articles = (big: boolean) => outcomes.filter((o) => o.item.label === 'article' && BIG_LANGUAGES.has(o.item.language) === big);
  const count = (group: readonly Outcome[]) => ({ found: group.filter((o) => o.predicted === 'article').length, of: group.length });
  const nearMisses = outcomes.filter((o) => o.item.label === 'none' && o.item.kindTag.startsWith('near-miss'));
  return {
    threshold,
    articleF1: reportOf(outcomes).perClass.article.f1,
    big: count(articles(true)),
    other: count(articles(false)),
    nearMisses: { flagged: nearMisses.filter((o) => o.predicted !== 'none').length, of: nearMisses.length },
  };
}

/** The trade as lines of a table, the shipped threshold marked. */
export function formatTrade(title: string, rows: readonly TradeRow[], shipped: number): string {
  const share = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`);
  const lines = [`  ${title}: article threshold, article F1, articles found (en/ja/zh/ko, other languages), near misses flagged`];
  for (const row of rows) {
    const mark = Math.abs(row.threshold - shipped) < 1e-9 ? '  (shipped)' : '';
    lines.push(
      `    ${row.threshold.toFixed(2)}  F1 ${row.articleF1.toFixed(3)}  ${row.big.found}/${row.big.of}, ${row.other.found}/${row.other.of}  near misses ${row.nearMisses.flagged}/${row.nearMisses.of} (${share(row.nearMisses.flagged, row.nearMisses.of)})${mark}`,
    );
  }
  return lines.join('\n');
}

/** The issue's bars: article F1, share of near misses flagged, account recall and false accounts. */
export function targets(outcomes: readonly Outcome[]): { articleF1: number; nearMissFlagged: number; accountRecall: number; falseAccounts: number } {
  const report = reportOf(outcomes);
  const nearMisses = outcomes.filter((o) => o.item.label === 'none' && o.item.kindTag.startsWith('near-miss'));
  const notAccounts = outcomes.filter((o) => o.item.label !== 'account');
  return {
    articleF1: report.perClass.article.f1,
    nearMissFlagged: nearMisses.length === 0 ? 0 : nearMisses.filter((o) => o.predicted !== 'none').length / nearMisses.length,
    accountRecall: report.perClass.account.recall,
    falseAccounts: notAccounts.length === 0 ? 0 : notAccounts.filter((o) => o.predicted === 'account').length / notAccounts.length,
  };
}

export function describeTargets(outcomes: readonly Outcome[]): string {
  const t = targets(outcomes);
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  return [
    `  article F1 ${t.articleF1.toFixed(3)} (target ≥ 0.95: ${mark(t.articleF1 >= 0.95)})`,
    `  near misses flagged ${(t.nearMissFlagged * 100).toFixed(1)} % (target ≤ 2 %: ${mark(t.nearMissFlagged <= 0.02)})`,
    `  account recall ${t.accountRecall.toFixed(3)} (target ≥ 0.9: ${mark(t.accountRecall >= 0.9)})`,
    `  false accounts ${(t.falseAccounts * 100).toFixed(1)} % (target ≤ 2 %: ${mark(t.falseAccounts <= 0.02)})`,
  ].join('\n');
}

export { formatReport };

const LEARNED_WORDS = SMELLS.findIndex((smell) => smell.id === 'text:learned-words');

/**
 * The same pages with the learned words' answer taken from `scores` (one per page, in order): the
 * evidence was read with the shipped words.json, and training puts each fold's own word model in its place.
 */
export function withWordScores(evidence: readonly Evidence[], scores: readonly number[]): Evidence[] {
  // Silently keeping the shipped scores would train on words that saw the page: fail instead.
  if (LEARNED_WORDS < 0) throw new Error('withWordScores: there is no smell text:learned-words (renamed?)');
  if (scores.length !== evidence.length) throw new Error(`withWordScores: ${scores.length} scores for ${evidence.length} pages`);
  return evidence.map((page, index) => {
    const answers = [...page.answers];
    answers[LEARNED_WORDS] = scores[index]!;
    return { ...page, answers };
  });
}

/** `withWordScores` with every page scored by one word model. */
export function withWordModel(evidence: readonly Evidence[], model: WordModel): Evidence[] {
  return withWordScores(evidence, evidence.map((page) => wordScore(model, page.words)));
}
