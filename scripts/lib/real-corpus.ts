/**
 * The corpus of real pages written by others (test/corpus/real/): labels.tsv is committed, the texts
 * are not (they are other people's words; test/corpus/real/texts/ is git-ignored). Each item's text
 * file is named by the first 16 hex digits of the SHA-256 of its address:
 *   <key>.json  a page from a public web site: {"address", "title", "text"}, the stored text as it
 *               reached us (no markup), made into HTML by `pageHtml`;
 *   <key>.html  an account screen of an open-source product, rendered as the product shows it.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { domainToASCII, fileURLToPath } from 'node:url';
import { marked, type Tokens } from 'marked';
import { siteHash } from './word-model';
import { readLabels as readFixtureLabels, readPage as readFixturePage, savedFromUrl as fixtureUrl } from '../../test/fixtures/pages/corpus';

export const REAL_DIR = fileURLToPath(new URL('../../test/corpus/real/', import.meta.url));
export const TEXTS_DIR = `${REAL_DIR}texts/`;
export const LABELS_FILE = `${REAL_DIR}labels.tsv`;
export const HEADER = 'address\tlabel\tlanguage\tsplit\tnote';
/** The first line of a collector's staging file and of an agreed batch: a labels row without its split. */
export const STAGING_HEADER = 'address\tlabel\tlanguage\tnote';

export type Label = 'article' | 'account' | 'none';
export type Split = 'train' | 'validation' | 'test';
export const LABELS: readonly Label[] = ['article', 'account', 'none'];
export const SPLITS: readonly Split[] = ['train', 'validation', 'test'];

export interface LabelRow {
  address: string;
  label: Label;
  language: string;
  split: Split;
  note: string;
  /** "article:prose-port25" → "article:prose-port25"; the kind tag the note starts with. */
  kindTag: string;
  site: string;
}

export interface CorpusItem extends LabelRow {
  html: string;
  /** The address the classifier is told the page came from. */
  url: string;
}

/** The kind tag a note starts with ("near-miss:router-port-forwarding …" → "near-miss:router-port-forwarding"). */
export function kindTagOf(note: string, fallback: string): string {
  return /^[a-z-]+:[a-z0-9-]+/i.exec(note)?.[0] ?? fallback;
}

/** Where `atNeutralAddress` serves a fixture page from, as the browser tests do (any free port). */
export const SERVED_ORIGIN = 'http://127.0.0.1:41234';
/** The address `atNeutralAddress` gives a saved copy opened from disk: a path under a user's home, read as no address. */
export const SAVED_FILE_URL = 'file:///home/user/Downloads/saved-page.html';

/**
 * The same pages at an address that says nothing about them: as the classify CLI reads a saved copy
 * with no address in it ('file': a file:// URL, whose path the classifier does not take for the page's
 * own), or as the browser tests serve our fixture pages ('served': http://127.0.0.1:<port>/<its file>;
 * not quite neutral, as the path is the fixture's file name, which we wrote, "…-smtp.html" and all).
 */
export function atNeutralAddress(items: readonly CorpusItem[], as: 'file' | 'served'): CorpusItem[] {
  return items.map((item) => ({ ...item, url: as === 'served' ? `${SERVED_ORIGIN}/${item.address}` : SAVED_FILE_URL }));
}

/**
 * Our own labelled fixture pages (test/fixtures/pages/, its top folder and/or real-shapes/, never the
 * holdout/ batch) in the corpus's shape, all in one split: training reads them, the benchmark measures them.
 */
export function fixtureItems(folders: ReadonlyArray<'' | 'real-shapes'>, split: Split): CorpusItem[] {
  return folders
    .flatMap((folder) => readFixtureLabels(folder))
    .filter((page) => !page.heldOut)
    .map((page) => {
      const html = readFixturePage(page.file);
      return {
        address: page.file, label: page.kind, language: page.lang, split, note: page.note,
        kindTag: kindTagOf(page.note, page.kind), site: page.file, html, url: fixtureUrl(html, page.file),
      };
    });
}

