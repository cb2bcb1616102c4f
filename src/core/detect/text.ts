/**
 * Reads at most a fixed budget of a page's visible text through a TreeWalker and stops early.
 * Never `innerText` (it forces a layout) and never a walk over every element: only text nodes are
 * visited, and each one's ancestors are looked at once per parent thanks to a small cache.
 */
import type { TextSegment } from './types';
import { EMAIL_ADDRESS, INVISIBLE, SENDING_LABEL } from './vocabulary';

/** SHOW_TEXT of the DOM NodeFilter interface, as a number because linkedom defines no such global. */
const SHOW_TEXT = 4;

export const DEFAULT_TEXT_BUDGET = 64 * 1024;

/** Text that is never shown. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD']);
/** Page chrome: menus, footers and sidebars repeat across a site and say little about this page. */
const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'banner']);
/** The same chrome as a selector, for `closest`; a banner's headings and blocks still count there. */
export const CHROME = 'nav, footer, aside, [role="navigation"], [role="contentinfo"], [role="complementary"]';
/**
 * The same chrome built of plain <div>s, named by its class or id: a site footer's columns of product
 * links ("WordPress hosting", "Email marketing", "SMTP relay", "Pricing"), a navigation bar, a sidebar of
 * related, recent, popular or most-read articles ("Forward ports on your router", "How do I read my
 * invoice?"), breadcrumbs. A whole page's footer or sidebar is as long as a short article, and its links
 * are the very words of near misses.
 * Named so, a block is still content unless it is mostly links (`MENU_SHARE`): a panel's sidebar of
 * server and port lines, a layout wrapper "content-with-sidebar", a form's "card-footer" with its test
 * button are text. (Bootstrap's "nav nav-tabs" are a form's tabs, not chrome: "nav" alone is no name.)
 */
const CHROME_NAME =
  /(?:^|[\s_-])(?:footer|colophon|navbar|sidebar|related|recent|popular|promoted|most-?(?:read|viewed)|main-?nav|site-?nav|top-?nav|global-?nav|mega-?menu)(?:$|[\s_-])/i;
/** Short chrome that is chrome by its name alone: breadcrumbs, a cookie notice (with its buttons). */
const NAMED_ONLY = /(?:^|[\s_-])(?:cookies?|consent|breadcrumbs?)(?:$|[\s_-])/i;
/** What a named part that is really the page holds: its main heading, its article, a form's fields. */
const PAGE_CONTENT = 'main, article, [role="main"], h1, form, input, select, textarea';
/** …and a form's buttons, which a component footer ("Send test e-mail") holds. */
const FORM_PARTS = `${PAGE_CONTENT}, button, [role="button"]`;
/**
 * A site header built of <div>s: its logo and a menu of products, links above all; or the bar of links
 * above or below it (a university's "Students · Staff · Library · Directory"). A settings screen's
 * "header" is no such thing (its title, the tab or section it shows, a toolbar, the signed-in address
 * beside the menu), so only a header of at least `HEADER_LINKS` links, mostly links, with no title and
 * no address counts.
 */
const HEADER_NAME = /(?:^|[\s_-])(?:header|masthead|topbar|top-bar|service-?bar|utility-?(?:bar|nav|menu|links)|quick-?links)(?:$|[\s_-])/i;
const HEADER_CONTENT = `${FORM_PARTS}, h2`;
const HEADER_LINKS = 5;
/** Share of a block's letters inside its links from which it is a menu, a link list, not text. */
const MENU_SHARE = 0.6;

/** Letters past which a block is no menu but a page's text: its share of links is not worked out. */
const MENU_TEXT_LIMIT = 20_000;

/**
 * The share of the block's letters inside links, read over at most `MENU_TEXT_LIMIT` letters: a longer
 * block (a layout wrapper around the whole page) counts as text, 0, without reading the rest.
 */
function linkShare(element: Element): number {
  const walker = element.ownerDocument.createTreeWalker(element, SHOW_TEXT);
  let all = 0;
  let linked = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const letters = ((node as CharacterData).data ?? '').replace(/\s+/g, '').length;
    all += letters;
    if (all > MENU_TEXT_LIMIT) return 0;
    const link = letters > 0 ? node.parentElement?.closest('a') : null;
    if (link && element.contains(link)) linked += letters;
  }
  return all === 0 ? 1 : linked / all;
}

