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
 *
 * The texts are other people's words and are not in git. Pages come from stored copies of public web
 * pages (the address is the page's URL); account screens are rendered from open-source products'
 * templates and language files (the address is owner/repo:path@commit). Whoever has the search tool can
 * fetch a missing text again by its address; this script cannot reach the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { HEADER, LABELS_FILE, REAL_DIR, STAGING_HEADER, agreedRows, loadCorpus, parseLabels, presence, readLabels, siteOf, type Agreement, type LabelRow, type Split } from './lib/real-corpus';

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
  const body = rows.map((row) => [row.address, row.label, row.language, row.split, row.note.replace(/[\t\n]/g, ' ')].join('\t'));
  writeFileSync(LABELS_FILE, `${HEADER}\n${body.join('\n')}\n`);
  console.log(`labels.tsv: ${existing.length} rows kept, ${staged.length} added.`);
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

if (args[0] === '--merge') merge();
else if (args[0] === '--agree') agree(args[1] ?? fail('--agree needs a part and the second labels file'), args[2] ?? fail('--agree needs the second labels file'));
else if (args[0] === '--render') render(args[1] ?? fail('--render needs a folder'));
else if (args.length === 0) status();
else fail(`unknown option ${args[0]} (use --agree PART SECOND, --merge or --render DIR)`);
