/**
 * "Key → value" pairs from settings tables and definition lists, the two shapes hosting panels,
 * provider account pages and help articles use to list servers and ports.
 *
 * A table with a header row gives one pair per cell keyed "row header + column header", so both
 * "Outgoing | Server | Port" grids and "Setting | Value" lists come out readable.
 */
import { collectElements, type PageElements } from './elements';
import { directionOf, headingDirection, listHeadingDirection, squeezed } from './fields';
import { CHROME, INLINE, textOf } from './text';
import { firstHost, firstPort, meaningOf, securityOf, type FieldRole } from './values';
import type { Direction, SettingPair } from './types';
import { EMAIL_ADDRESS, normalise } from './vocabulary';

const MAX_ROWS = 60;
const MAX_ITEMS = 60;
const MAX_CELL = 300;
/** Total characters of cell text this module may read, so a giant data table costs no more than a small one. */
const MAX_CHARS = 48 * 1024;
/** A cell that is a mail protocol's name alone (with a note in brackets), and so says which server its table's rows describe. */
const PROTOCOL_VALUE = /^(?:smtps?|imaps?|pop3?)(?:\s*\(.{0,20}\))?$/i;

/**
 * A first row of plain cells that heads a grid's columns: two or more protocols or directions ("| IMAP |
 * SMTP", "| Incoming | Outgoing"), or settings among them a port ("Protocol | Server | Port | Security"),
 * after a first cell that is empty or a short word, no value. Many sites build a table's head of <td>s;
 * a two-cell row ("Protocol | SMTP") stays a key and its value.
 */
function columnHeads(texts: readonly string[]): boolean {
  const [first = '', ...rest] = texts;
  if (rest.length < 2 || first.length > 30 || /\d/.test(first)) return false;
  // "| IMAP | SMTP": each column a server.
  if (rest.every((text) => PROTOCOL_VALUE.test(text) || (text.length <= 30 && directionOf(text) !== null))) return true;
  // "Protocol | Server | Port | Security": each column a setting, each row below a server. Words only: a
  // host name ("smtp.host.net") names a server's role too, but it is a value.
  const roles = rest.map((text) => (text.length <= 30 && /^[^\d.@:]+$/.test(text) ? meaningOf(text, null).role : null));
  return roles.every((role) => role !== null) && roles.some((role) => role === 'port');
}

/** Characters of text blocks read (see readPairs), apart from the tables' and lists' MAX_CHARS. */
const BLOCK_CHARS = 32 * 1024;
/** Keys of text blocks weighed for their meaning at most: each is a pass of the vocabulary. */
const MAX_BLOCK_KEYS = 200;
/** A text block's key is a label, its value one setting's. */
const MAX_BLOCK_KEY = 40;
const MAX_BLOCK_VALUE = 120;
/** How much more of a block's part is read than its text may hold: a template's indentation counts too. */
const BLOCK_READ = 3;

/** A user name with a digit, dot or underscore in it ("jane.doe", "web12_mail"). */
const LOGIN_NAME = /^[\p{L}\p{N}._+-]*[\p{N}._][\p{L}\p{N}._+-]*$/u;
/** A key that holds a value of its own ("SMTP port 587", "Outgoing server smtp.host.net") is a whole row, no label. */
const VALUE_IN_KEY = /\d{2,}|@/;
/** A link or a button is something to click, never a label. */
const CLICKABLE = /^(?:a|button)$/i;

/** What stands between a key and its value without being either: a required-field star, a help icon, a colon. */
const MARKER = /^[\s*?:!()[\]ⓘℹ†‡•·|]{0,3}$/u;

/** Whether a block has words of its own between its parts ("<span>Server</span> is <span>…</span>"): then it is a sentence. */
function hasOwnWords(block: Element): boolean {
  for (let node = block.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 3 && (node.textContent ?? '').trim() !== '') return true;
  }
  return false;
}

/** A block's part: text marked up inline at most (a label or value), a few other children, or more than two. */
function shapeOf(part: Element): 'inline' | 'small' | 'big' {
  let count = 0;
  let inline = true;
  for (let child = part.firstElementChild; child !== null; child = child.nextElementSibling) {
    count += 1;
    if (count > 2) return 'big';
    if (!INLINE.has(child.tagName.toUpperCase())) inline = false;
  }
  return inline ? 'inline' : 'small';
}