/** `namedChrome`'s answer per element: headings ask it of every ancestor, and the text reader again. */
const chromeAnswers = new WeakMap<Element, boolean>();

/**
 * A block whose class or id names it page chrome and that reads as chrome: a cookie notice or breadcrumbs;
 * a footer, navbar or sidebar that is mostly links and holds no form part; a header that is a menu of
 * links. Never the page itself, nor a block holding its main heading, article or form.
 */
export function namedChrome(element: Element): boolean {
  let answer = chromeAnswers.get(element);
  if (answer === undefined) {
    answer = readsAsNamedChrome(element);
    chromeAnswers.set(element, answer);
  }
  return answer;
}

function readsAsNamedChrome(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE' || tag === 'FORM') return false;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.trim() === '') return false;
  if (NAMED_ONLY.test(names)) return element.querySelector(PAGE_CONTENT) === null;
  if (CHROME_NAME.test(names)) return element.querySelector(FORM_PARTS) === null && linkShare(element) >= MENU_SHARE;
  return (
    HEADER_NAME.test(names) && element.querySelector(HEADER_CONTENT) === null && element.querySelectorAll('a').length >= HEADER_LINKS &&
    linkShare(element) >= MENU_SHARE && !EMAIL_ADDRESS.test((element.textContent ?? '').slice(0, MENU_TEXT_LIMIT).toLowerCase())
  );
}

/** Whether the element sits in page chrome named by class or id (`namedChrome`), itself included. */
export function inNamedChrome(element: Element): boolean {
  for (let current: Element | null = element; current !== null; current = current.parentElement) if (namedChrome(current)) return true;
  return false;
}
export const INLINE = new Set(['A', 'B', 'STRONG', 'EM', 'I', 'U', 'CODE', 'SPAN', 'SMALL', 'KBD', 'ABBR', 'SUP', 'SUB', 'TIME', 'MARK', 'LABEL', 'Q', 'VAR', 'SAMP', 'BDI', 'WBR']);

type Verdict = 'read' | 'skip';

/** Characters that join the parts of a host name, an address or a pattern ("smtp-", ".net", "[account]", "pro?"). */
const JOINER = /[.\-_@[\]?*]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A server number masked with x's, set apart by markup: "XXX", "xxxx". */
const X_MASK = /^[xX]{3,}$/;
/** How much of the text before a cut `wordJoiner` looks at: enough for a host name under way. */
const RAW_TAIL = 256;
/** The end of a text node that a host name is being written in: a server's first label, or two labels and a dot. */
const HOST_SO_FAR = new RegExp(
  String.raw`(?:^|[^\p{Script=Latin}\p{N}.-])(?:(?:${SENDING_LABEL}|imaps?|pop3?s?|exchange|owa|webmail|www|ssl|auth)\d*|[\p{L}\p{N}-]{2,}\.[\p{L}\p{N}-]{2,})\.$`,
  'iu',
);

/**
 * Whether `to` follows `from` across inline elements alone ("smtp-<em>[account]</em>.host.net"): no line
 * break, image, field or block boundary between the two text nodes, and no text, not even a space.
 * Bounded: a gap longer than a few nodes is no part of one word.
 */
function inlineGap(from: Node, to: Node): boolean {
  let node: Node | null = from;
  for (let steps = 0; steps < 12; steps += 1) {
    if (node !== from && node.firstChild !== null) node = node.firstChild;
    else {
      while (node !== null && node.nextSibling === null) {
        node = node.parentNode;
        if (node === null || node.nodeType !== 1 || !INLINE.has((node as Element).tagName.toUpperCase())) return false;
      }
      node = node?.nextSibling ?? null;
    }
    if (node === null) return false;
    if (node === to) return true;
    if (node.nodeType === 1 && !INLINE.has((node as Element).tagName.toUpperCase())) return false;
    // Any text between, white space included, keeps the two apart (a space, or words of its own).
    if (node.nodeType === 3 && ((node as CharacterData).data ?? '') !== '') return false;
  }
  return false;
}

