/**
 * `npm run corpus:status`: what the real-page corpus (test/corpus/real/) holds here.
 *
 *   npm run corpus:status                 counts per label, language, kind and split; which texts are missing;
 *                                         checks that no site is in two splits
 *   npm run corpus:status -- --render DIR rebuilds every present page as an HTML file in DIR (the form
 *                                         the classifier and `npm run classify` read), with an index.tsv
 *   npm run corpus:status -- --agree PART SECOND
 *                                         keeps the rows of a collector's staging.PART.tsv that the second
 *                                         reader's blind labels (file SECOND) agree with, in labels.PART.tsv
 *   npm run corpus:status -- --merge      adds the agreed rows of each batch (labels.*.tsv)
 *                                         to labels.tsv, giving each new site a split
 *   npm run corpus:status -- --need ADDRESS...
 *                                         which of these addresses are labelled and have no text here
 *   npm run corpus:status -- --put ADDRESS [--title JSON] [--plain] [--replace] < EXCERPT
 *                                         stores a labelled page's text restored from the stored copy: stdin
 *                                         holds the excerpt as the search tool gives it, one JSON string
 *                                         ("…\n…"), or plain text with --plain; its hash goes to texts.sha256,
 *                                         and a text that differs from the recorded one needs --replace
 *   npm run corpus:status -- --put-screen ADDRESS [--replace] < HTML
 *                                         stores an account screen rendered again from the product's
 *                                         template and language file (owner/repo:path@commit addresses)
 *   npm run corpus:status -- --put-doc ADDRESS [--url URL] [--replace] < MARKDOWN
 *                                         stores a documentation page kept in a repository as Markdown
 *                                         (owner/repo:path.md@commit), rendered as its site shows it at URL
 *                                         (recorded in doc-urls.tsv the first time, read from it after)
 *   npm run corpus:status -- --sort-hashes
 *                                         rewrites texts.sha256 sorted, one line per key
 *   npm run corpus:status -- --plan N [--shares K] [--dir DIR]
 *                                         chooses N searches of restore-queries.tsv that bring back the
 *                                         most missing texts (test and validation first) and deals them
 *                                         out to K restorers as DIR/share1.txt… (DIR: .tmp/restore); DIR/uncovered.tsv and
 *                                         DIR/screens.tsv list what no search brings back
 *   npm run corpus:status -- --record LOG...
 *                                         adds restorers' logs (query, tab, the addresses stored) to
 *                                         restore-queries.tsv
 *
 * The texts are other people's words and are not in git. Pages come from stored copies of public web
 * pages (the address is the page's URL); account screens are rendered from open-source products'
 * templates and language files (the address is owner/repo:path@commit). Whoever has the search tool can
 * fetch a missing text again by its address; this script cannot reach the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dealShares, formatSearches, parseSearches, planRestore, recordSearches } from './lib/restore-plan';
import { HEADER, LABELS_FILE, REAL_DIR, docPageHtml, excerptText, isWholePage, keyOf, readTextHashes, screenProblem, storeText, textHash, titleArgument, writeTextHashes, STAGING_HEADER, agreedRows, loadCorpus, parseLabels, presence, readLabels, siteOf, type Agreement, type LabelRow, type Split } from './lib/real-corpus';

const args = process.argv.slice(2);

// `corpus:status | head` closes the pipe before the counts end: the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(); // keeps an exit code already set (a site in two splits)
  throw error;
});

function fail(message: string): never {
  console.error(`corpus:status: ${message}`);
  process.exit(2);
}

/** Rows in labels.tsv's shape, header first, a tab or line break inside a note made a space. */
function labelRows(rows: readonly LabelRow[]): string {
  return `${HEADER}\n${rows.map((row) => `${[row.address, row.label, row.language, row.split, row.note.replace(/[\t\n]/g, ' ')].join('\t')}\n`).join('')}`;
}

/** Splits for new sites: within each group of alike sites, three to train, one to test, one to validation. */
const ROTATION: readonly Split[] = ['train', 'test', 'train', 'validation', 'train'];

