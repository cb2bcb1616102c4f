/**
 * Gathers what the detectors look at, once per classification and within fixed limits:
 * URL, title, meta description, headings, form fields, settings tables and a budget of text.
 */
import { collectElements } from './elements';
import { readFields } from './fields';
import { readPairs } from './pairs';
import { CHROME, DEFAULT_TEXT_BUDGET, inNamedChrome, readBudgetedText, textOf } from './text';
import type { PageFacts } from './types';
import { addressAround, normalise } from './vocabulary';

const MAX_HEADINGS = 40;

const SIGN_OUT_HREF = /log-?out|log-?off|sign-?out|signoff|abmelden|ausloggen|d[ée]connexion|deconnecter|cerrar-?sesion|uitloggen|afmelden|_task=logout|action=logout/i;
const SIGN_OUT_TEXT = new RegExp(
  `^(?:${[
    'log ?out', 'log off', 'sign ?out', 'abmelden', 'ausloggen', 'se d[ée]connecter', 'd[ée]connexion', 'cerrar sesi[oó]n', 'salir', 'sair',
    'terminar sess[aã]o', 'esci', 'disconnetti', 'uitloggen', 'afmelden',
    // The same button in the other languages the panels and webmails are translated into.
    // Words that also unsubscribe or close an account ("Odhlásit", "Odjava", "注销") are left out.
    'wyloguj(?: się)?', 'odhlásit se', 'odhlásiť sa', 'выйти', 'выход', 'logga ut', 'logg ut', 'log ud', 'kirjaudu ulos',
    'çıkış(?: yap)?', 'oturumu kapat', 'αποσύνδεση', 'deconectare', 'kijelentkezés', 'ログアウト', 'サインアウト', '退出', '登出',
    '退出登录', '로그아웃',
  ].join('|')})$`,
  'iu',
);

/** A readable form of the URL: decoded, lower case, separators as spaces. */
export function urlWords(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape leaves the URL as it was: the words around it are still useful.
  }
  return normalise(decoded.replace(/[/?&=#_+.:-]+/g, ' '));
}

/** The content of the first meta tag with this name or property (from the bounded walk, head or not). */
function metaContent(metas: readonly Element[], key: string): string {
  const meta = metas.find((element) => element.getAttribute('name') === key || element.getAttribute('property') === key);
  return meta?.getAttribute('content') ?? '';
}

function hasMeta(metas: readonly Element[], key: string): boolean {
  return metas.some((element) => element.getAttribute('property') === key);
}

function hasSignOut(candidates: readonly Element[]): boolean {
  for (const element of candidates) {
    const href = element.getAttribute('href');
    if (href && SIGN_OUT_HREF.test(href)) return true;
    const text = (element.textContent ?? '').slice(0, 40).replace(/\s+/g, ' ').trim();
    if (text.length < 30 && SIGN_OUT_TEXT.test(text)) return true;
  }
  return false;
}

const MAX_ROWS_READ = 50;
const MAX_ROW_CHARS = 500;
/** A picture's name drawn at two or three times its size ("logo@2x.png"), not an address. */
const PICTURE = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp)$/;

/** A table's own rows, in order: its direct rows and those of its head, bodies and foot, never a nested table's. */
function* ownRows(table: Element): Generator<Element> {
  for (const child of table.children) {
    const tag = child.localName;
    if (tag === 'tr') yield child;
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const row of child.children) if (row.localName === 'tr') yield row;
    }
  }
}

/** The first e-mail address in a row's opening text, lower case, or null. */
function rowAddress(document: Document, row: Element): string | null {
  const text = textOf(document, row, MAX_ROW_CHARS).toLowerCase();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const address = addressAround(text, at);
    if (address !== null && !PICTURE.test(address)) return address;
  }
  return null;
}

/**
 * The most rows of one table that each hold a different e-mail address, up to 10. A panel's list of a
 * domain's mailboxes or users has one per row; one person's settings show their address once or twice.
 * Only a table's own rows are read, at most MAX_ROWS_READ of each, and a row that holds a table (a
 * layout row) is passed over: a list's rows hold their cells.
 */
function addressRows(document: Document, tables: readonly Element[]): number {
  let most = 0;
  for (const table of tables) {
    const seen = new Set<string>();
    let read = 0;
    for (const row of ownRows(table)) {
      if (read >= MAX_ROWS_READ || seen.size >= 10) break;
      read += 1;
      if (row.querySelector('table') !== null) continue;
      const address = rowAddress(document, row);
      if (address !== null) seen.add(address);
    }
    most = Math.max(most, seen.size);
  }
  return most;
}

export function gatherFacts(document: Document, url: string, textBudget = DEFAULT_TEXT_BUDGET): PageFacts {
  const elements = collectElements(document);
  const headingTexts: string[] = [];
  let mainHeading = '';
  for (const element of elements.headings) {
    if (element.closest(CHROME) !== null || inNamedChrome(element)) continue;
    const text = normalise((element.textContent ?? '').slice(0, 300)).trim();
    if (!text) continue;
    if (!mainHeading && /^h1$/i.test(element.tagName)) mainHeading = text;
    else if (headingTexts.length < MAX_HEADINGS) headingTexts.push(text);
  }
  if (!mainHeading && headingTexts.length > 0) mainHeading = headingTexts.shift() ?? '';

  const root = document.body ?? document.documentElement;
  const text = root
    ? readBudgetedText(document, root, textBudget)
    : { text: '', segments: [], charsRead: 0, nodesVisited: 0, truncated: false, linkChars: 0 };

  // A file's path says where someone saved the page ("/home/user/Downloads/…", "C:/Users/…"), not who
  // wrote it or what it is: only a web address is read (learned-words.ts `addressTokens` reads none either).
  const webAddress = /^https?:\/\//i.test(url) ? url : '';
  return {
    url: webAddress,
    urlText: urlWords(webAddress),
    title: normalise(document.title ?? '').trim(),
    description: normalise(metaContent(elements.metas, 'description') || metaContent(elements.metas, 'og:description')).trim(),
    mainHeading,
    headings: headingTexts,
    text: normalise(text.text),
    segments: text.segments,
    fields: readFields(document, elements),
    pairs: readPairs(document, elements),
    signOut: hasSignOut(elements.actions),
    addressRows: addressRows(document, elements.tables),
    newsMeta:
      (hasMeta(elements.metas, 'article:published_time') || hasMeta(elements.metas, 'article:section')) && metaContent(elements.metas, 'og:type') === 'article',
    textStats: { charsRead: text.charsRead, nodesVisited: text.nodesVisited, truncated: text.truncated, linkChars: text.linkChars },
    elementStats: { visited: elements.visited, truncated: elements.truncated },
  };
}