/**
 * Decides, text node by text node along one reading, whether a node is the rest of the word the node
 * before it ended: markup cut one host name in two. Yes where neither side has white space at the cut, a
 * host name's joining character stands there ("mail." + "yourdomain", "pro" + "?"), a full stop there ends
 * a host name's label (`HOST_SO_FAR`), and only inline elements lie between. Everywhere else text nodes
 * are joined by a space, so labels and values set side by side in spans ("SMTP" "465") stay apart, but a
 * server number masked with x's joins its short prefix ("wp<em>XXX</em>"). Any other word cut between two
 * letters or digits ("s<b>12</b>") stays cut, and so does the name it would run into ("12" + ".host.de"):
 * its start is missing, and "12.host.de" is nobody's server.
 * `sameLine` says whether the node is in the same block as the one before (no new line between).
 */
function wordJoiner(): (node: Node, raw: string, sameLine: boolean) => boolean {
  let previous: Node | null = null;
  let previousRaw = '';
  let startsMidWord = false;
  return (node, raw, sameLine) => {
    let joined = false;
    let cutMidWord = false;
    if (sameLine && previous !== null && previousRaw !== '' && raw !== '') {
      const last = previousRaw[previousRaw.length - 1]!;
      const first = raw[0]!;
      if (!/\s/.test(last) && !/\s/.test(first)) {
        // A host name's dot before the cut follows a server's first label ("mail.<em>yourdomain</em>") or a
        // name already under way ("mail.kestrel.<b>net</b>"); any other full stop ends a sentence, numbers
        // a step ("1.<b>Open</b>") or closes an abbreviation ("e.g.<code>smtp…</code>", "z.B.", "np.").
        const dotOk = last !== '.' || HOST_SO_FAR.test(previousRaw);
        const joins = (JOINER.test(last) && (WORD_CHAR.test(first) || JOINER.test(first))) || (WORD_CHAR.test(last) && JOINER.test(first) && !(first === '.' && startsMidWord));
        if (dotOk && joins) joined = inlineGap(previous, node);
        // A server number masked with x's after its lower-case prefix ("wp<em>XXX</em>", "sv<b>xxxx</b>") is
        // one label; a capitalised word before x's ("Port" "xxx") is a label and its value.
        else if (WORD_CHAR.test(last) && X_MASK.test(raw) && /(?:^|[^\p{L}\p{N}])[a-z]{1,6}$/u.test(previousRaw)) joined = inlineGap(previous, node);
        // Cut inside one word: the next node sits in an element inside the same run of text ("s<b>12</b>"),
        // not in the value beside a label's element ("<span>Server</span><span>mail</span>").
        else if (WORD_CHAR.test(last) && WORD_CHAR.test(first)) cutMidWord = previous.parentNode?.contains(node) === true && inlineGap(previous, node);
      }
    }
    startsMidWord = cutMidWord && /^[\p{L}\p{N}-]+$/u.test(raw);
    previousRaw = joined ? `${previousRaw}${raw}`.slice(-RAW_TAIL) : raw;
    previous = node;
    return joined;
  };
}

export interface BudgetedText {
  text: string;
  segments: TextSegment[];
  charsRead: number;
  nodesVisited: number;
  truncated: boolean;
  /** Characters of the kept text that sit inside links: menus and link lists rather than prose. */
  linkChars: number;
}

const NO_MORE_TAGS: ReadonlySet<string> = new Set();

function ownVerdict(element: Element, alsoSkip: ReadonlySet<string>): Verdict | null {
  const tag = element.tagName.toUpperCase();
  if (HIDDEN.has(tag) || alsoSkip.has(tag)) return 'skip';
  if (CHROME_TAGS.has(tag)) return 'skip';
  if (tag === 'HEADER' && element.closest('article, main, [role="main"]') === null) return 'skip';
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return 'skip';
  if (namedChrome(element)) return 'skip';
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return 'skip';
  return null;
}

/**
 * Gathers text under `root` until `budget` characters have been consumed (whitespace included) or as
 * many nodes have been stepped over, whichever comes first. `alsoSkip` names further tags (upper case)
 * whose text is passed over, such as a form's menus of choices.
 */