function merge(): void {
  const existing = existsSync(LABELS_FILE) ? readLabels() : [];
  const known = new Set(existing.map((row) => row.address));
  const siteSplit = new Map(existing.map((row) => [row.site, row.split] as const));
  const staged: Array<Omit<LabelRow, 'split'>> = [];
  for (const name of readdirSync(REAL_DIR).filter((file) => /^labels\..+\.tsv$/.test(file)).sort()) {
    const lines = readFileSync(`${REAL_DIR}${name}`, 'utf8').replace(/\r\n/g, '\n').split('\n').filter((line) => line.trim());
    if (lines[0] !== STAGING_HEADER) fail(`${name}: the header must be address, label, language, note`);
    for (const line of lines.slice(1)) {
      const [address = '', label = '', language = '', note = ''] = line.split('\t');
      if (known.has(address)) continue;
      known.add(address);
      // Reuse the checks of labels.tsv by parsing the row as if it had a split.
      let row: LabelRow | undefined;
      try {
        [row] = parseLabels(`${HEADER}\n${address}\t${label}\t${language}\ttrain\t${note}`, name);
      } catch (error) {
        fail(`--merge: ${(error as Error).message} (nothing was merged)`);
      }
      staged.push(row!);
    }
  }
  // Group new sites by what they mostly hold (label and language, or label and kind of near miss).
  const sites = new Map<string, Array<Omit<LabelRow, 'split'>>>();
  for (const row of staged) sites.set(row.site, [...(sites.get(row.site) ?? []), row]);
  const groups = new Map<string, string[]>();
  for (const [site, rows] of sites) {
    if (siteSplit.has(site)) continue;
    const first = rows[0]!;
    const group = first.label === 'article' ? `article/${first.language}` : first.label === 'account' ? 'account' : `none/${first.kindTag}`;
    groups.set(group, [...(groups.get(group) ?? []), site]);
  }
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  for (const members of groups.values()) {
    members.sort((a, b) => hash(a).localeCompare(hash(b))).forEach((site, index) => siteSplit.set(site, ROTATION[index % ROTATION.length]!));
  }
  const rows = [...existing, ...staged.map((row) => ({ ...row, split: siteSplit.get(row.site)! }))];
  writeFileSync(LABELS_FILE, labelRows(rows));
  console.log(`labels.tsv: ${existing.length} rows kept, ${staged.length} added.`);
}

/** `work()`'s value, or the command stops with its error as a clear message (after `what: ` when given). */
function orFail<T>(work: () => T, what = ''): T {
  try {
    return work();
  } catch (error) {
    return fail(`${what ? `${what}: ` : ''}${(error as Error).message}`);
  }
}

function status(): void {
  const rows = readLabels();
  const present = presence(rows);
  const tally = (key: (row: LabelRow) => string) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => `${name} ${n}`).join(', ');
  };
  console.log(`${rows.length} labelled pages: ${tally((row) => row.label)}`);
  console.log(`splits: ${tally((row) => `${row.split}/${row.label}`)}`);
  console.log(`article languages: ${tally((row) => (row.label === 'article' ? row.language : '-')).replace(/(^|, )- \d+(, )?/, '$1')}`);
  console.log(`kinds of none: ${tally((row) => (row.label === 'none' ? row.kindTag : '-')).replace(/(^|, )- \d+(, )?/, '$1')}`);
  const products = new Set(rows.filter((row) => row.label === 'account').map((row) => row.kindTag.split(':')[1] ?? row.site));
  console.log(`account products: ${products.size} (${[...products].sort().join(', ')})`);
  const splitsOfSite = new Map<string, Set<Split>>();
  for (const row of rows) splitsOfSite.set(row.site, (splitsOfSite.get(row.site) ?? new Set()).add(row.split));
  const mixed = [...splitsOfSite.entries()].filter(([, splits]) => splits.size > 1);
  if (mixed.length > 0) console.log(`SITES IN TWO SPLITS (fix labels.tsv): ${mixed.map(([site]) => site).join(', ')}`);
  else console.log(`${splitsOfSite.size} sites, each in one split.`);
  const missing = present.filter((entry) => entry.file === null);
  console.log(`texts present: ${present.length - missing.length} of ${rows.length}`);
  const recorded = orFail(() => readTextHashes());
  const differ: LabelRow[] = [];
  let unrecorded = 0;
  for (const { row, file } of present) {
    if (file === null) continue;
    const hash = recorded.get(keyOf(row.address));
    if (hash === undefined) unrecorded += 1;
    else if (hash !== textHash(readFileSync(file, 'utf8'))) differ.push(row);
  }
  console.log(`texts as recorded in texts.sha256: ${present.length - missing.length - differ.length - unrecorded}; differing: ${differ.length}; never recorded: ${unrecorded}`);
  for (const row of differ) console.log(`  differs from the recorded text: ${row.address}`);
  for (const { row } of missing) console.log(`  missing: ${row.address} (${row.label}, ${siteOf(row.address)})`);
  if (mixed.length > 0) process.exitCode = 1;
}

