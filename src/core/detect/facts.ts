/**
 * Gathers what the detectors look at, once per classification and within fixed limits:
 * URL, title, meta description, headings, form fields, settings tables and a budget of text.
 */
import { collectElements } from './elements';
import { readFields } from './fields';
import { readPairs } from './pairs';
import { CHROME, DEFAULT_TEXT_BUDGET, inNamedChrome, readBudgetedText } from './text';
import type { PageFacts } from './types';
import { normalise } from './vocabulary';

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

const ADDRESS = /[a-z0-9._%+-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}/i;
const MAX_ROWS_READ = 50;
const MAX_ROW_CHARS = 500;
const MAX_ROW_NODES = 100;
/** SHOW_TEXT, as a number because linkedom defines no NodeFilter global. */
const SHOW_TEXT = 4;

/** The opening of a row's text, read node by node: a layout table's row may hold the whole page. */
function rowText(document: Document, row: Element): string {
  const walker = document.createTreeWalker(row, SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(), nodes = 0; node !== null && nodes < MAX_ROW_NODES && text.length < MAX_ROW_CHARS; node = walker.nextNode(), nodes += 1) {
    text += ` ${(node as CharacterData).data.slice(0, MAX_ROW_CHARS)}`;
  }
  return text;
}

/**
 * The most rows of one table that each hold a different e-mail address, up to 10. A panel's list of a
 * domain's mailboxes or users has one per row; one person's settings show their address once or twice.
 * Only a table's own rows count, each once, whatever tables it sits in.
 */
function addressRows(document: Document, tables: readonly Element[]): number {
  let most = 0;
  for (const table of tables) {
    const seen = new Set<string>();
    let read = 0;
    for (const row of table.querySelectorAll('tr')) {
      if (read >= MAX_ROWS_READ || seen.size >= 10) break;
      if (row.closest('table') !== table) continue;
      read += 1;
      const found = ADDRESS.exec(rowText(document, row));
      if (found) seen.add(found[0].toLowerCase());
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

  return {
    url,
    urlText: urlWords(url),
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