/** A link or a button, or a part that is only one: something to click, never a label. */
function clickable(part: Element): boolean {
  if (CLICKABLE.test(part.tagName)) return true;
  const only = part.firstElementChild;
  return only !== null && only.nextElementSibling === null && CLICKABLE.test(only.tagName) && squeezed(part.textContent) === squeezed(only.textContent);
}

/**
 * Whether a block's value is what its key names: a host name for a server, a number for a port, a
 * security word for security, a login for a user, one word for a way of logging in. A card's "SMTP
 * account | SMTP" is a title and its type, no setting.
 */
function valueFits(role: FieldRole | null, value: string): boolean {
  switch (role) {
    case 'server':
      return firstHost(value) !== null;
    case 'port':
      return firstPort(value, 'any') !== null;
    case 'security':
      return securityOf(value, null) !== null;
    case 'user':
      // A login: an address or a name with a digit, dot or underscore in it. A bare word beside "Login" is
      // a menu's next link ("Login | Register").
      return EMAIL_ADDRESS.test(value) || LOGIN_NAME.test(value);
    case 'auth':
      return /^\S{1,80}$/.test(value);
    default:
      return false;
  }
}

export function readPairs(document: Document, elements: PageElements = collectElements(document)): SettingPair[] {
  const pairs: SettingPair[] = [];
  let budget = MAX_CHARS;
  const cellText = (element: Element | null | undefined, limit = MAX_CELL * 2): string => {
    if (!element || budget <= 0) return '';
    const raw = textOf(document, element, limit);
    budget -= raw.length;
    return normalise(raw).replace(/\s+/g, ' ').trim().slice(0, MAX_CELL);
  };
  // Keys repeat ("Port", "Server", one per table) and the direction words are long alternations: directionOf reads each once per page.
  const direction = (text: string): Direction => (text === '' ? null : directionOf(text));
  const push = (container: Element, key: string, value: string, context: Direction, byProtocol = false): Direction => {
    if (!key || !value) return context;
    pairs.push({ key, value, container, context });
    return direction(key) ?? (byProtocol && PROTOCOL_VALUE.test(value) ? direction(value) : null) ?? context;
  };

  for (const table of elements.tables) {
    if (budget <= 0) break;
    const rows: Array<{ texts: string[]; header: boolean }> = [];
    for (const row of Array.from(table.querySelectorAll('tr')).slice(0, MAX_ROWS)) {
      if (row.closest('table') !== table) continue;
      const cells = Array.from(row.children).filter((cell) => /^(td|th)$/i.test(cell.tagName));
      if (cells.length < 2) continue;
      const texts = cells.map((cell) => cellText(cell));
      const marked = cells.every((cell) => /^th$/i.test(cell.tagName)) || row.closest('thead') !== null;
      rows.push({ texts, header: marked || (rows.length === 0 && columnHeads(texts)) });
    }
    // A "Protocol | SMTP" row says which server the rows after it describe, in a table whose own keys
    // name no direction (Mailu's client-setup tables); where the keys say "IMAP Port" and "SMTP Port",
    // the protocol row names one of the servers its shared rows serve.
    const keyDirections = new Set(rows.filter(({ header }) => !header).map(({ texts }) => direction(texts[0] ?? '')));
    const byProtocol = !keyDirections.has('incoming') && !keyDirections.has('outgoing');
    let headers: string[] | null = null;
    // The caption, or else a short heading just before the table ("Outgoing mail" over a client-setup table).
    let context: Direction = direction(cellText(table.querySelector('caption'))) ?? headingDirection(document, table);
    for (const { texts, header } of rows) {
      if (headers === null && header) {
        headers = texts;
        // "SMTP | Details" over a table of one server's rows; a grid's "Setting | IMAP | SMTP" names both and gives none.
        context = direction(texts.join(' ')) ?? context;
        continue;
      }
      const key = texts[0] ?? '';
      if (headers !== null && headers.length === texts.length) {
        for (let index = 1; index < texts.length; index += 1) {
          context = push(table, `${key} ${headers[index] ?? ''}`.trim(), texts[index] ?? '', context);
        }
      }
      context = push(table, key, texts.slice(1).join(' '), context, byProtocol);
    }
  }

  for (const list of elements.lists) {
    if (budget <= 0) break;
    let context: Direction = null;
    for (const term of Array.from(list.querySelectorAll('dt')).slice(0, MAX_ITEMS)) {
      let definition = term.nextElementSibling;
      while (definition !== null && !/^dd$/i.test(definition.tagName)) {
        if (/^dt$/i.test(definition.tagName)) break;
        definition = definition.nextElementSibling;
      }
      if (definition === null || !/^dd$/i.test(definition.tagName)) continue;
      context = push(list, cellText(term), cellText(definition), context);
    }
  }
  // Key/value list items, as control panels' sidebars write them: <li><span>SMTP</span> <span>465</span></li>.
  let listContext: Direction = null;
  let lastList: Element | null = null;
  for (const item of elements.items) {
    if (budget <= 0) break;
    const parts = Array.from(item.children);
    if (parts.length !== 2 || parts.some((part) => part.children.length > 2)) continue;
    const key = cellText(parts[0]);
    if (key.length === 0 || key.length > 40) continue;
    const list = item.parentElement ?? item;
    // A heading just before the list ("SMTP settings" over a panel's port list) says which server it describes.
    if (list !== lastList) listContext = listHeadingDirection(document, list);
    lastList = list;
    listContext = push(list, key.replace(/:$/, ''), cellText(parts[1]), listContext);
  }
  // Key/value blocks, as panels and webmail show a setting's value as text:
  // <div class="row"><span>Outgoing server:</span><span>smtp.host.net</span></div>. Such blocks are mostly
  // a page's layout: each is read key first and left at the first part that is no label, and they get
  // their own allowance of characters, so a table-heavy page still reads its blocks and a page of cards
  // costs no more than BLOCK_CHARS.
  budget = BLOCK_CHARS;
  let keysRead = 0;
  let rowContext: Direction = null;
  let lastParent: Element | null = null;
  for (const row of elements.rows) {
    if (budget <= 0 || keysRead >= MAX_BLOCK_KEYS) break;
    // A menu's or footer's blocks are the site's, not the page's settings.
    if (hasOwnWords(row) || row.closest(CHROME) !== null) continue;
    // The key and its value, markers passed over. A key too long to be a label, or one that names no
    // setting, ends the block's reading before its value is read.
    let key: string | null = null;
    let role: FieldRole | null = null;
    let value: string | null = null;
    let fits = true;
    for (let part = row.firstElementChild; part !== null; part = part.nextElementSibling) {
      const shape = shapeOf(part);
      // A label is words, perhaps marked up inline; a part holding a block of its own (a card's body, an
      // image, a paragraph) is layout, passed over without reading its text.
      const plain = shape !== 'big' && (key !== null || shape === 'inline');
      const text: string | null = plain ? cellText(part, (key === null ? MAX_BLOCK_KEY : MAX_BLOCK_VALUE) * BLOCK_READ) : null;
      if (text !== null && MARKER.test(text)) continue;
      if (text !== null && key === null) {
        const label: string = text.replace(/\s*:$/, '');
        key = label;
        keysRead += 1;
        const holdsValue = VALUE_IN_KEY.test(label) || firstHost(label) !== null;
        role = label.length > MAX_BLOCK_KEY || clickable(part) || holdsValue ? null : meaningOf(label, null).role;
        fits = role !== null;
      } else {
        fits = text !== null && value === null && text.length <= MAX_BLOCK_VALUE;
        value = text;
      }
      if (!fits) break;
    }
    if (!fits || key === null || value === null || !valueFits(role, value)) continue;
    const parent = row.parentElement ?? row;
    if (parent !== lastParent) rowContext = listHeadingDirection(document, parent);
    lastParent = parent;
    rowContext = push(parent, key, value, rowContext);
  }
  return pairs;
}