/**
 * texts.sha256 (committed): the SHA-256 of each text file (the whole file: for a page, its address, title
 * and text as JSON) by key, one "<key> <sha256>" line each, recorded when the text was stored (restored
 * texts from 2026-12-02 on), so that a text restored again can be told to be the same one. Hashes, not
 * other people's words.
 */
export const TEXT_HASHES_FILE = `${REAL_DIR}texts.sha256`;

export function textHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** "<key> <sha256>" lines; a key given again later counts with its last hash. Any other line is refused. */
export function parseTextHashes(text: string, file = TEXT_HASHES_FILE): Map<string, string> {
  const hashes = new Map<string, string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^([0-9a-f]{16}) ([0-9a-f]{64})$/.exec(line.trim());
    if (!match) throw new Error(`${file}:${index + 1}: not "<16 hex key> <64 hex SHA-256>"`);
    hashes.set(match[1]!, match[2]!);
  });
  return hashes;
}

export function readTextHashes(file = TEXT_HASHES_FILE): Map<string, string> {
  return existsSync(file) ? parseTextHashes(readFileSync(file, 'utf8'), file) : new Map();
}

/** The hashes file's text: sorted by key, one line per key. */
export function formatTextHashes(hashes: ReadonlyMap<string, string>): string {
  return [...hashes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, hash]) => `${key} ${hash}\n`).join('');
}

/** Rewrites the hashes file sorted, one line per key (`corpus:status -- --sort-hashes`, not while restores run). */
export function writeTextHashes(hashes: ReadonlyMap<string, string>, file = TEXT_HASHES_FILE): void {
  writeFileSync(file, formatTextHashes(hashes));
}

/**
 * Stores one text file and appends its hash, so that several restorers can run at once (the last line of
 * a key counts). A text that differs from the one recorded for its key is refused unless `replace`; the
 * same text again is left as it is. The file is written whole under a temporary name and then renamed,
 * so a reader never sees half of it.
 */
export function storeText(
  key: string,
  extension: 'json' | 'html',
  body: string,
  options: { replace?: boolean; dir?: string; hashesFile?: string } = {},
): 'recorded' | 'same as recorded' | 'replaced' {
  const dir = options.dir ?? TEXTS_DIR;
  const hashesFile = options.hashesFile ?? TEXT_HASHES_FILE;
  const hash = textHash(body);
  const current = existsSync(hashesFile) ? readFileSync(hashesFile, 'utf8') : '';
  const before = parseTextHashes(current, hashesFile).get(key);
  const file = `${dir}${key}.${extension}`;
  if (before === hash && existsSync(file)) return 'same as recorded';
  if (before !== undefined && before !== hash && !options.replace) {
    throw new Error(`this text differs from the one recorded for ${key} in ${hashesFile}; pass --replace to store it all the same`);
  }
  mkdirSync(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, body);
  renameSync(temporary, file);
  if (before !== hash) {
    // A file whose last line lacks its line break (a hand edit) must not have the new line glued to it.
    appendFileSync(hashesFile, `${current === '' || current.endsWith('\n') ? '' : '\n'}${key} ${hash}\n`);
  }
  return before === undefined ? 'recorded' : before === hash ? 'same as recorded' : 'replaced';
}

/**
 * The text of a `--put`: stdin holds the excerpt as the search tool printed it, one JSON string with its
 * quotes and escapes ("…\n…"), or, with `plain`, the text itself. One trailing line break (the
 * here-document's) is not part of it.
 */
export function excerptText(input: string, plain: boolean): string {
  const stripped = input.replace(/\r?\n$/, '');
  let text: string;
  if (plain) text = stripped;
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(stripped.trim());
    } catch (error) {
      throw new Error(`stdin is not one JSON string (${(error as Error).message}); pass --plain for plain text`);
    }
    if (typeof parsed !== 'string') throw new Error('stdin is JSON but not a string; pass the excerpt\'s JSON string, quotes included');
    text = parsed;
  }
  if (text.trim() === '') throw new Error('the text is empty');
  return text;
}

