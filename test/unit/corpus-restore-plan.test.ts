/**
 * Planning a restore from the recorded searches (restore-queries.tsv) and recording what restorers'
 * searches brought back: test/corpus/real/README.md, "Rebuilding".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dealShares, formatSearches, parseSearches, planRestore, recordSearches, type RecordedSearch } from '../../scripts/lib/restore-plan';
import { readLabels, REAL_DIR, type Split } from '../../scripts/lib/real-corpus';

const search = (query: string, ...addresses: string[]): RecordedSearch => ({ query, addresses });

describe('restore-queries.tsv', () => {
  it('reads a query and its addresses a line, and writes them back the same', () => {
    const text = 'query\taddresses\nport 587 help\thttps://a.example/ https://b.example/\nhttps://c.example/\thttps://c.example/\n';
    const searches = parseSearches(text, 'q.tsv');
    expect(searches).toEqual([search('port 587 help', 'https://a.example/', 'https://b.example/'), search('https://c.example/', 'https://c.example/')]);
    expect(formatSearches(searches)).toBe(text);
  });

  it('names the line of a missing header, a line without a tab, a third column, a query naming nothing or given twice', () => {
    expect(() => parseSearches('q\ta\n', 'q.tsv')).toThrow(/q\.tsv:1: the header/);
    expect(() => parseSearches('query\taddresses\nno tab here\n', 'q.tsv')).toThrow(/q\.tsv:2: not "query<TAB>addresses"/);
    expect(() => parseSearches('query\taddresses\nx\ty\tz\n', 'q.tsv')).toThrow(/q\.tsv:2: more than two columns/);
    expect(() => parseSearches('query\taddresses\nx\t\n', 'q.tsv')).toThrow(/q\.tsv:2: the query "x" names no page/);
    expect(() => parseSearches('query\taddresses\nx\ta\nx\tb\n', 'q.tsv')).toThrow(/q\.tsv:3: the query "x" is there twice/);
    // A log too: a blank query written back would leave restore-queries.tsv unreadable.
    expect(() => parseSearches(' \thttps://a.example/\n', 'log1.tsv', false)).toThrow(/log1\.tsv:1: the query is blank/);
  });

  it('as committed, reads without error and names labelled pages only, as --record keeps it', () => {
    const labelled = new Set(readLabels().map((row) => row.address));
    const searches = parseSearches(readFileSync(`${REAL_DIR}restore-queries.tsv`, 'utf8'), 'restore-queries.tsv');
    expect(searches.length).toBeGreaterThan(1000);
    expect(searches.flatMap((recorded) => recorded.addresses).filter((address) => !labelled.has(address))).toEqual([]);
  });

  it('reads a restorer\'s log, which has no header and may hold searches that brought nothing back', () => {
    expect(parseSearches('first\thttps://a.example/\nsecond\t\r\n\n', 'log1.tsv', false)).toEqual([search('first', 'https://a.example/'), search('second')]);
  });
});

describe('planRestore', () => {
  const missing = new Map<string, Split>([
    ['t1', 'test'],
    ['t2', 'test'],
    ['v1', 'validation'],
    ['r1', 'train'],
    ['r2', 'train'],
    ['r3', 'train'],
    ['lost', 'test'],
  ]);

  it('takes the search naming the most missing test and validation pages first, then the most train pages among equals', () => {
    const searches = [search('trains', 'r1', 'r2', 'r3'), search('one test', 't1', 'r1'), search('two measured', 't2', 'v1'), search('present only', 'here')];
    const plan = planRestore(searches, missing, 10);
    expect(plan.chosen.map((chosen) => chosen.query)).toEqual(['two measured', 'one test', 'trains']);
    expect(plan.expected).toEqual({ test: 2, validation: 1, train: 3 });
  });

  it('counts a page once however many searches name it, and stops at the number asked for', () => {
    const searches = [search('a', 't1', 't2'), search('b', 't1', 't2', 'r1'), search('c', 'v1')];
    expect(planRestore(searches, missing, 1).chosen.map((chosen) => chosen.query)).toEqual(['b']);
    const all = planRestore(searches, missing, 5);
    expect(all.chosen.map((chosen) => chosen.query)).toEqual(['b', 'c']);
    expect(all.expected).toEqual({ test: 2, validation: 1, train: 1 });
  });

  it('lists the missing pages that no recorded search names', () => {
    expect(planRestore([search('a', 't1', 't2', 'v1', 'r1', 'r2', 'r3')], missing, 3).uncovered).toEqual(['lost']);
  });
});

describe('dealShares', () => {
  it('deals in turn, so that every share begins with one of the strongest searches', () => {
    expect(dealShares([1, 2, 3, 4, 5], 2)).toEqual([[1, 3, 5], [2, 4]]);
  });
});

describe('recordSearches', () => {
  const labelled = new Set(['https://a.example/', 'https://b.example/', 'https://c.example/']);

  it('appends a new query that brought back a labelled page and widens a known one, leaving the rest alone', () => {
    const recorded = [search('known', 'https://a.example/')];
    const logs = [search('known', 'https://a.example/', 'https://b.example/'), search('new', 'https://c.example/', 'https://unlabelled.example/'), search('nothing')];
    const result = recordSearches(recorded, logs, labelled);
    expect(result.searches).toEqual([search('known', 'https://a.example/', 'https://b.example/'), search('new', 'https://c.example/')]);
    expect({ added: result.added, widened: result.widened, unlabelled: result.unlabelled }).toEqual({ added: 1, widened: 1, unlabelled: 1 });
    expect(recorded).toEqual([search('known', 'https://a.example/')]);
  });

  it('merges one query logged by two restorers into one line', () => {
    const result = recordSearches([], [search('q', 'https://a.example/'), search('q', 'https://b.example/')], labelled);
    expect(result.searches).toEqual([search('q', 'https://a.example/', 'https://b.example/')]);
    expect({ added: result.added, widened: result.widened }).toEqual({ added: 1, widened: 1 });
  });
});

/** tsx itself, not through npx: each run starts a fresh node, and npx would add a second. */
const TSX = join('node_modules', '.bin', 'tsx');

