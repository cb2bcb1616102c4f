/**
 * The page classifier: is this page a help article about the outgoing (SMTP) server or port, one
 * person's mail account settings, or neither? Pure: it reads only the Document it is given, within a
 * fixed budget, and works on a browser Document as well as on linkedom's.
 */
import { detectClient } from './client-id';
import { extractSettings } from './extract';
import { gatherFacts } from './facts';
import { DETECTORS } from './registry';
import { DEFAULT_TEXT_BUDGET } from './text';
import type { ClassifyOptions, PageClassification, PageKind } from './types';

export type {
  ClassifyOptions,
  Detector,
  ExtractedSettings,
  PageClassification,
  PageKind,
  SecurityMode,
} from './types';
export { DETECTORS } from './registry';
export { DEFAULT_TEXT_BUDGET } from './text';
export { mightMatch } from './quick-check';

/** A score at or above this makes the page that kind. */
export const THRESHOLD = 0.6;

/** Account evidence only counts on a page that shows signs of belonging to someone's account. */
const ACCOUNT_CONTEXT = /^(?:account:sign-out|url:account|form:label:)/;

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
  settings: { outgoingServer: null, port: null, security: null, authentication: null, incomingServer: null, anchor: null },
  clientId: null,
});

/** Two decimals, so that sums of weights compare as written (0.3 + 0.2 + 0.15 is not above 0.65). */
const hundredths = (value: number): number => Math.round(value * 100) / 100;
const clamp = (value: number): number => Math.min(1, Math.max(0, value));

/**
 * Classifies `document` (loaded from `url`). Throws the signal's reason when `options.signal` aborts
 * between steps, so a content script can drop stale work when a single-page app navigates.
 */
export function classifyPage(document: Document, url: string, options: ClassifyOptions = {}): PageClassification {
  const { signal } = options;
  const check = (): void => {
    if (signal?.aborted) throw abortError(signal);
  };
  check();
  if (document.documentElement === null) return NOTHING();
  const facts = gatherFacts(document, url, options.textBudget ?? DEFAULT_TEXT_BUDGET);
  check();
  const { settings } = extractSettings(facts);

  const scores = { article: 0, account: 0, against: 0 };
  const signals: string[] = [];
  for (const detector of DETECTORS) {
    check();
    const evidence = detector.detect(facts, settings);
    scores[detector.target] += evidence.score;
    signals.push(...evidence.signals);
  }
  if (facts.textStats.truncated) signals.push('budget:truncated');
  if (facts.elementStats.truncated) signals.push('budget:elements-truncated');

  const article = hundredths(scores.article + scores.against);
  // Near misses are about articles' words; an account form is rarely beside a router guide.
  const account = hundredths(scores.account + scores.against / 2);
  const accountContext = signals.some((reason) => ACCOUNT_CONTEXT.test(reason));

  let kind: PageKind = 'none';
  if (accountContext && account >= THRESHOLD && account >= article) kind = 'account';
  else if (article >= THRESHOLD) kind = 'article';

  const confidence = kind === 'account' ? account : kind === 'article' ? article : 1 - Math.max(article, account) / (THRESHOLD * 2);
  return {
    kind,
    confidence: hundredths(clamp(confidence)),
    signals,
    settings: kind === 'account' ? settings : { ...settings, anchor: null },
    clientId: kind === 'none' ? null : detectClient(facts),
  };
}
