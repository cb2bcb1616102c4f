/**
 * The page classifier: is this page a help article about the outgoing (SMTP) server or port, one
 * person's mail account settings, or neither? Pure: it reads only the Document it is given, within a
 * fixed budget, and works on a browser Document as well as on linkedom's.
 */
import { detectClient } from './client-id';
import { extractSettings, shownOnArticle } from './extract';
import { gatherFacts } from './facts';
import { checkModel, decide, score, SCORED_KINDS, type Model, type ScoredKind } from './model';
import { readPage } from './reading';
import { forgetPageReadings } from './values';
import { measureSmells, possibleKinds, SMELLS } from './smells';
import { DEFAULT_TEXT_BUDGET } from './text';
import type { ClassifyOptions, PageClassification, PageKind } from './types';
import weights from './weights.json';

export type {
  ClassifyOptions,
  ExtractedSettings,
  PageClassification,
  PageKind,
  SecurityMode,
} from './types';
export { SMELLS } from './smells';
export type { Model } from './model';
export { DEFAULT_TEXT_BUDGET } from './text';
export { mightMatch } from './quick-check';

/** The weights `npm run train:detect` learned, checked once when the classifier loads. */
export const MODEL: Model = checkModel(weights);

/** A smell whose part of the winning kind's logit is at least this is named among the signals. */
const SIGNAL_PART = 0.3;

function abortError(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error('The page classification was aborted.');
  error.name = 'AbortError';
  return error;
}

/** What an empty document (no root element, as after a failed parse) classifies as. */
const NOTHING = (): PageClassification => ({
  kind: 'none',
  confidence: 1,
  signals: ['page:empty'],
  settings: { outgoingServer: null, port: null, security: null, authentication: null, incomingServer: null, anchor: null, shownIn: [] },
  clientId: null,
});

const hundredths = (value: number): number => Math.round(value * 100) / 100;

/** The smells that pushed towards `kind` (or, for "none", away from both kinds), strongest first. */
function signalsFor(kind: PageKind, parts: Record<'article' | 'account', number[]>): string[] {
  const named: Array<[string, number]> = [];
  SMELLS.forEach((smell, index) => {
    const weight =
      kind === 'none'
        ? -Math.max(...SCORED_KINDS.map((scored) => parts[scored][index] ?? 0))
        : (parts[kind][index] ?? 0);
    if (weight >= SIGNAL_PART) named.push([smell.id, weight]);
  });
  return named.sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Facts, settings, reading and the smells' answers, with `check` between the costly steps. */
function analyse(document: Document, url: string, textBudget: number, check: () => void = () => undefined) {
  forgetPageReadings();
  try {
    const facts = gatherFacts(document, url, textBudget);
    check();
    const extraction = extractSettings(facts);
    check();
    const reading = readPage(facts);
    return { facts, extraction, reading, answers: measureSmells(reading, facts, extraction) };
  } finally {
    forgetPageReadings();
  }
}

/**
 * Classifies `document` (loaded from `url`). Throws the signal's reason when `options.signal` aborts
 * between steps, so a content script can drop stale work when a single-page app navigates.
 * `options.model` replaces the shipped weights (training and its tests use it).
 */
export function classifyPage(document: Document, url: string, options: ClassifyOptions & { model?: Model } = {}): PageClassification {
  const { signal } = options;
  const check = (): void => {
    if (signal?.aborted) throw abortError(signal);
  };
  check();
  if (document.documentElement === null) return NOTHING();
  const { facts, extraction, reading, answers } = analyse(document, url, options.textBudget ?? DEFAULT_TEXT_BUDGET, check);
  const model = options.model ?? MODEL;
  const possible = possibleKinds(reading, extraction, facts);
  const { probability, parts } = score(model, answers, possible);
  const kind = decide(model, probability, possible);
  const signals = signalsFor(kind, parts);
  if (facts.textStats.truncated) signals.push('budget:truncated');
  if (facts.elementStats.truncated) signals.push('budget:elements-truncated');
  // An article that names its sending host or a submission port only in a list still gets it shown.
  const settings = kind === 'article' ? shownOnArticle(extraction.settings, facts.text) : extraction.settings;
  return {
    kind,
    confidence: hundredths(probability[kind]),
    signals,
    settings: kind === 'account' ? settings : { ...settings, anchor: null, shownIn: [] },
    clientId: kind === 'none' ? null : detectClient(facts),
  };
}

/**
 * What the weights see of a page: the smells' answers, which kinds it may be at all, and its words (for
 * the learned words). Training and its evaluation take this once per page and then score any number of
 * candidate models on it.
 */
export function pageEvidence(
  document: Document,
  url: string,
  textBudget = DEFAULT_TEXT_BUDGET,
): { answers: number[]; possible: Record<ScoredKind, boolean>; words: string[] } {
  if (document.documentElement === null) return { answers: SMELLS.map(() => 0), possible: { article: false, account: false }, words: [] };
  const { facts, reading, extraction, answers } = analyse(document, url, textBudget);
  return { answers, possible: possibleKinds(reading, extraction, facts), words: reading.words };
}

/** The smells' answers for a page, in SMELLS order: what `npm run train:detect` learns from. */
export function smellPage(document: Document, url: string, textBudget = DEFAULT_TEXT_BUDGET): number[] {
  if (document.documentElement === null) return SMELLS.map(() => 0);
  return analyse(document, url, textBudget).answers;
}
