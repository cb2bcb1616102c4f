/**
 * `npm test`: everything CI checks, in the order that fails fastest. System packages first
 * (installed when we may), then typecheck, lint, unit and integration tests against a real Postfix
 * and the interop servers of scripts/setup-interop.sh (Exim, Haraka, aiosmtpd; stopped at the end),
 * the Chrome and Firefox builds with `web-ext lint`, the end-to-end tests in real Chromium, and the
 * Firefox suite in real Firefox ESR over WebDriver BiDi.
 * Ends with one line "N passed, N failed" counting every test of every runner.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { ensurePackages } from './lib/system-packages';

interface Stage {
  name: string;
  command: string[];
  /** A stage whose output the later ones need: when it fails, they are skipped. */
  required?: boolean;
  /** An earlier stage whose output only this one needs: when that one failed, this one is skipped. */
  needs?: string;
  env?: Record<string, string>;
}

const reports = 'test-results';
mkdirSync(reports, { recursive: true });
// A stage that is skipped or dies early writes no report: an old one must not be counted instead.
for (const report of ['vitest.json', 'vitest-firefox.json', 'playwright.json']) rmSync(`${reports}/${report}`, { force: true });

const stages: Stage[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '-p', 'tsconfig.json'] },
  { name: 'lint', command: ['npx', 'oxlint', '--deny-warnings', 'src', 'test', 'scripts', 'bench'] },
  { name: 'build probe CLI and service', command: ['npx', 'tsx', 'scripts/build-cli.ts'], required: true },
  {
    name: 'unit and integration tests',
    command: ['npx', 'vitest', 'run', '--project', 'unit', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
  },
  { name: 'build extension (Chromium)', command: ['npm', 'run', '--silent', 'build'], required: true },
  { name: 'build extension (Firefox) and web-ext lint', command: ['npm', 'run', '--silent', 'build:firefox'] },
  {
    name: 'end-to-end tests in Chromium',
    command: ['npx', 'playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  },
  {
    name: 'end-to-end tests in Firefox ESR',
    needs: 'build extension (Firefox) and web-ext lint',
    command: ['npx', 'vitest', 'run', '--project', 'firefox', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest-firefox.json`],
  },
];

function banner(text: string): void {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

banner('system packages');
const packageProblem = ensurePackages();
if (packageProblem) {
  console.error(packageProblem);
  process.exit(1);
}
console.log('All Debian packages present.');

banner('loopback Postfix');
const setup = spawnSync('bash', ['scripts/setup-postfix.sh'], { stdio: 'inherit' });
if (setup.status !== 0) {
  console.error('Postfix could not be set up on loopback; the integration tests need it.');
  process.exit(1);
}

banner('interop SMTP servers (Exim, Haraka, aiosmtpd)');
// Stopped at the end only when this run started them: a developer's running servers are left alone.
const interopWasRunning = spawnSync('bash', ['scripts/setup-interop.sh', 'status'], { stdio: 'ignore' }).status === 0;
function stopInteropServers(): void {
  if (interopWasRunning) return;
  spawnSync('bash', ['scripts/setup-interop.sh', 'stop'], { stdio: 'inherit' });
}
const interop = spawnSync('bash', ['scripts/setup-interop.sh', 'start'], { stdio: 'inherit' });
if (interop.status !== 0) {
  console.error('The interop servers could not be started; the interop integration tests need them.');
  stopInteropServers();
  process.exit(1);
}
process.once('SIGINT', () => {
  stopInteropServers();
  process.exit(130);
});

const failedStages: string[] = [];
let blocked = false;
for (const stage of stages) {
  banner(stage.name);
  if (blocked || (stage.needs && failedStages.includes(stage.needs))) {
    console.log(`skipped: ${blocked ? 'an earlier build failed' : `"${stage.needs}" failed`}`);
    failedStages.push(`${stage.name} (skipped)`);
    continue;
  }
  const started = Date.now();
  const [command, ...args] = stage.command as [string, ...string[]];
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...stage.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`✔ ${stage.name} (${seconds} s)`);
  } else {
    console.log(`✘ ${stage.name} failed (${seconds} s)`);
    failedStages.push(stage.name);
    if (stage.required) blocked = true;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

banner('stop interop SMTP servers');
if (interopWasRunning) console.log('left running: they were running before this test run');
stopInteropServers();

type VitestReport = { numPassedTests?: number; numFailedTests?: number } | null;
const vitest = readJson(`${reports}/vitest.json`) as VitestReport;
const firefox = readJson(`${reports}/vitest-firefox.json`) as VitestReport;
const playwright = readJson(`${reports}/playwright.json`) as
  | { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } }
  | null;
const passed = (vitest?.numPassedTests ?? 0) + (firefox?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (firefox?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0);
const skipped = playwright?.stats?.skipped ?? 0;

banner('summary');
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStages.length > 0 || failed > 0 ? 1 : 0);
