/**
 * `npm run eval:settings`: how well the settings the hint shows (outgoing server, port, security) are read
 * off real help pages. test/corpus/real/settings.tsv (committed) holds, for a sample of validation and test
 * articles, what each page's own text tells the reader to enter, written down by a person who did not see
 * what the extractor reads; the texts themselves are in test/corpus/real/texts/ (not in git).
 *
 * For each field it counts pages read right, read wrong (a different value), missed (the page states one,
 * nothing was read) and invented (the page states none, a value was read), apart for pages about one
 * service and pages that list several (a table of providers, where the first one is labelled). A wrong
 * value is worse than none: the hint then offers to check the wrong server.
 *
 *   npm run eval:settings               the counts, for train pages and for validation and test pages apart
 *   npm run eval:settings -- --errors   also every train page where a field is wrong, missed or invented
 *   npm run eval:settings -- --errors --all   …and every validation and test page and whole documentation
 *                                       page too (rules are written from the train pages' errors; see
 *                                       test/corpus/real/README.md); whole pages are counted apart
 *
 * test/corpus/real/screen-settings.tsv (committed) holds the same for the corpus's account screens: what
 * each rendered screen shows for the outgoing server, port and security, written down by a reader who saw
 * only the screen. Screens are read as the hint reads an account page (the settings extracted, nothing
 * borrowed from elsewhere in the text) and counted apart, with how many show all three right.
 */
import { readFileSync } from 'node:fs';
import { extractSettings, shownOnArticle } from '../src/core/detect/extract';
import { gatherFacts } from '../src/core/detect/facts';
import type { ExtractedSettings } from '../src/core/detect/types';
import { parse } from './lib/detect-eval';
import { REAL_DIR, isWholePage, loadCorpus } from './lib/real-corpus';

const FILE = `${REAL_DIR}settings.tsv`;
const HEADER = 'address\tserver\tport\tsecurity\tkind\tnote';
const SCREEN_FILE = `${REAL_DIR}screen-settings.tsv`;
const SCREEN_HEADER = 'address\tserver\tport\tsecurity\tnote';
const FIELDS = ['server', 'port', 'security'] as const;
type Field = (typeof FIELDS)[number];
const KINDS = ['single', 'many', 'none'] as const;
type Kind = (typeof KINDS)[number];
const SECURITY = new Set(['starttls', 'tls', 'none', '-']);

interface Expected {
  address: string;
  values: Record<Field, string>;
  kind: Kind;
}

function fail(message: string): never {
  console.error(`eval:settings: ${message}`);
  process.exit(2);
}

/**
 * The labelled pages of `file`: articles (settings.tsv, a `kind` column) or account screens
 * (screen-settings.tsv, whose kind is `single` where the screen shows an outgoing setting, else `none`).
 */
function readExpected(file: string, screens: boolean): Expected[] {
  const expectedHeader = screens ? SCREEN_HEADER : HEADER;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail(`cannot read ${file}`);
  }
  const [header, ...lines] = text.trimEnd().split('\n');
  if (header !== expectedHeader) fail(`${file}: the first line must be "${expectedHeader.replace(/\t/g, '<TAB>')}"`);
  return lines.map((line, index) => {
    const cells = line.split('\t');
    const [address = '', server = '', port = '', security = ''] = cells;
    const kind = screens ? ([server, port, security].some((value) => value !== '-') ? 'single' : 'none') : (cells[4] ?? '');
    const where = `${file}:${index + 2}`;
    if (screens ? !/^[\w.-]+\/[\w.-]+:\S+@[0-9a-f]{40}(?:#\S+)?$/.test(address) : !/^https?:\/\//.test(address) && !isWholePage(address)) {
      fail(`${where}: the address must be ${screens ? "an account screen's owner/repo:path@commit" : "a web address or a documentation page's owner/repo:path.md@commit"}`);
    }
    // Placeholders stay as the page writes them ("mail.[your domain]", "sv***.xserver.jp").
    if (server !== '-' && !/^[^\sA-Z]+$/u.test(server)) fail(`${where}: server "${server}" is not a lower-case host name (placeholders as written) or "-"`);
    if (port !== '-' && !(/^\d{1,5}$/.test(port) && Number(port) > 0 && Number(port) < 65536)) fail(`${where}: port "${port}" is not a port number or "-"`);
    if (!SECURITY.has(security)) fail(`${where}: security "${security}" is not starttls, tls, none or "-"`);
    if (!(KINDS as readonly string[]).includes(kind)) fail(`${where}: kind "${kind}" is not single, many or none`);
    return { address, values: { server, port, security }, kind: kind as Kind };
  });
}

function readValue(settings: ExtractedSettings, field: Field): string {
  const value = field === 'server' ? settings.outgoingServer : field === 'port' ? settings.port : settings.security;
  return value === null ? '-' : String(value).toLowerCase();
}

type Outcome = 'right' | 'wrong' | 'missed' | 'invented' | 'absent';