/** `--title VALUE`: the title as the search tool printed it, a JSON string or null. */
export function titleArgument(raw: string | undefined): string | null {
  if (raw === undefined || raw.startsWith('--')) throw new Error('--title needs a value: the title\'s JSON string (or null)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`the title ${raw.slice(0, 60)} is not JSON: give it as printed, quotes included ('"…"'), or null`);
  }
  if (parsed !== null && typeof parsed !== 'string') throw new Error(`the title ${raw.slice(0, 60)} is neither a JSON string nor null`);
  return parsed === '' ? null : parsed;
}

/** What is wrong with a rendered product screen, or null: the saved-from line first, then a whole document. */
export function screenProblem(html: string): string | null {
  const saved = /^<!-- saved from url=\((\d{4})\)(\S+) -->\r?\n/.exec(html);
  if (!saved) return 'the HTML must start with <!-- saved from url=(NNNN)URL --> and a line break (the path the product shows it under)';
  if (Number(saved[1]) !== saved[2]!.length) return `the saved-from length (${saved[1]}) is not the URL's length (${saved[2]!.length})`;
  const rest = html.slice(saved[0].length);
  // Older products print an HTML 4.01 or XHTML 1.0 doctype, with its public identifier: as they show the page.
  if (!/^\s*(?:<!DOCTYPE html(?:\s+PUBLIC\s+"[^"<>]*"(?:\s+"[^"<>]*")?)?\s*>\s*)?<html[\s>]/i.test(rest) || !/<\/html>\s*$/i.test(rest)) return 'not a whole HTML document (<!DOCTYPE html><html …> … </html>)';
  return null;
}

export function keyOf(address: string): string {
  return createHash('sha256').update(address).digest('hex').slice(0, 16);
}

/**
 * Second-level labels under a country's top-level domain that are public, not an owner's name: "co.uk",
 * "ac.jp", "com.br". Only labels known to be public are listed: one missing here makes the owners under
 * it one site, which only makes the splits stricter; one listed wrongly would split an owner.
 */
const PUBLIC_SECOND_LEVEL = new Set(['ac', 'ad', 'biz', 'co', 'com', 'ed', 'edu', 'gob', 'go', 'gov', 'gr', 'gv', 'info', 'int', 'lg', 'ltd', 'mil', 'ne', 'net', 'nom', 'or', 'org', 'plc']);
/** Registries sold under a generic domain ("tempmail.us.com"). */
const PUBLIC_PAIRS = new Set(['br.com', 'cn.com', 'de.com', 'eu.com', 'gb.net', 'jp.net', 'ru.com', 'sa.com', 'uk.com', 'uk.net', 'us.com', 'za.com']);
/**
 * Hosting platforms whose subdomains belong to different people (blogs, help desks, project pages): on
 * them the site is the tenant's subdomain, not the platform. A platform not listed lumps its tenants
 * into one site, which is strict, not wrong.
 */
const SHARED_PLATFORMS = new Set([
  'altervista.org', 'atlassian.net', 'ddns.net', 'eu.org', 'fc2.com', 'freshdesk.com', 'github.io', 'gitbook.io', 'hatenablog.com',
  'hatenablog.jp', 'hatenadiary.jp', 'hatenadiary.org', 'herokuapp.com', 'jimdofree.com', 'livejournal.com', 'netlify.app', 'no-ip.org',
  'notion.site', 'pages.dev', 'readthedocs.io', 'sakura.ne.jp', 'seesaa.net', 'substack.com', 'tistory.com', 'vercel.app', 'web.app',
  'weebly.com', 'wixsite.com', 'wordpress.com', 'xrea.com', 'zendesk.com',
]);
/** Platforms of that kind under any top-level domain ("someone.blogspot.com.br"). */
const SHARED_PLATFORM_NAMES = new Set(['blogspot', 'webnode']);
/** One owner under several names: a brand's other name, a mirror, one content farm on two domains. */
const SAME_OWNER: Readonly<Record<string, string>> = {
  arubacloud: 'aruba', forpsi: 'aruba', mediawiki: 'wikimedia', messagebird: 'bird', mozgcp: 'mozilla', mozillamessaging: 'mozilla',
  nicasioandresreed: 'freewindcyprus', ovhcloud: 'ovh', wikibooks: 'wikimedia', wikipedia: 'wikimedia',
};

