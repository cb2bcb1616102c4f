/** Shared by the benchmarks: the loopback Postfix, the built artifacts, child servers and the result table. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export { ensurePostfix } from '../scripts/lib/postfix';

/** The benchmarks measure what ships: the esbuild output, rebuilt so it matches the sources. */
export function buildArtifacts(): void {
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/build-cli.ts'], { stdio: 'inherit', timeout: 60_000 });
}

export interface ChildServer {
  origin: string;
  pid: number;
  /** Resident memory of the child in bytes (Linux /proc), or null elsewhere. */
  rss(): number | null;
  /** The child's own process.memoryUsage() (asked for with SIGUSR2), or null when it did not answer. */
  memory(): Promise<{ rss: number; heapUsed: number } | null>;
  stop(): Promise<void>;
}

/**
 * Loaded into every child: on SIGUSR2 it writes its process.memoryUsage() to BENCH_MEMORY_FILE, so the
 * benchmark can read the heap, which /proc does not show.
 */
const MEMORY_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('SIGUSR2', () => writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify(process.memoryUsage())));",
)}`;

/**
 * Starts a Node server as a child on a free loopback port and waits for Fastify's "Server listening at"
 * log line (the logger writes JSON lines to stdout). Everything after that line is discarded.
 */
export function startChild(args: string[], env: Record<string, string>): Promise<ChildServer> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-child-'));
  const memoryFile = join(folder, 'memory.json');
  const child: ChildProcess = spawn(process.execPath, ['--import', MEMORY_REPORTER, ...args], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', BENCH_MEMORY_FILE: memoryFile, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tidy = () => rmSync(folder, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${args.join(' ')} did not start within 15 s.`));
    }, 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      tidy();
      reject(new Error(`${args.join(' ')} exited with ${code} before listening.`));
    });
    const lines = createInterface({ input: child.stdout! });
    let found = false;
    lines.on('line', (line) => {
      if (found) return;
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(line);
      if (!match) return;
      found = true;
      clearTimeout(timer);
      // From here on the child's log is drained unread, so a busy benchmark never backs it up.
      lines.close();
      child.stdout!.on('data', () => {});
      child.removeAllListeners('exit');
      resolve({
        origin: match[1]!,
        pid: child.pid!,
        rss: () => {
          try {
            const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
            return kb ? Number(kb) * 1024 : null;
          } catch {
            return null;
          }
        },
        memory: async () => {
          rmSync(memoryFile, { force: true });
          if (child.exitCode !== null) return null;
          child.kill('SIGUSR2');
          for (let tries = 0; tries < 40; tries += 1) {
            await new Promise((done) => setTimeout(done, 25));
            try {
              const usage = JSON.parse(readFileSync(memoryFile, 'utf8')) as { rss?: unknown; heapUsed?: unknown };
              if (typeof usage.rss === 'number' && typeof usage.heapUsed === 'number') return { rss: usage.rss, heapUsed: usage.heapUsed };
            } catch {
              /* not written yet */
            }
          }
          return null;
        },
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) {
              tidy();
              return done();
            }
            child.once('exit', () => {
              tidy();
              done();
            });
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Row {
  measurement: string;
  value: string;
  ratio?: string;
  target?: string;
  pass?: boolean;
}

/** Prints the table and returns whether every row with a target passed. */
export function printTable(title: string, rows: Row[]): boolean {
  const header = ['measurement', 'value', 'ratio', 'target', 'result'];
  const cells = rows.map((row) => [row.measurement, row.value, row.ratio ?? '', row.target ?? '', row.pass === undefined ? '' : row.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => cell.map((text, column) => text.padEnd(widths[column]!)).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cell of cells) console.log(line(cell));
  return rows.every((row) => row.pass !== false);
}