function render(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const { items, missing } = loadCorpus();
  const index = ['file\turl\tlabel\tlanguage\tsplit\tnote'];
  items.forEach((item, position) => {
    const file = `${String(position + 1).padStart(3, '0')}-${item.label}-${item.language}.html`;
    const saved = item.html.includes('<!-- saved from url=') ? item.html : `<!-- saved from url=(${String(item.url.length).padStart(4, '0')})${item.url} -->\n${item.html}`;
    writeFileSync(`${dir}/${file}`, saved);
    index.push([file, item.url, item.label, item.language, item.split, item.note].join('\t'));
  });
  writeFileSync(`${dir}/index.tsv`, `${index.join('\n')}\n`);
  console.log(`Rendered ${items.length} pages into ${dir} (${missing.length} labelled pages have no text here).`);
}

/** `--agree PART SECOND`: the agreement step between collecting a batch and merging it. */
function agree(part: string, secondFile: string): void {
  if (!/^[a-z0-9-]+$/i.test(part)) fail(`--agree: the part "${part}" must be letters, digits or "-" (staging.PART.tsv)`);
  const stagedFile = `${REAL_DIR}staging.${part}.tsv`;
  const outFile = `${REAL_DIR}labels.${part}.tsv`;
  if (!existsSync(stagedFile)) fail(`--agree: there is no ${stagedFile}`);
  if (!existsSync(secondFile)) fail(`--agree: there is no ${secondFile}`);
  if (existsSync(outFile)) fail(`--agree: ${outFile} exists already; remove it to agree this batch again`);
  let result: Agreement;
  try {
    result = agreedRows(readFileSync(stagedFile, 'utf8'), readFileSync(secondFile, 'utf8'), `staging.${part}.tsv`, secondFile);
  } catch (error) {
    fail(`--agree: ${(error as Error).message}`);
  }
  writeFileSync(outFile, `${STAGING_HEADER}\n${result.agreed.map((row) => `${row}\n`).join('')}`);
  console.log(`labels.${part}.tsv: ${result.agreed.length} rows agreed, ${result.disagreed.length} left out.`);
  for (const { row, second } of result.disagreed) console.log(`  left out (second reader: ${second}): ${row.split('\t').slice(0, 2).join('  ')}`);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) fail('the text comes on stdin (a here-document or a file), not from the terminal');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `--need ADDRESS...`: of the addresses a search returned, those labelled here without a text. */
function need(addresses: readonly string[]): void {
  if (addresses.length === 0) fail('--need needs one or more addresses (the urls a search returned)');
  const rows = new Map(orFail(() => readLabels()).map((row) => [row.address, row] as const));
  const present = new Set(presence([...rows.values()]).filter((entry) => entry.file !== null).map((entry) => entry.row.address));
  const distinct = [...new Set(addresses)];
  let needed = 0;
  let unlabelled = 0;
  for (const address of distinct) {
    const row = rows.get(address);
    if (row === undefined) unlabelled += 1;
    else if (!present.has(address)) {
      console.log(`need ${row.split} ${row.label} ${address}`);
      needed += 1;
    }
  }
  console.log(`${needed} of ${distinct.length} needed (${unlabelled} not labelled; an address must match character for character)`);
}