/**
 * The owner of a host, by name: "support.microsoft.com", "microsoft.de" → "microsoft"; "www-cc.iis.u-tokyo.ac.jp"
 * → "u-tokyo"; on a shared platform the tenant and the platform: "someone.blogspot.com.br" → "someone.blogspot".
 * One owner's domains under other top-level domains ("ionos.it", "ionos.fr") are one owner; two owners
 * with one name become one, which only makes the splits stricter.
 */
function ownerOfHost(host: string): string {
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.replace(/^www\d?\./, '').split('.');
  const [top = '', second = ''] = [labels.at(-1), labels.at(-2)];
  const publicPair = (top.length === 2 && PUBLIC_SECOND_LEVEL.has(second)) || PUBLIC_PAIRS.has(`${second}.${top}`);
  const suffixLength = labels.length >= 3 && publicPair ? 2 : 1;
  const nameAt = labels.length - suffixLength - 1;
  if (nameAt < 0) return host;
  const name = labels[nameAt]!;
  const domain = labels.slice(nameAt).join('.');
  if ((SHARED_PLATFORMS.has(domain) || SHARED_PLATFORM_NAMES.has(name)) && nameAt > 0) return `${labels[nameAt - 1]}.${name}`;
  return SAME_OWNER[name] ?? name;
}

