/**
 * The learned part of the classifier: a multinomial logistic regression over the smells (smells.ts).
 * "none" is the reference class with a logit of 0; "article" and "account" each have a bias and one
 * weight per smell, learned by `npm run train:detect` and kept as data in weights.json.
 */
import { SMELLS } from './smells';
import type { PageKind } from './types';

export type ScoredKind = Exclude<PageKind, 'none'>;
export const SCORED_KINDS: readonly ScoredKind[] = ['article', 'account'];

export interface Model {
  /** One line on where these weights come from. */
  about: string;
  bias: Record<ScoredKind, number>;
  weights: Record<ScoredKind, Record<string, number>>;
  /** A kind is given only when it is the likeliest and its probability reaches this. */
  threshold: Record<ScoredKind, number>;
  /**
   * Learned with each kind's logit left out where its gate (smells.ts `possibleKinds`) is closed, so the
   * probabilities are read the same way: over the kinds the page may be and "none".
   */
  gated?: boolean;
}

export interface Scores {
  probability: Record<PageKind, number>;
  /** Per kind, each smell's part of the logit (weight × answer), in SMELLS order. */
  parts: Record<ScoredKind, number[]>;
}

export function score(model: Model, answers: readonly number[], possible?: Record<ScoredKind, boolean>): Scores {
  const parts = { article: [] as number[], account: [] as number[] };
  const logit = { article: model.bias.article, account: model.bias.account };
  for (const kind of SCORED_KINDS) {
    const weights = model.weights[kind];
    SMELLS.forEach((smell, index) => {
      const part = (weights[smell.id] ?? 0) * (answers[index] ?? 0);
      parts[kind].push(part);
      logit[kind] += part;
    });
  }
  // Softmax with "none" at 0, shifted by the largest logit so exp never overflows.
  const open = (kind: ScoredKind): boolean => !model.gated || possible === undefined || possible[kind];
  const top = Math.max(0, open('article') ? logit.article : 0, open('account') ? logit.account : 0);
  const none = Math.exp(-top);
  const article = open('article') ? Math.exp(logit.article - top) : 0;
  const account = open('account') ? Math.exp(logit.account - top) : 0;
  const sum = none + article + account;
  return { probability: { none: none / sum, article: article / sum, account: account / sum }, parts };
}

/**
 * Below this likelihood of "none" a page is surely on the subject: where the two kinds share the rest so that
 * neither reaches its threshold (a hosting panel's "configure your mail client" table reads 0.03 none, 0.49
 * article, 0.48 account), a note is shown rather than nothing: the article's, which stands at the top of the
 * page and claims no field, unless the account leads it by `SURE_MARGIN`. A kind must hold at least
 * `SURE_SHARE` itself: an application's SMTP form whose account gate is shut (0.04 none, 0.05 article, 0.91
 * account) is no article.
 */
export const SURELY_ON_TOPIC = 0.05;
export const SURE_SHARE = 0.3;
export const SURE_MARGIN = 0.15;

/**
 * The likeliest kind the page may be (see smells.ts `possibleKinds`), if it reaches its threshold; or, on a page
 * that is surely on the subject and where neither does (`SURELY_ON_TOPIC`), an article unless the account clearly
 * leads.
 */
export function decide(
  model: Model,
  probability: Record<PageKind, number>,
  possible: Record<ScoredKind, boolean> = { article: true, account: true },
): PageKind {
  const open = SCORED_KINDS.filter((kind) => possible[kind] && probability[kind] >= probability.none);
  const candidates = open.filter((kind) => probability[kind] >= model.threshold[kind]);
  if (candidates.length > 0) return candidates.reduce((best, kind) => (probability[kind] > probability[best] ? kind : best));
  if (probability.none >= SURELY_ON_TOPIC) return 'none';
  const sure = open.filter((kind) => probability[kind] >= SURE_SHARE);
  if (sure.includes('account') && (!sure.includes('article') || probability.account - probability.article >= SURE_MARGIN)) return 'account';
  return sure.includes('article') ? 'article' : 'none';
}

/** Checks a weights file's shape, so a hand-edited or stale file fails loudly, naming what is wrong. */
export function checkModel(value: unknown): Model {
  const fail = (what: string): never => {
    throw new Error(`weights.json: ${what}`);
  };
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const model = value as Partial<Model>;
  if (typeof model.about !== 'string') fail('"about" must be a string');
  if (model.gated !== undefined && typeof model.gated !== 'boolean') fail('"gated" must be true or false');
  const known = new Set(SMELLS.map((smell) => smell.id));
  for (const kind of SCORED_KINDS) {
    if (typeof model.bias?.[kind] !== 'number' || !Number.isFinite(model.bias[kind])) fail(`bias.${kind} must be a finite number`);
    const threshold = model.threshold?.[kind];
    if (typeof threshold !== 'number' || threshold < 0 || threshold > 1) fail(`threshold.${kind} must be between 0 and 1`);
    const weights = model.weights?.[kind];
    if (typeof weights !== 'object' || weights === null) return fail(`weights.${kind} must be an object`);
    for (const [id, weight] of Object.entries(weights)) {
      if (!known.has(id)) fail(`weights.${kind} has "${id}", which is no smell (renamed or removed? retrain)`);
      if (typeof weight !== 'number' || !Number.isFinite(weight)) fail(`weights.${kind}.${id} must be a finite number`);
    }
  }
  return model as Model;
}

/**
 * The weights that break their smell's sign (smells.ts), one sentence each: a hand-edited file, or one
 * trained before a sign was written. Kept out of `checkModel`, so that changing a sign leaves the old
 * weights loadable until `npm run train:detect` replaces them; the model test holds the shipped file to it.
 */
export function signViolations(model: Model): string[] {
  const problems: string[] = [];
  for (const smell of SMELLS) {
    for (const kind of SCORED_KINDS) {
      const sign = smell.sign?.[kind];
      const weight = model.weights[kind][smell.id] ?? 0;
      if (sign !== undefined && sign * weight < 0) problems.push(`weights.${kind}.${smell.id} is ${weight}, but that smell may only push ${kind} ${sign > 0 ? 'up' : 'down'}`);
    }
  }
  return problems;
}