describe('corpus:status --plan', () => {
  const run = (...args: string[]) => spawnSync(TSX, ['scripts/corpus-status.ts', '--plan', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('writes the shares, replacing an earlier plan\'s, and lists what no search brings back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    try {
      writeFileSync(join(dir, 'share9.txt'), 'a query of an earlier plan\n');
      const result = run('3', '--shares', '2', '--dir', dir);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/searches in \d shares/);
      expect(existsSync(join(dir, 'share9.txt'))).toBe(false);
      const recorded = new Set(parseSearches(readFileSync(`${REAL_DIR}restore-queries.tsv`, 'utf8'), 'restore-queries.tsv').map((search) => search.query));
      const planned = ['share1.txt', 'share2.txt'].filter((name) => existsSync(join(dir, name))).flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean));
      expect(planned.length).toBeGreaterThan(0);
      expect(planned.length).toBeLessThanOrEqual(3);
      for (const query of planned) expect(recorded.has(query)).toBe(true);
      for (const list of ['uncovered.tsv', 'screens.tsv']) expect(readFileSync(join(dir, list), 'utf8').split('\n')[0]).toBe('address\tlabel\tlanguage\tsplit\tnote');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says what it needs for a missing or bad value, and when it cannot write, without a stack trace', () => {
    for (const [args, message] of [
      [['x'], /--plan needs a whole number of at least 1, not "x"/],
      [['5', '--dir'], /--dir needs a folder for the share files/],
      [['5', '--dir', '--shares', '2'], /--dir needs a folder for the share files/],
      [['5', '--shares', '0'], /--shares needs a whole number of at least 1, not "0"/],
      [['5', '--dir', 'package.json'], /--plan: cannot write the share files in package\.json/],
    ] as const) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
