/**
 * Learns the classifier's word weights (src/core/detect/words.json, read by learned-words.ts): a binary
 * logistic regression, article against every other page that is not an account screen, over which words
 * a page has. Used by `npm run train:detect`, which also needs each training page's score from a model
 * that did not see the page's site (`outOfFoldScores`): the smells' weights are learned on those, so the
 * learned words count as much as they are worth on pages they have not seen, not as much as they
 * remember.
 */
import { wordScore, type WordModel } from '../../src/core/detect/learned-words';

export interface WordPage {
  words: readonly string[];
  label: string;
  site: string;
}

export interface WordTraining {
  /** L2 penalty on the weights. */
  l2: number;
  epochs: number;
  /** A word must come on pages of at least this many sites: a site's own boilerplate teaches nothing. */
  minSites: number;
  /** Only this many words, those with the largest weights, are kept (the file ships in the extension). */
  keep: number;
}

export const WORD_TRAINING: WordTraining = { l2: 0.001, epochs: 300, minSites: 3, keep: 2000 };

/** The word model learns articles against every other page but account screens. */
export const learnsFrom = (page: { label: string }): boolean => page.label !== 'account';

/** Full-batch Adam on the logistic loss with an L2 penalty: deterministic, so a retraining repeats itself. */
export function fitWordModel(pages: readonly WordPage[], options: WordTraining = WORD_TRAINING): WordModel {
  const examples = pages.filter(learnsFrom);
  const sitesOf = new Map<string, Set<string>>();
  for (const page of examples) {
    for (const word of page.words) {
      let sites = sitesOf.get(word);
      if (!sites) sitesOf.set(word, (sites = new Set()));
      sites.add(page.site);
    }
  }
  const vocabulary = [...sitesOf].filter(([, sites]) => sites.size >= options.minSites).map(([word]) => word).sort();
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const rows = examples.map((page) => page.words.map((word) => index.get(word)).filter((i): i is number => i !== undefined));
  const targets = examples.map((page) => (page.label === 'article' ? 1 : 0));
  const size = vocabulary.length;
  const weights = new Float64Array(size);
  const m = new Float64Array(size + 1);
  const v = new Float64Array(size + 1);
  let bias = 0;
  const rate = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let epoch = 1; epoch <= options.epochs && examples.length > 0; epoch += 1) {
    const gradient = new Float64Array(size + 1);
    rows.forEach((row, n) => {
      let logit = bias;
      for (const i of row) logit += weights[i]!;
      const error = 1 / (1 + Math.exp(-logit)) - targets[n]!;
      for (const i of row) gradient[i]! += error;
      gradient[size]! += error;
    });
    for (let i = 0; i <= size; i += 1) {
      const value = i < size ? weights[i]! : bias;
      const g = gradient[i]! / rows.length + (i < size ? options.l2 * value : 0);
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      const step = (rate * (m[i]! / (1 - beta1 ** epoch))) / (Math.sqrt(v[i]! / (1 - beta2 ** epoch)) + 1e-8);
      if (i < size) weights[i] = value - step;
      else bias = value - step;
    }
  }
  const kept = vocabulary
    .map((word, i) => [word, Math.round(weights[i]! * 1000) / 1000] as const)
    .filter(([, weight]) => weight !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.keep)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { about: '', bias: Math.round(bias * 1000) / 1000, words: Object.fromEntries(kept) };
}

/** A fixed hash of a site's name (FNV-1a), so folds by site repeat from one run to the next. */
export function siteHash(site: string): number {
  return [...site].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
}

/** A repeatable fold for a site. */
export function foldOfSite(site: string, folds: number): number {
  return siteHash(site) % folds;
}

/**
 * Each page's score from a word model trained on the pages of the other folds (by site), in `pages`
 * order: what the smells' weights may learn from without the words remembering the page. `alsoScore`
 * (the same pages read otherwise, e.g. at another address, so with other words) is scored by the same
 * fold models without being learned from; its scores follow those of `pages`.
 */
export function outOfFoldScores(pages: readonly WordPage[], folds = 5, options: WordTraining = WORD_TRAINING, alsoScore: readonly WordPage[] = []): number[] {
  const all = [...pages, ...alsoScore];
  const scores = all.map(() => 0);
  for (let fold = 0; fold < folds; fold += 1) {
    const held = all.map((page, i) => [page, i] as const).filter(([page]) => foldOfSite(page.site, folds) === fold);
    if (held.length === 0) continue;
    const model = fitWordModel(pages.filter((page) => foldOfSite(page.site, folds) !== fold), options);
    for (const [page, i] of held) scores[i] = wordScore(model, page.words);
  }
  return scores;
}
