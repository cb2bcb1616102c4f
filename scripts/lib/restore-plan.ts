/**
 * Planning a restore of the real-page corpus from the searches that paid off before
 * (test/corpus/real/restore-queries.tsv), and recording what a restore's searches brought back.
 * Pure: `corpus:status -- --plan` and `--record` do the reading and writing.
 */
import type { Split } from './real-corpus';

/** One line of restore-queries.tsv: a query as sent to the search tool, and the labelled pages it brought back. */
export interface RecordedSearch {
  query: string;
  addresses: string[];
}

export const QUERIES_HEADER = 'query\taddresses';

/**
 * Reads restore-queries.tsv (or a restorer's log, `headed` false): `query<TAB>address address…` a line.
 * A log line may name no address (the search brought nothing back); restore-queries.tsv keeps only
 * searches that did, so there a line without one is an error, as is a query given twice.
 */
export function parseSearches(text: string, file: string, headed = true): RecordedSearch[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  if (headed && lines[0] !== QUERIES_HEADER) throw new Error(`${file}:1: the header must be "query<TAB>addresses"`);
  const searches: RecordedSearch[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if ((headed && index === 0) || line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    const tab = line.indexOf('\t');
    if (tab <= 0) throw new Error(`${where}: not "query<TAB>addresses"`);
    const query = line.slice(0, tab).trim();
    const rest = line.slice(tab + 1);
    if (query === '') throw new Error(`${where}: the query is blank`);
    if (rest.includes('\t')) throw new Error(`${where}: more than two columns`);
    const addresses = [...new Set(rest.split(' ').filter((address) => address !== ''))];
    if (headed && addresses.length === 0) throw new Error(`${where}: the query "${query}" names no page`);
    if (headed && seen.has(query)) throw new Error(`${where}: the query "${query}" is there twice`);
    seen.add(query);
    searches.push({ query, addresses });
  });
  return searches;
}

export function formatSearches(searches: readonly RecordedSearch[]): string {
  return `${QUERIES_HEADER}\n${searches.map(({ query, addresses }) => `${query}\t${addresses.join(' ')}\n`).join('')}`;
}

export interface RestorePlan {
  /** The searches to make, best first. */
  chosen: RecordedSearch[];
  /** How many missing pages per split the chosen searches brought back when they were recorded. */
  expected: Record<Split, number>;
  /** Missing pages that no recorded search names: they need a search worded like the page. */
  uncovered: string[];
}

/**
 * Chooses up to `count` recorded searches, greedily: each next one is the search that names the most
 * missing test and validation pages not named by those chosen before (they are what the figures are
 * measured on), and among equals the most such train pages; ties keep the file's order. A search that
 * names no missing page not yet covered is never chosen.
 */
export function planRestore(searches: readonly RecordedSearch[], missing: ReadonlyMap<string, Split>, count: number): RestorePlan {
  const covered = new Set<string>();
  const left = searches.map((search) => ({ search, useful: search.addresses.filter((address) => missing.has(address)) })).filter((entry) => entry.useful.length > 0);
  const gain = (useful: readonly string[]): [number, number] => {
    let measured = 0;
    let train = 0;
    for (const address of useful) {
      if (covered.has(address)) continue;
      if (missing.get(address) === 'train') train += 1;
      else measured += 1;
    }
    return [measured, train];
  };
  const chosen: RecordedSearch[] = [];
  while (chosen.length < count) {
    let best = -1;
    let bestGain: [number, number] = [0, 0];
    left.forEach((entry, index) => {
      const [measured, train] = gain(entry.useful);
      if (measured > bestGain[0] || (measured === bestGain[0] && train > bestGain[1])) {
        best = index;
        bestGain = [measured, train];
      }
    });
    if (best < 0) break;
    const [entry] = left.splice(best, 1);
    chosen.push(entry!.search);
    for (const address of entry!.useful) covered.add(address);
  }
  const expected: Record<Split, number> = { train: 0, validation: 0, test: 0 };
  for (const address of covered) expected[missing.get(address)!] += 1;
  const named = new Set(searches.flatMap((search) => search.addresses));
  return { chosen, expected, uncovered: [...missing.keys()].filter((address) => !named.has(address)) };
}

/** Deals the chosen searches out to `shares` restorers in turn, so each share starts with strong searches. */
export function dealShares<T>(chosen: readonly T[], shares: number): T[][] {
  const dealt: T[][] = Array.from({ length: shares }, () => []);
  chosen.forEach((item, index) => dealt[index % shares]!.push(item));
  return dealt;
}

export interface Recording {
  searches: RecordedSearch[];
  added: number;
  widened: number;
  /** Addresses in the logs that are not labelled pages, left out. */
  unlabelled: number;
}

/**
 * Adds restorers' logs to the recorded searches: a new query that brought back a labelled page is
 * appended, a known one gains the pages it had not named before. Unlabelled addresses are left out (an
 * address must match labels.tsv character for character to be of use).
 */
export function recordSearches(recorded: readonly RecordedSearch[], logs: readonly RecordedSearch[], labelled: ReadonlySet<string>): Recording {
  const searches = recorded.map((search) => ({ query: search.query, addresses: [...search.addresses] }));
  const byQuery = new Map(searches.map((search) => [search.query, search] as const));
  let added = 0;
  let widened = 0;
  let unlabelled = 0;
  for (const log of logs) {
    const useful = log.addresses.filter((address) => labelled.has(address));
    unlabelled += log.addresses.length - useful.length;
    if (useful.length === 0) continue;
    const known = byQuery.get(log.query);
    if (known === undefined) {
      const search = { query: log.query, addresses: useful };
      searches.push(search);
      byQuery.set(log.query, search);
      added += 1;
      continue;
    }
    const fresh = useful.filter((address) => !known.addresses.includes(address));
    if (fresh.length > 0) {
      known.addresses.push(...fresh);
      widened += 1;
    }
  }
  return { searches, added, widened, unlabelled };
}