function outcomeOf(expected: string, read: string): Outcome {
  if (expected === '-') return read === '-' ? 'absent' : 'invented';
  if (read === '-') return 'missed';
  return read === expected ? 'right' : 'wrong';
}

// `eval:settings -- --errors | head` closes the pipe early: the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit();
  throw error;
});

const showErrors = process.argv.includes('--errors');
const showAll = process.argv.includes('--all');
const unknown = process.argv.slice(2).filter((arg) => arg !== '--errors' && arg !== '--all');
if (unknown.length > 0) fail(`unknown argument ${unknown[0]}; the options are --errors and --all`);

/**
 * Which figures a page counts in: web pages' openings by split, as before; whole documentation pages
 * apart, whatever their split, so the openings' figures stay comparable and the whole pages only measure.
 */
type Group = 'train' | 'held-out' | 'whole' | 'screens train' | 'screens held-out';
function groupOf(item: { address: string; split: string }, screen: boolean): Group {
  if (screen) return item.split === 'train' ? 'screens train' : 'screens held-out';
  if (isWholePage(item.address)) return 'whole';
  return item.split === 'train' ? 'train' : 'held-out';
}

const articles = readExpected(FILE, false);
const screens = readExpected(SCREEN_FILE, true);
const { items } = loadCorpus();
const byAddress = new Map(items.map((item) => [item.address, item]));
const counts = new Map<string, Record<Outcome, number>>();
/** Screens that show an outgoing setting, and of those how many read all three fields right, per group. */
const wholeScreens = new Map<Group, { shown: number; allRight: number }>();
let missingTexts = 0;
for (const page of [...articles, ...screens.map((screen) => ({ ...screen, screen: true }))]) {
  const item = byAddress.get(page.address);
  const screen = 'screen' in page;
  if (item === undefined) {
    missingTexts += 1;
    continue;
  }
  if (screen && item.label !== 'account') fail(`${SCREEN_FILE}: ${page.address} is labelled ${item.label} in labels.tsv, not account`);
  // What the hint shows: on an account screen the settings read from it; on an article also a sending host
  // or submission port named elsewhere when none was.
  const facts = gatherFacts(parse(item.html), item.url);
  const extracted = extractSettings(facts).settings;
  const settings = screen ? extracted : shownOnArticle(extracted, facts.text);
  const group = groupOf(item, screen);
  const lines: string[] = [];
  let right = 0;
  for (const field of FIELDS) {
    const read = readValue(settings, field);
    const outcome = outcomeOf(page.values[field], read);
    const key = `${group} ${page.kind} ${field}`;
    const tally = counts.get(key) ?? { right: 0, wrong: 0, missed: 0, invented: 0, absent: 0 };
    tally[outcome] += 1;
    counts.set(key, tally);
    if (outcome === 'right' || outcome === 'absent') right += 1;
    else lines.push(`  ${field}: ${outcome}, page says ${page.values[field]}, read ${read}`);
  }
  if (screen && page.kind === 'single') {
    const tally = wholeScreens.get(group) ?? { shown: 0, allRight: 0 };
    tally.shown += 1;
    if (right === FIELDS.length) tally.allRight += 1;
    wholeScreens.set(group, tally);
  }
  const trainGroup = group === 'train' || group === 'screens train';
  if (showErrors && lines.length > 0 && (showAll || trainGroup)) console.log(`${item.split} ${screen ? 'screen' : page.kind} ${page.address}\n${lines.join('\n')}`);
}

console.log(`${articles.length} labelled pages and ${screens.length} account screens${missingTexts > 0 ? `, ${missingTexts} of them without a text here (left out)` : ''}`);
// Train pages may suggest rules; validation and test pages only measure them.
for (const [group, title] of [
  ['train', 'train pages (where rules come from)'],
  ['held-out', 'validation and test pages (only measured)'],
  ['whole', 'whole documentation pages, every split (only measured)'],
  ['screens train', 'account screens, train (where rules come from; kind single: the screen shows an outgoing setting)'],
  ['screens held-out', 'account screens, validation and test (only measured)'],
] as const) {
  if (![...counts.keys()].some((key) => key.startsWith(`${group} `))) continue;
  console.log(`\n${title}`);
  console.log('kind    field     right  wrong  missed  invented  nothing to read');
  for (const kind of KINDS) {
    for (const field of FIELDS) {
      const tally = counts.get(`${group} ${kind} ${field}`);
      if (tally === undefined) continue;
      console.log(
        `${kind.padEnd(7)} ${field.padEnd(9)} ${String(tally.right).padStart(5)}  ${String(tally.wrong).padStart(5)}  ${String(tally.missed).padStart(6)}  ${String(tally.invented).padStart(8)}  ${String(tally.absent).padStart(15)}`,
      );
    }
  }
  const whole = wholeScreens.get(group);
  if (whole !== undefined) console.log(`all three fields right on ${whole.allRight} of the ${whole.shown} screens that show an outgoing setting`);
}