function store(row: LabelRow, extension: 'json' | 'html', body: string, replace: boolean, what: string): void {
  const verdict = orFail(() => storeText(keyOf(row.address), extension, body, { replace }), what);
  console.log(`stored ${row.split} ${row.label} ${row.address}: ${body.length} characters, ${verdict}`);
}

/**
 * `--put ADDRESS [--title JSON] [--plain] [--replace]`: stores one page's text as the stored copy gives
 * it. The text comes on stdin, by default as the JSON string the search tool printed (quotes and escapes
 * included), so that it is kept character for character.
 */
async function put(rest: readonly string[]): Promise<void> {
  const [address, ...flags] = rest;
  if (!address || address.startsWith('--')) fail('--put needs the page address');
  const row = orFail(() => readLabels()).find((candidate) => candidate.address === address);
  if (row === undefined) fail(`--put: ${address} is not in labels.tsv`);
  if (!/^https?:\/\//.test(address)) fail('--put stores web pages; an account screen is rendered, not restored from an excerpt (--put-screen)');
  let title: string | null = null;
  let plain = false;
  let replace = false;
  for (let index = 0; index < flags.length; index += 1) {
    if (flags[index] === '--plain') plain = true;
    else if (flags[index] === '--replace') replace = true;
    else if (flags[index] === '--title') {
      const raw = flags[index + 1];
      title = orFail(() => titleArgument(raw), '--put');
      index += 1;
    } else fail(`--put: unknown option ${flags[index]} (use --title JSON, --plain or --replace)`);
  }
  const input = await readStdin();
  const text = orFail(() => excerptText(input, plain), '--put');
  store(row, 'json', `${JSON.stringify({ address, title, text })}\n`, replace, '--put');
}

/** `--put-screen ADDRESS [--replace] < HTML`: stores a product screen rendered from its template and language file. */
async function putScreen(rest: readonly string[]): Promise<void> {
  const [address, ...flags] = rest;
  if (!address || address.startsWith('--')) fail('--put-screen needs the screen address (owner/repo:path@commit)');
  const unknown = flags.filter((flag) => flag !== '--replace');
  if (unknown.length > 0) fail(`--put-screen: unknown option ${unknown[0]} (use --replace)`);
  const row = orFail(() => readLabels()).find((candidate) => candidate.address === address);
  if (row === undefined) fail(`--put-screen: ${address} is not in labels.tsv`);
  if (/^https?:\/\//.test(address)) fail('--put-screen stores rendered product screens; a web page is restored with --put');
  const html = await readStdin();
  const problem = screenProblem(html);
  if (problem !== null) fail(`--put-screen: ${problem}`);
  store(row, 'html', html, flags.includes('--replace'), '--put-screen');
}

const DOC_URLS_FILE = `${REAL_DIR}doc-urls.tsv`;
const DOC_URLS_HEADER = 'address\turl';

/** doc-urls.tsv: the address each documentation page's site publishes it under, by its corpus address. */
function readDocUrls(): Map<string, string> {
  if (!existsSync(DOC_URLS_FILE)) return new Map();
  const lines = readFileSync(DOC_URLS_FILE, 'utf8').replace(/\r\n/g, '\n').split('\n').filter((line) => line.trim() !== '');
  if (lines[0] !== DOC_URLS_HEADER) fail('doc-urls.tsv: the first line must be "address<TAB>url"');
  return new Map(lines.slice(1).map((line, index) => {
    const [address = '', url = ''] = line.split('\t');
    if (!address || !/^https?:\/\/\S+$/.test(url)) fail(`doc-urls.tsv:${index + 2}: not "address<TAB>http(s) URL"`);
    return [address, url] as const;
  }));
}

/**
 * `--put-doc ADDRESS [--url URL] [--replace] < MARKDOWN`: stores a documentation page kept in a
 * repository (owner/repo:path.md@commit) as its site shows it at URL (`docPageHtml`). The Markdown comes
 * on stdin as the file holds it at that commit. URL is recorded in doc-urls.tsv the first time; a
 * rebuild leaves it out and the recorded one is used.
 */
async function putDoc(rest: readonly string[]): Promise<void> {
  const [address, ...flags] = rest;
  if (!address || address.startsWith('--')) fail('--put-doc needs the page address (owner/repo:path.md@commit)');
  let url: string | undefined;
  let replace = false;
  for (let index = 0; index < flags.length; index += 1) {
    if (flags[index] === '--replace') replace = true;
    else if (flags[index] === '--url' && flags[index + 1] !== undefined) {
      url = flags[index + 1];
      index += 1;
    } else fail(`--put-doc: unknown option ${flags[index]} (use --url URL or --replace)`);
  }
  const row = orFail(() => readLabels()).find((candidate) => candidate.address === address);
  if (row === undefined) fail(`--put-doc: ${address} is not in labels.tsv`);
  if (!isWholePage(address)) fail('--put-doc stores a Markdown page of a repository: owner/repo:path.md@commit');
  const urls = readDocUrls();
  const recorded = urls.get(address);
  if (url === undefined && recorded === undefined) fail(`--put-doc: ${address} has no published address in doc-urls.tsv yet; give it with --url URL`);
  if (url !== undefined && recorded !== undefined && url !== recorded && !replace) fail(`--put-doc: doc-urls.tsv gives ${recorded} for this page, not ${url} (add --replace to change it)`);
  const published = url ?? recorded!;
  const markdown = await readStdin();
  const html = orFail(() => docPageHtml(markdown, published, row.language, address.slice(address.indexOf(':') + 1, address.lastIndexOf('@'))), '--put-doc');
  store(row, 'html', html, replace, '--put-doc');
  if (published !== recorded) {
    urls.set(address, published);
    writeFileSync(DOC_URLS_FILE, `${DOC_URLS_HEADER}\n${[...urls].map(([key, value]) => `${key}\t${value}\n`).join('')}`);
  }
}

/** `--sort-hashes`: texts.sha256 sorted, one line per key (not while restores are appending to it). */
function sortHashes(): void {
  const hashes = orFail(() => readTextHashes());
  writeTextHashes(hashes);
  console.log(`texts.sha256: ${hashes.size} keys, sorted`);
}

const QUERIES_FILE = `${REAL_DIR}restore-queries.tsv`;

/** A whole number of at least 1 given to `option`, or the command stops saying what it needs. */
function countArgument(option: string, raw: string | undefined): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) fail(`${option} needs a whole number of at least 1${raw === undefined ? '' : `, not "${raw}"`}`);
  return Number(raw);
}

