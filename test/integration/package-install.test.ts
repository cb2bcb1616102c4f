/**
 * The package as an operator gets it: `npm pack`, then a production install of the tarball into an
 * empty folder, then `smtp-probe --version` and `smtp-probe serve` from that install. Also
 * `npm ci --omit=dev` on a copy of the checkout's manifest and lock file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'sp-package-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function run(command: string, args: string[], cwd: string, timeout = 120_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command, args, { cwd, timeout, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Every package under node_modules (scoped ones as @scope/name), by its installed package.json. */
function installed(nodeModules: string): Map<string, { dependencies?: Record<string, string> }> {
  const found = new Map<string, { dependencies?: Record<string, string> }>();
  const visit = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        for (const inner of readdirSync(join(folder, entry))) visit1(join(folder, entry, inner), `${entry}/${inner}`);
      } else {
        visit1(join(folder, entry), entry);
      }
    }
  };
  const visit1 = (folder: string, name: string) => {
    found.set(name, JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> });
    visit(join(folder, 'node_modules'));
  };
  visit(nodeModules);
  return found;
}

describe('production package', () => {
  let tarball = '';
  const app = join(work, 'app');

  it('npm pack ships the built CLI and service, not the sources', async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    // prepack's own output comes first; the JSON array is the rest.
    const json = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[\n'))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = json[0]!.files.map((file) => file.path);
    tarball = join(work, json[0]!.filename);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'build/cli/smtp-probe.js', 'build/server/serve.js', 'src/cli/NATIVE-HOST.md']));
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
  });

  it('installs with --omit=dev only what the two built files load, and runs them', async () => {
    mkdirSync(app);
    const install = await run('npm', ['install', '--omit=dev', '--no-package-lock', tarball], app);
    expect(install.code, install.stderr).toBe(0);
    // The package runs nothing at install time (npm 11 would ask the operator to approve it otherwise).
    expect(install.stderr).not.toMatch(/install-scripts/);

    const packages = installed(join(app, 'node_modules'));
    const self = packages.get('smtp-port-assistant');
    expect(self).toBeDefined();
    // What may be there: this package and what its runtime dependencies pull in, nothing else.
    const allowed = new Set(['smtp-port-assistant']);
    const queue = Object.keys(self?.dependencies ?? {});
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (allowed.has(name)) continue;
      allowed.add(name);
      queue.push(...Object.keys(packages.get(name)?.dependencies ?? {}));
    }
    expect([...packages.keys()].filter((name) => !allowed.has(name))).toEqual([]);
    for (const devOnly of ['vite', 'vitest', '@playwright/test', 'playwright', '@crxjs/vite-plugin', 'preact', 'webextension-polyfill', 'esbuild', 'tsx', 'typescript']) {
      expect(packages.has(devOnly), devOnly).toBe(false);
    }

    const bin = join(app, 'node_modules', '.bin', 'smtp-probe');
    const version = await run(bin, ['--version'], app, 20_000);
    expect(version).toMatchObject({ code: 0, stdout: `smtp-probe ${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n` });

    const extra = await run(bin, ['serve', '--port', '80'], app, 20_000);
    expect(extra).toMatchObject({ code: 2, stdout: '' });
    expect(extra.stderr).toMatch(/^smtp-probe: serve takes no arguments; it reads its settings from the environment/);
    // A copy of the probe alone (what install-host makes) says where the service is instead of a stack trace.
    const alone = join(work, 'alone');
    mkdirSync(alone);
    copyFileSync(join(app, 'node_modules', 'smtp-port-assistant', 'build', 'cli', 'smtp-probe.js'), join(alone, 'smtp-probe.js'));
    const lonely = await run(process.execPath, [join(alone, 'smtp-probe.js'), 'serve'], alone, 20_000);
    expect(lonely).toMatchObject({ code: 2, stdout: '' });
    expect(lonely.stderr).toMatch(/^smtp-probe: the service is not installed beside this copy of the probe/);

    const service = spawn(bin, ['serve'], { cwd: app, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', TRUST_PROXY: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(service);
    let log = '';
    const origin = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`smtp-probe serve did not start within 15 s:\n${log}`)), 15_000);
      const read = (chunk: Buffer) => {
        log += chunk.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      };
      service.stdout.on('data', read);
      service.stderr.on('data', read);
      service.once('exit', (code) => fail(new Error(`smtp-probe serve exited with ${code}:\n${log}`)));
    });
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    const exited = new Promise<number | null>((done) => service.once('exit', (code) => done(code)));
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('npm ci --omit=dev on a checkout needs no development tool', async () => {
    const checkout = join(work, 'checkout');
    mkdirSync(checkout);
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(ROOT, file), join(checkout, file));
    const ci = await run('npm', ['ci', '--omit=dev'], checkout);
    expect(ci.code, ci.stderr).toBe(0);
    // Nothing of the development tool chain was fetched for it.
    expect(existsSync(join(checkout, 'node_modules', 'tsx'))).toBe(false);
  });
});
