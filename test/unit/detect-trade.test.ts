/**
 * `tradeRow` and `formatTrade` (scripts/lib/detect-eval.ts), behind the table `npm run train:detect`
 * prints of articles found against near misses flagged at other article thresholds: articles counted
 * apart for en/ja/zh/ko and the other languages, near misses flagged as any kind, other none pages and
 * account screens left out of the near-miss share.
 */
import { describe, expect, it } from 'vitest';
import { formatTrade, tradeRow, type Outcome } from '../../scripts/lib/detect-eval';
import type { CorpusItem } from '../../scripts/lib/real-corpus';
import type { PageKind } from '../../src/core/detect/types';

let n = 0;
const outcome = (label: CorpusItem['label'], language: string, kindTag: string, predicted: PageKind): Outcome => {
  n += 1;
  const address = `https://site-${n}.example/page`;
  const item: CorpusItem = { address, label, language, split: 'test', note: kindTag, kindTag, site: `site-${n}.example`, html: '<p>x</p>', url: address };
  return { item, predicted, withPreCheck: predicted };
};

const pages: Outcome[] = [
  outcome('article', 'en', 'article:faq', 'article'),
  outcome('article', 'ja', 'article:faq', 'none'),
  outcome('article', 'de', 'article:faq', 'article'),
  outcome('article', 'pl', 'article:cut-short', 'none'),
  outcome('article', 'it', 'article:faq', 'none'),
  outcome('none', 'en', 'near-miss:device-smtp', 'article'),
  outcome('none', 'fr', 'near-miss:router-port-forwarding', 'account'),
  outcome('none', 'en', 'near-miss:dns-mx-spf', 'none'),
  outcome('none', 'en', 'near-miss:ssh-rdp-port', 'none'),
  // Not a near miss: flagged, it lowers article precision but not the near-miss share.
  outcome('none', 'en', 'other:site-about', 'article'),
  outcome('account', 'en', 'account:roundcube:identity', 'account'),
];

describe('tradeRow', () => {
  it('counts articles found per language group and near misses flagged as any kind', () => {
    const row = tradeRow(0.8, pages);
    expect(row.threshold).toBe(0.8);
    expect(row.big).toEqual({ found: 1, of: 2 });
    expect(row.other).toEqual({ found: 1, of: 3 });
    expect(row.nearMisses).toEqual({ flagged: 2, of: 4 });
    // 2 articles found, 2 other pages taken for articles, 3 articles missed: F1 = 4 / (4 + 2 + 3).
    expect(row.articleF1).toBeCloseTo(4 / 9, 6);
  });

  it('gives an empty group zero of zero, not a division by zero', () => {
    const row = tradeRow(0.5, pages.filter((o) => o.item.language === 'en'));
    expect(row.other).toEqual({ found: 0, of: 0 });
  });
});

describe('formatTrade', () => {
  it('prints one line a threshold and marks the shipped one only', () => {
    const rows = [tradeRow(0.7, pages), tradeRow(0.8, pages)];
    const lines = formatTrade('test split', rows, 0.7).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('test split');
    expect(lines[1]).toMatch(/^\s+0\.70 {2}F1 0\.444 {2}1\/2, 1\/3 {2}near misses 2\/4 \(50\.0 %\) {2}\(shipped\)$/);
    expect(lines[2]).not.toContain('shipped');
  });

  it('says "-" for the near-miss share of a split without near misses', () => {
    const rows = [tradeRow(0.7, pages.filter((o) => o.item.label === 'article'))];
    expect(formatTrade('x', rows, 0.9)).toContain('near misses 0/0 (-)');
  });
});
