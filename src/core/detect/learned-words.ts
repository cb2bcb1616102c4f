/**
 * The one smell whose vocabulary is learned rather than written: a logistic regression over the words of
 * the page (present or not), trained by `npm run train:detect` on the train split's articles against its
 * other pages and kept as data in words.json. The written smells name what a person reads a help article
 * by; these words catch what they cannot list: the products, devices and trades of the pages that only
 * look like ours, in the languages the corpus has on at least three sites. Its answer is one number, the smell
 * `text:learned-words`, weighed against the others like any smell.
 *
 * Words are letters and digits as they stand in the normalised text (inner hyphens and apostrophes kept,
 * quotes around a word dropped); Japanese and Chinese, written without spaces, are read as pairs of
 * characters, and a Latin word glued to them ("smtpサーバー") stays a word. Numbers count only when they
 * are mail ports.
 *
 * Beside its words, a page has a token for each concept of concepts.ts that its words name ("~send" for
 * "envoyer"), so what the many English pages teach carries over to languages with few pages, and the
 * words of its web address (`addressTokens`).
 */
import { conceptTokens } from './concepts';
import { urlWords } from './facts';
import words from './words.json';

export interface WordModel {
  /** One line on where these weights come from. */
  about: string;
  bias: number;
  /** Word → weight, only the words that count most (training keeps a bounded number). */
  words: Record<string, number>;
}

/**
 * Only this much of the text is read, from a little before the first word on the subject (see
 * `wordWindow`). The corpus stores at most 2,000 characters of a page, so the weights were learned on
 * stretches that long: the score sums the words present, and reading more of a long page would push it
 * further than any training page's. It also keeps a huge page's cost to one short pass.
 */
export const WORD_TEXT = 2000;
/** How far before the first word on the subject the window opens: the article's opening lines. */
export const WORD_LEAD = 500;

/**
 * Where the learned words start reading: WORD_LEAD characters before the first word on the subject, so
 * an article behind long menus or a cookie notice is read where it is, not where the page starts; but
 * never so late that the window would hold less than WORD_TEXT characters. A text no longer than the
 * window, as every corpus page is, is read whole.
 */
export function wordWindow(textLength: number, firstTopic: number): number {
  return firstTopic >= textLength ? 0 : Math.max(0, Math.min(firstTopic - WORD_LEAD, textLength - WORD_TEXT));
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}'-]*[\p{L}\p{N}])?/gu;
/** Japanese and Chinese characters, the prolonged-sound mark included. */
const UNSPACED_CHAR = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30fc]';
/** Runs of them inside a token ("smtpサーバー", "587番"). */
const UNSPACED_RUN = new RegExp(`${UNSPACED_CHAR}+`, 'gu');
const UNSPACED = new RegExp(UNSPACED_CHAR, 'u');
const EDGE_MARKS = /^['-]+|['-]+$/g;
const ONLY_DIGITS = /^\d+$/;
const MAIL_PORTS = new Set(['25', '110', '143', '465', '587', '993', '995', '2525']);

function addWord(seen: Set<string>, token: string): void {
  const word = token.replace(EDGE_MARKS, '');
  if (word.length >= 2 && (!ONLY_DIGITS.test(word) || MAIL_PORTS.has(word))) seen.add(word);
}

/** A token with Japanese or Chinese in it: each such run as pairs of characters, the rest as words. */
function addMixed(seen: Set<string>, token: string): void {
  let last = 0;
  UNSPACED_RUN.lastIndex = 0;
  for (let run = UNSPACED_RUN.exec(token); run !== null; run = UNSPACED_RUN.exec(token)) {
    addWord(seen, token.slice(last, run.index));
    for (let index = 0; index + 1 < run[0].length; index += 1) seen.add(run[0].slice(index, index + 2));
    last = run.index + run[0].length;
  }
  UNSPACED_RUN.lastIndex = 0;
  addWord(seen, token.slice(last));
}

/**
 * The different words of a (normalised, lower-case) text, WORD_TEXT characters of it from `from`, in the
 * order they first come.
 */
export function pageWords(fullText: string, from = 0): string[] {
  const text = from === 0 && fullText.length <= WORD_TEXT ? fullText : fullText.slice(from, from + WORD_TEXT);
  const seen = new Set<string>();
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const token = match[0];
    if (UNSPACED.test(token)) addMixed(seen, token);
    else addWord(seen, token);
  }
  TOKEN.lastIndex = 0;
  return [...seen];
}

/** What an address token starts with: no word of the text can, since `:` ends a word. */
const ADDRESS_MARK = 'url:';
/** Only this much of the address's words is read: a long query string adds nothing but cost. */
const ADDRESS_TEXT = 200;

/**
 * Names reserved for examples and tests (RFC 2606, RFC 6761: the .example, .test, .invalid and
 * .localhost domains, example.com, example.net and example.org): such a host names nobody. Our rendered
 * screens and fixture pages live there.
 */
const RESERVED_HOST = /(?:^|\.)(?:example(?:\.com|\.net|\.org)?|test|invalid|localhost)$/;

/**
 * The words of the page's address, each marked as such ("url:support", "url:manual", "url:smtp"): who
 * wrote the page shows there as much as in its text. A help desk, a university's IT pages or a mail
 * host's knowledge base help mail users; a device maker's manual or a software firm's documentation
 * configure their own product's mail. Host, path and query are read, the scheme and the fragment not.
 * A page with no web address (a file on disk) has none: its path says where someone saved it, not who
 * wrote it; a reserved host ("help.example") gives only its path.
 */
export function addressTokens(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [];
  const host = RESERVED_HOST.test(parsed.hostname) ? '' : parsed.hostname;
  return pageWords(urlWords(`${host}${parsed.pathname}${parsed.search}`).slice(0, ADDRESS_TEXT)).map((word) => `${ADDRESS_MARK}${word}`);
}

/**
 * What the learned words weigh: the page's different words (pageWords), the tokens of the concepts
 * those words name in any language ("~send" for "envoyer" or "wysyłanie", see concepts.ts) and the words
 * of its address (`addressTokens`).
 */
export function learnedTokens(fullText: string, from = 0, address: readonly string[] = []): string[] {
  const pageWordList = pageWords(fullText, from);
  return [...pageWordList, ...conceptTokens(pageWordList), ...address];
}

/** The model's probability that a page with these words is an article (0..1). */
export function wordScore(model: WordModel, pageWordList: readonly string[]): number {
  let logit = model.bias;
  for (const word of pageWordList) logit += Object.hasOwn(model.words, word) ? (model.words[word] ?? 0) : 0;
  return 1 / (1 + Math.exp(-logit));
}

/** Checks a words file's shape, so a hand-edited or stale file fails loudly, naming what is wrong. */
export function checkWordModel(value: unknown): WordModel {
  const fail = (what: string): never => {
    throw new Error(`words.json: ${what}`);
  };
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const model = value as Partial<WordModel>;
  if (typeof model.about !== 'string') fail('"about" must be a string');
  if (typeof model.bias !== 'number' || !Number.isFinite(model.bias)) fail('"bias" must be a finite number');
  if (typeof model.words !== 'object' || model.words === null || Array.isArray(model.words)) return fail('"words" must be an object');
  for (const [word, weight] of Object.entries(model.words)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight)) fail(`the weight of "${word}" must be a finite number`);
  }
  return model as WordModel;
}

/** The words `npm run train:detect` learned, checked once when the classifier loads. */
export const WORD_MODEL: WordModel = checkWordModel(words);