export function readBudgetedText(document: Document, root: Node, budget: number, alsoSkip: ReadonlySet<string> = NO_MORE_TAGS): BudgetedText {
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  const cache = new Map<Element, Verdict>();
  const verdictOf = (element: Element | null): Verdict => {
    const path: Element[] = [];
    let verdict: Verdict = 'read';
    for (let current = element; current !== null; current = current.parentElement) {
      const known = cache.get(current);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      path.push(current);
      const own = ownVerdict(current, alsoSkip);
      if (own !== null) {
        verdict = own;
        break;
      }
    }
    for (const visited of path) cache.set(visited, verdict);
    return verdict;
  };

  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let charsRead = 0;
  let nodesVisited = 0;
  let truncated = false;
  let previousBlock: Element | null = null;
  const joinsWord = wordJoiner();
  let linkChars = 0;
  const linkCache = new Map<Element, boolean>();
  const inLink = (element: Element | null): boolean => {
    if (element === null) return false;
    let known = linkCache.get(element);
    if (known === undefined) {
      known = element.closest('a') !== null;
      linkCache.set(element, known);
    }
    return known;
  };
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodesVisited += 1;
    if (charsRead >= budget || nodesVisited > budget) {
      truncated = true;
      break;
    }
    const whole = (node as CharacterData).data ?? '';
    charsRead += whole.length;
    const parent = node.parentElement;
    if (verdictOf(parent) === 'skip') continue;
    // One huge text node (a log or a data dump in a <pre>) is cut before the passes below, not after them:
    // what is kept of it is at most the room left, and collapsing white space rarely shrinks text fourfold.
    const cap = (budget - length) * 4 + 64;
    const data = whole.length > cap ? whole.slice(0, cap) : whole;
    // Soft hyphens and zero-width characters go here, before offsets are taken, so segments stay true;
    // so does composing accents written as a letter and a combining mark ("e" + U+0301, as macOS and some
    // editors save them) into the one character the vocabulary spells ("é").
    const collapsed = data.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
    if (collapsed === '') continue;
    const block = blockOf(parent);
    const joined = joinsWord(node, data.replace(INVISIBLE, ''), length > 0 && block === previousBlock);
    const separator = length === 0 || joined ? '' : block === previousBlock ? ' ' : '\n';
    previousBlock = block;
    const room = budget - length - separator.length;
    if (room <= 0) {
      truncated = true;
      break;
    }
    const piece = collapsed.length > room ? collapsed.slice(0, room) : collapsed;
    parts.push(separator);
    length += separator.length;
    segments.push({ start: length, node });
    parts.push(piece);
    length += piece.length;
    if (inLink(parent)) linkChars += piece.length;
  }
  return { text: parts.join(''), segments, charsRead, nodesVisited, truncated, linkChars };
}

/**
 * Text of one small element with its text nodes joined by spaces, so "mail.example.com<br>Port: 465"
 * does not read "mail.example.comPort", except where markup cut one host name in two (`wordJoiner`); stops
 * after `max` characters.
 */
export function textOf(document: Document, element: Element, max: number): string {
  const walker = document.createTreeWalker(element, SHOW_TEXT);
  let text = '';
  let first = true;
  const joinsWord = wordJoiner();
  for (let node = walker.nextNode(); node !== null && text.length < max; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent !== null && parent !== element && HIDDEN.has(parent.tagName.toUpperCase())) continue;
    const data = (node as CharacterData).data ?? '';
    const joined = joinsWord(node, data, !first);
    text += first || joined ? data : ` ${data}`;
    first = false;
  }
  return text.slice(0, max);
}

/** The nearest ancestor that starts a new line, so that "<td>Port</td><td>587</td>" reads as two lines. */
function blockOf(element: Element | null): Element | null {
  let current = element;
  while (current !== null && INLINE.has(current.tagName.toUpperCase())) current = current.parentElement;
  return current;
}

/** The text node a match at `offset` came from (segments are in text order). */
export function nodeAt(segments: readonly TextSegment[], offset: number): Node | null {
  let low = 0;
  let high = segments.length - 1;
  let found: TextSegment | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (segment.start <= offset) {
      found = segment;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found?.node ?? null;
}
