/**
 * `withTrainShare` (scripts/lib/real-corpus.ts), behind `npm run train:detect -- --train-share`: the
 * training split cut to a share of its sites, whole sites at a time, the same ones on every run, and the
 * validation and test splits untouched.
 */
import { describe, expect, it } from 'vitest';
import { withTrainShare, type CorpusItem, type Split } from '../../scripts/lib/real-corpus';

const item = (site: string, split: Split, n: number): CorpusItem => ({
  address: `https://${site}/page-${n}`,
  label: 'article',
  language: 'en',
  split,
  note: 'article:faq',
  kindTag: 'article:faq',
  site,
  html: '<p>x</p>',
  url: `https://${site}/page-${n}`,
});

const sites = Array.from({ length: 400 }, (_, i) => `site-${i}.example`);
const items = sites.flatMap((site, i) => [item(site, i % 5 === 0 ? 'test' : i % 5 === 1 ? 'validation' : 'train', 1), item(site, i % 5 === 0 ? 'test' : i % 5 === 1 ? 'validation' : 'train', 2)]);
const corpus = { items, headlined: items, missing: [] };
const trainSites = (c: { items: CorpusItem[] }) => new Set(c.items.filter((i) => i.split === 'train').map((i) => i.site));

describe('withTrainShare', () => {
  it('keeps about the share of the training sites asked for, each with all its pages', () => {
    const half = withTrainShare(corpus, 0.5);
    const kept = trainSites(half);
    expect(kept.size).toBeGreaterThan(240 * 0.4);
    expect(kept.size).toBeLessThan(240 * 0.6);
    for (const site of kept) expect(half.items.filter((i) => i.site === site)).toHaveLength(2);
    expect(half.headlined).toEqual(half.items);
  });

  it('leaves validation and test whole and the missing rows as they are', () => {
    const quarter = withTrainShare(corpus, 0.25);
    for (const split of ['validation', 'test'] as const) {
      expect(quarter.items.filter((i) => i.split === split)).toEqual(items.filter((i) => i.split === split));
    }
    expect(quarter.missing).toBe(corpus.missing);
  });

  it('keeps a subset of a larger share and repeats itself', () => {
    const small = trainSites(withTrainShare(corpus, 0.3));
    const large = trainSites(withTrainShare(corpus, 0.7));
    for (const site of small) expect(large.has(site)).toBe(true);
    expect(trainSites(withTrainShare(corpus, 0.3))).toEqual(small);
    expect(withTrainShare(corpus, 1)).toBe(corpus);
  });
});