/** Archive and proxy addresses: the page they show follows the match. */
const ARCHIVES = [
  /^https?:\/\/(?:web\.)?archive\.org\/web\/[^/]+\/(.+)$/i,
  /^https?:\/\/megalodon\.jp\/(?:ref\/)?\d[\d-]*\/(.+)$/i,
  /^https?:\/\/(?:www\.)?retrosearch\.org\/browse\?url=([^&#]+)/i,
];

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** The page an archive or proxy address shows ("megalodon.jp/ref/<date>/<url>"), or null. */
function archivedAddress(address: string): string | null {
  const found = ARCHIVES.map((pattern) => pattern.exec(address)?.[1]).find((inner) => inner !== undefined);
  if (found === undefined) return null;
  // An address given whole but encoded ("https%3A%2F%2F…"), as proxies and some archives do.
  const inner = /^https?%3a/i.test(found) ? decoded(found) : found;
  if (!inner) return null;
  const withScheme = inner.replace(/^(https?):\/*/i, '$1://');
  return /^https?:\/\//i.test(withScheme) ? withScheme : `http://${withScheme}`;
}

const WEB_ADDRESS = /^https?:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]+)(?::\d*)?([/?#].*)?$/i;

/**
 * The site an address belongs to, which decides its split: for a web page the owner (`ownerOfHost`),
 * so that one owner's help centres, language versions, country domains and mirrors never sit in two
 * splits; on a shared hosting platform, the tenant (on Google Sites, the site's path); for an archived
 * copy, the site of the page archived. For a rendered screen, the repository's owner/name.
 */
export function siteOf(address: string): string {
  const archived = archivedAddress(address);
  if (archived !== null) return siteOf(archived);
  const web = WEB_ADDRESS.exec(address);
  if (!web) return address.split(':')[0] ?? address;
  // A host written with its root's trailing dot ("support.mozilla.org.") is the same host.
  const written = web[1]!.toLowerCase().replace(/\.+$/, '');
  const host = written.startsWith('[') ? written : domainToASCII(written) || written;
  if (host === 'sites.google.com') {
    const path = (web[2] ?? '').split(/[?#]/)[0]!.split('/').filter(Boolean).slice(0, 2).join('/');
    return `${host}/${path}`;
  }
  return ownerOfHost(host);
}

export function parseLabels(text: string, file = LABELS_FILE): LabelRow[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((line) => line.trim() !== '');
  if (lines[0] !== HEADER) throw new Error(`${file}: the first line must be "${HEADER.replace(/\t/g, '<TAB>')}"`);
  const seen = new Set<string>();
  return lines.slice(1).map((line, index) => {
    const where = `${file}:${index + 2}`;
    const [address = '', label = '', language = '', split = '', note = ''] = line.split('\t');
    if (!address) throw new Error(`${where}: no address`);
    if (seen.has(address)) throw new Error(`${where}: ${address} is listed twice`);
    seen.add(address);
    if (!LABELS.includes(label as Label)) throw new Error(`${where}: label "${label}" is not one of ${LABELS.join(', ')}`);
    if (!SPLITS.includes(split as Split)) throw new Error(`${where}: split "${split}" is not one of ${SPLITS.join(', ')}`);
    if (!/^[a-z]{2}$/.test(language)) throw new Error(`${where}: language "${language}" is not a two-letter code`);
    return {
      address,
      label: label as Label,
      language,
      split: split as Split,
      note,
      kindTag: kindTagOf(note, label),
      site: siteOf(address),
    };
  });
}

export function readLabels(): LabelRow[] {
  return parseLabels(readFileSync(LABELS_FILE, 'utf8'));
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const BULLET = /^\s*(?:[-*•·●▪◦]|\d{1,2}[.)])\s+/;

/**
 * A stored page text as a plain HTML document: one paragraph per line, bullet lines as list items,
 * "cell | cell |" lines as table rows,
 * the stored title (when there is one) as <title>. `headline` makes a short first line the <h1>, as
 * most pages open; training sees both forms so the model leans on neither.
 */
export function pageHtml(page: { title: string | null; text: string; language?: string }, headline = false): string {
  const out: string[] = [];
  const lines = page.text.split('\n');
  let list = false;
  let table = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const bullet = BULLET.test(line);
    // Stored pages keep a table's rows as "cell | cell |" lines: make them a table again.
    const cells = line.includes(' | ') || /\|\s*$/.test(line) ? line.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((cell) => cell.trim()) : null;
    if (list && !bullet) {
      out.push('</ul>');
      list = false;
    }
    if (table && cells === null) {
      out.push('</table>');
      table = false;
    }
    if (line === '') return;
    if (cells !== null && cells.length >= 2) {
      if (!table) out.push('<table>');
      table = true;
      out.push(`<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`);
      return;
    }
    if (headline && index === 0 && line.length <= 120 && !/[.:;]$/.test(line)) {
      out.push(`<h1>${escapeHtml(line)}</h1>`);
    } else if (bullet) {
      if (!list) out.push('<ul>');
      list = true;
      out.push(`<li>${escapeHtml(line.replace(BULLET, ''))}</li>`);
    } else {
      out.push(`<p>${escapeHtml(line)}</p>`);
    }
  });
  if (list) out.push('</ul>');
  if (table) out.push('</table>');
  const title = page.title ? `<title>${escapeHtml(page.title)}</title>` : '';
  return `<!DOCTYPE html><html lang="${page.language ?? 'en'}"><head><meta charset="utf-8">${title}</head><body><main>${out.join('\n')}</main></body></html>`;
}

/** A whole documentation page kept as Markdown in a repository: owner/repo:path.md@commit. */
export function isWholePage(address: string): boolean {
  return /^[^/\s:]+\/[^/\s:]+:[^@\t\n]+\.(?:md|markdown)@[0-9a-f]{40}$/i.test(address);
}

/**
 * A Markdown file's name as a title: "email-client_setup.md" → "email client setup", a language ending
 * left out ("client-manual.en.md", "guide.fr-fr.md"); none for "index.md", "index.fr.md" or "README.md".
 */
function fileTitle(path: string): string | null {
  const name = (path.split('/').pop() ?? '').replace(/\.(?:md|markdown)$/i, '').replace(/\.[a-z]{2}(?:[-_][a-z]{2,4})?$/i, '').replace(/^\d+[._-]/, '').replace(/[._-]+/g, ' ').trim();
  return name === '' || /^(?:index|readme|_index)$/i.test(name) ? null : name;
}

/**
 * A documentation page kept in a repository as Markdown (a host's or a product's guide), as its site
 * shows it: the front matter's title as <title> and main heading, the body rendered to HTML, and the
 * address the site publishes it under in the "saved from url" comment, like a rendered screen. Site
 * generators' own tags (`{{< … >}}`, `{% … %}`) are dropped, as they render to navigation or notices
 * that the page's words do not hold. The site's menus and footer are not in the repository, so the
 * page is the article alone.
 */
export function docPageHtml(markdown: string, url: string, language: string, path = ''): string {
  if (!/^https?:\/\/[^\s/]+\/\S*$/.test(url)) throw new Error(`the published address must be an http(s) URL without spaces, not "${url}"`);
  if (!/^[a-z]{2}$/.test(language)) throw new Error(`the language must be a two-letter code, not "${language}"`);
  let body = markdown.replace(/\r\n/g, '\n').replace(/^\uFEFF/, '');
  let title: string | null = null;
  // YAML front matter (---, "title: …") or Hugo's TOML (+++, 'title = "…"').
  const front = /^(---|\+\+\+)\n([\s\S]*?)\n\1[ \t]*\n/.exec(body);
  if (front) {
    const line = (front[1] === '---' ? /^title:\s*(.+)$/m : /^title\s*=\s*(.+)$/m).exec(front[2]!);
    if (line) title = line[1]!.trim().replace(/^(['"])(.*)\1$/, '$2').trim() || null;
    body = body.slice(front[0].length);
  }
  // A callout's kind marker ("> [!warning]") is styling, not words.
  body = body.replace(/\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}/g, '').replace(/^(>\s*)\[!\w+\]\s*$/gm, '$1');
  if (body.trim() === '') throw new Error('the page has no text after its front matter');
  const tokens = marked.lexer(body, { gfm: true });
  const headings = tokens.filter((token): token is Tokens.Heading => token.type === 'heading');
  const main1 = headings.find((token) => token.depth === 1);
  // Without a title in the front matter, site generators take the main heading (# or underlined with
  // ===), else the file's name, else the first heading of any level.
  title ??= main1?.text.trim() ?? fileTitle(path) ?? headings[0]?.text.trim() ?? null;
  if (title === null) throw new Error('the page has no title: no "title:" in its front matter, no heading and no file name');
  const rendered = marked.parser(tokens, { gfm: true });
  const first = tokens.find((token) => token.type !== 'space');
  const opensWithTitle = first !== undefined && first === main1 && main1.text.trim() === title;
  const main = `${opensWithTitle ? '' : `<h1>${escapeHtml(title)}</h1>\n`}${rendered}`;
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${main}</main></body></html>\n`;
}

/** The URL in a rendered screen's "saved from url=(NNNN)..." comment. */
export function savedFromUrl(html: string): string | null {
  return /<!-- saved from url=\(\d+\)(\S+) -->/.exec(html)?.[1] ?? null;
}

export type Presence = { row: LabelRow; file: string | null };

/** Which rows have their text here, and under which file. */
export function presence(rows: readonly LabelRow[]): Presence[] {
  return rows.map((row) => {
    const key = keyOf(row.address);
    for (const extension of ['json', 'html']) {
      const file = `${TEXTS_DIR}${key}.${extension}`;
      if (existsSync(file)) return { row, file };
    }
    return { row, file: null };
  });
}

/**
 * Every labelled item whose text is present, as HTML plus the URL to classify it under; `headlined` holds
 * the same items read in the same pass, each web page's first short line made its heading (screens as
 * they are). One pass, so a text stored while a run reads the corpus cannot leave the two lists unequal.
 */
export function loadCorpus(): { items: CorpusItem[]; headlined: CorpusItem[]; missing: LabelRow[] } {
  const items: CorpusItem[] = [];
  const headlined: CorpusItem[] = [];
  const missing: LabelRow[] = [];
  for (const { row, file } of presence(readLabels())) {
    if (file === null) {
      missing.push(row);
      continue;
    }
    const raw = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      let page: { title?: string | null; text?: string };
      try {
        page = JSON.parse(raw) as typeof page;
      } catch (error) {
        throw new Error(`${file}: not JSON (${(error as Error).message}); store it again with npm run corpus:status -- --put`);
      }
      if (typeof page.text !== 'string') throw new Error(`${file}: no "text"`);
      const stored = { title: page.title ?? null, text: page.text, language: row.language };
      const withHeadline = { ...row, html: pageHtml(stored, true), url: row.address };
      headlined.push(withHeadline);
      items.push({ ...row, html: pageHtml(stored, false), url: row.address });
    } else {
      const item = { ...row, html: raw, url: savedFromUrl(raw) ?? `https://${row.site.replace('/', '.')}.example/` };
      items.push(item);
      headlined.push(item);
    }
  }
  return { items, headlined, missing };
}

/**
 * The corpus with its training split cut to about `share` of its sites (validation and test whole, and
 * the missing rows as they are), for a learning curve. Which sites stay is fixed by a hash of the site's
 * name, so a smaller share keeps a subset of a larger one's sites and a run repeats itself.
 */
export function withTrainShare<T extends { items: CorpusItem[]; headlined: CorpusItem[] }>(corpus: T, share: number): T {
  if (share >= 1) return corpus;
  const keep = (item: CorpusItem) => item.split !== 'train' || siteHash(item.site) / 0x100000000 < share;
  return { ...corpus, items: corpus.items.filter(keep), headlined: corpus.headlined.filter(keep) };
}

/** What `agreedRows` found: the staged rows both readers labelled alike, and the others with the second label. */
export interface Agreement {
  agreed: string[];
  disagreed: Array<{ row: string; second: string }>;
}

/** Lines of a tab-separated file, a byte-order mark and Windows line ends taken off, blank lines skipped. */
const tsvLines = (text: string): string[] => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n').filter((line) => line.trim() !== '');

/**
 * Compares a collector's staging file (`address label language note`) with a second reader's blind
 * labels (`address label …`, no header, any further columns ignored) and keeps the staged rows whose
 * label both gave, one of article, account or none. A second label of "unsure" (or anything else) is a
 * disagreement. Every staged address must have a second label, and no second label may name an address
 * that was not staged: a mismatch means the two files are not of the same batch, and nothing is kept.
 */
export function agreedRows(staged: string, blind: string, stagedName = 'staging file', blindName = 'second labels'): Agreement {
  const lines = tsvLines(staged);
  if (lines[0] !== STAGING_HEADER) throw new Error(`${stagedName}: the first line must be "address<TAB>label<TAB>language<TAB>note"`);
  const second = new Map<string, string>();
  tsvLines(blind).forEach((line, index) => {
    const [address = '', label = ''] = line.split('\t').map((field) => field.trim());
    if (!address || !label) throw new Error(`${blindName}:${index + 1}: needs an address and a label, separated by a tab`);
    if (second.has(address)) throw new Error(`${blindName}:${index + 1}: ${address} is labelled twice`);
    second.set(address, label);
  });
  const rows = lines.slice(1).map((row, index) => {
    const fields = row.split('\t').map((field) => field.trim());
    const [address = '', label = ''] = fields;
    if (!address) throw new Error(`${stagedName}:${index + 2}: no address`);
    return { row: fields.join('\t'), address, label };
  });
  const stagedAddresses = new Set<string>();
  rows.forEach(({ address }, index) => {
    if (stagedAddresses.has(address)) throw new Error(`${stagedName}:${index + 2}: ${address} is staged twice`);
    stagedAddresses.add(address);
  });
  const unlabelled = [...stagedAddresses].filter((address) => !second.has(address));
  if (unlabelled.length > 0) throw new Error(`${blindName}: no second label for ${unlabelled.length} staged page(s), e.g. ${unlabelled[0]}`);
  const strangers = [...second.keys()].filter((address) => !stagedAddresses.has(address));
  if (strangers.length > 0) throw new Error(`${blindName}: ${strangers.length} page(s) that ${stagedName} does not hold, e.g. ${strangers[0]}`);
  const agreement: Agreement = { agreed: [], disagreed: [] };
  for (const { row, address, label } of rows) {
    const other = second.get(address)!;
    if (other === label && LABELS.includes(label as Label)) agreement.agreed.push(row);
    else agreement.disagreed.push({ row, second: other });
  }
  return agreement;
}