/** `--plan N [--shares K] [--dir DIR]`: the share files for K restorers replaying recorded searches. */
function plan(rest: readonly string[]): void {
  const count = countArgument('--plan', rest[0]);
  let shares = 6;
  let dir = '.tmp/restore';
  for (let index = 1; index < rest.length; index += 2) {
    const value = rest[index + 1];
    if (rest[index] === '--shares') shares = countArgument('--shares', value);
    else if (rest[index] === '--dir') {
      if (value === undefined || value === '' || value.startsWith('--')) fail('--dir needs a folder for the share files');
      dir = value;
    } else fail(`--plan: unknown option ${rest[index]} (use --shares K or --dir DIR)`);
  }
  const rows = orFail(() => readLabels());
  const searches = orFail(() => parseSearches(readFileSync(QUERIES_FILE, 'utf8'), 'restore-queries.tsv'));
  const missingRows = presence(rows).filter((entry) => entry.file === null).map((entry) => entry.row);
  const pages = missingRows.filter((row) => /^https?:\/\//.test(row.address));
  const screens = missingRows.filter((row) => !/^https?:\/\//.test(row.address));
  const { chosen, expected, uncovered } = planRestore(searches, new Map(pages.map((row) => [row.address, row.split] as const)), count);
  const dealt = dealShares(chosen, Math.min(shares, Math.max(1, chosen.length)));
  const byAddress = new Map(rows.map((row) => [row.address, row] as const));
  const order = (row: LabelRow) => (row.split === 'train' ? 1 : 0);
  orFail(() => {
    mkdirSync(dir, { recursive: true });
    // Shares of an earlier plan would be replayed as this one's.
    for (const name of readdirSync(dir).filter((file) => /^share\d+\.txt$/.test(file))) rmSync(`${dir}/${name}`);
    dealt.forEach((share, index) => writeFileSync(`${dir}/share${index + 1}.txt`, share.map((search) => `${search.query}\n`).join('')));
    writeFileSync(`${dir}/uncovered.tsv`, labelRows(uncovered.map((address) => byAddress.get(address)!).sort((a, b) => order(a) - order(b))));
    writeFileSync(`${dir}/screens.tsv`, labelRows([...screens].sort((a, b) => order(a) - order(b))));
  }, `--plan: cannot write the share files in ${dir}`);
  const splitCount = (list: readonly LabelRow[], split: Split) => list.filter((row) => row.split === split).length;
  const bySplit = (list: readonly LabelRow[]) => `test ${splitCount(list, 'test')}, validation ${splitCount(list, 'validation')}, train ${splitCount(list, 'train')}`;
  console.log(`missing: ${pages.length} web pages (${bySplit(pages)}) and ${screens.length} screens (${bySplit(screens)})`);
  console.log(`${chosen.length} searches in ${dealt.length} shares (${dir}/share1.txt…); when recorded they named test ${expected.test}, validation ${expected.validation}, train ${expected.train} of the missing pages`);
  console.log(`${uncovered.length} missing pages no recorded search names (${dir}/uncovered.tsv); ${screens.length} screens to render again (${dir}/screens.tsv)`);
}

/** `--record LOG...`: restorers' logs added to restore-queries.tsv. */
function record(logs: readonly string[]): void {
  if (logs.length === 0) fail('--record needs one or more logs (a line each: the query, a tab, the addresses stored)');
  const labelled = new Set(orFail(() => readLabels()).map((row) => row.address));
  const recorded = orFail(() => parseSearches(readFileSync(QUERIES_FILE, 'utf8'), 'restore-queries.tsv'));
  const logged = logs.flatMap((log) => {
    if (!existsSync(log)) fail(`--record: there is no ${log}`);
    return orFail(() => parseSearches(readFileSync(log, 'utf8'), log, false), '--record');
  });
  const { searches, added, widened, unlabelled } = recordSearches(recorded, logged, labelled);
  writeFileSync(QUERIES_FILE, formatSearches(searches));
  console.log(`restore-queries.tsv: ${searches.length} searches, ${added} new, ${widened} naming more pages than before${unlabelled > 0 ? `; ${unlabelled} addresses left out as not labelled` : ''}`);
}

if (args[0] === '--need') need(args.slice(1));
else if (args[0] === '--plan') plan(args.slice(1));
else if (args[0] === '--record') record(args.slice(1));
else if (args[0] === '--put-screen') await putScreen(args.slice(1));
else if (args[0] === '--put-doc') await putDoc(args.slice(1));
else if (args[0] === '--sort-hashes') sortHashes();
else if (args[0] === '--put') await put(args.slice(1));
else if (args[0] === '--merge') merge();
else if (args[0] === '--agree') agree(args[1] ?? fail('--agree needs a part and the second labels file'), args[2] ?? fail('--agree needs the second labels file'));
else if (args[0] === '--render') render(args[1] ?? fail('--render needs a folder'));
else if (args.length === 0) status();
else fail(`unknown option ${args[0]} (use --agree PART SECOND, --merge, --render DIR, --need ADDRESS..., --put ADDRESS, --put-screen ADDRESS, --put-doc ADDRESS, --sort-hashes, --plan N or --record LOG...)`);
