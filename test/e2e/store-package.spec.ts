/**
 * The store zips as the stores get them: unpacked from artifacts/ (`npm run build`, `npm run
 * build:firefox`), their manifests checked, and the Chrome one loaded into Chromium on a page of one of
 * its help centres (served by the test through request routing), where the hint must still appear
 * through the dynamic URLs and the extension's files must not be reachable at their fixed URLs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const ZIP = resolve(`artifacts/smtp-port-assistant-chrome-${version}.zip`);
const FIREFOX_ZIP = resolve(`artifacts/smtp-port-assistant-firefox-${version}.zip`);
const DEVELOPMENT_ORIGINS = /127\.0\.0\.1|localhost/;
const PERMISSIONS = ['storage', 'contextMenus', 'sidePanel', 'activeTab', 'scripting'];

interface Manifest {
  key?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  web_accessible_resources?: Array<{ resources: string[]; matches: string[]; use_dynamic_url?: boolean }>;
}

let unpacked = '';
let manifest: Manifest;
const folders: string[] = [];

function unzip(zip: string, command: string): string {
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run \`${command}\` first.`);
  const folder = mkdtempSync(join(tmpdir(), 'spa-store-'));
  folders.push(folder);
  execFileSync('unzip', ['-q', zip, '-d', folder]);
  return folder;
}

test.beforeAll(() => {
  unpacked = unzip(ZIP, 'npm run build');
  manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
});
test.afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('the Firefox store package has no key, no development origins, and narrow web-accessible resources', () => {
  const folder = unzip(FIREFOX_ZIP, 'npm run build:firefox');
  const firefox = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest & { browser_specific_settings?: { gecko?: { id?: string } } };
  expect(firefox.key).toBeUndefined();
  expect(firefox.browser_specific_settings?.gecko?.id).toBeTruthy();
  expect(JSON.stringify(firefox)).not.toMatch(DEVELOPMENT_ORIGINS);
  expect(firefox.permissions?.every((permission) => PERMISSIONS.includes(permission))).toBe(true);
  const whereItRuns = new Set([...firefox.content_scripts.flatMap((script) => script.matches), ...(firefox.optional_host_permissions ?? [])]);
  for (const entry of firefox.web_accessible_resources ?? []) {
    expect(entry.matches.filter((match) => !whereItRuns.has(match))).toEqual([]);
    // Firefox already serves each installation under its own random origin; the key is Chrome's.
    expect(entry.use_dynamic_url).toBeUndefined();
    for (const file of entry.resources) {
      expect(file).not.toContain('*');
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
  }
});

test('the store manifest has no key, no development origins or permissions, and narrow web-accessible resources', () => {
  expect(manifest.key).toBeUndefined();
  expect(JSON.stringify(manifest)).not.toMatch(DEVELOPMENT_ORIGINS);
  expect(manifest.permissions?.every((permission) => PERMISSIONS.includes(permission))).toBe(true);
  expect(manifest.host_permissions ?? []).toEqual([]);

  const scriptMatches = manifest.content_scripts.flatMap((script) => script.matches);
  expect(scriptMatches).toContain('https://support.mozilla.org/*');
  const whereItRuns = new Set([...scriptMatches, ...(manifest.optional_host_permissions ?? [])]);
  const resources = manifest.web_accessible_resources ?? [];
  expect(resources.length).toBeGreaterThan(0);
  for (const entry of resources) {
    expect(entry.use_dynamic_url).toBe(true);
    expect(entry.matches.filter((match) => !whereItRuns.has(match))).toEqual([]);
    for (const file of entry.resources) {
      expect(file).not.toContain('*');
      expect(existsSync(join(unpacked, file)), file).toBe(true);
    }
    // The extension's pages (popup, options, agent panel) are not exposed, only content-script code.
    expect(entry.resources.length).toBeLessThan(10);
  }
});

test('the store build keeps the content script small where it runs: the hint and its classifier load only on candidates', () => {
  // What every page of a help-centre site parses: the loader and the module it imports. The hint is a
  // separate file that module imports lazily through runtime.getURL (issue #10: bootstrap ≤ 15 KiB).
  const loaders = manifest.content_scripts.flatMap((script) => script.js);
  const modules = loaders.flatMap((loader) => [...readFileSync(join(unpacked, loader), 'utf8').matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]/g)].map((match) => match[1]!));
  expect(modules.length).toBeGreaterThan(0);
  const bootstrapBytes = [...loaders, ...modules].reduce((sum, file) => sum + statSync(join(unpacked, file)).size, 0);
  expect(bootstrapBytes).toBeLessThanOrEqual(15 * 1024);
  const lazy = modules.flatMap((module) => [...readFileSync(join(unpacked, module), 'utf8').matchAll(/import\(chrome\.runtime\.getURL\("([^"]+)"\)\)/g)].map((match) => match[1]!));
  expect(lazy.length).toBeGreaterThan(0);
  const exposed = new Set((manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources));
  for (const file of lazy) {
    expect(exposed.has(file), file).toBe(true);
    // Self-contained: a module at a dynamic URL cannot load sibling chunks (Chromium issue 363027634).
    expect(readFileSync(join(unpacked, file), 'utf8')).not.toMatch(/from\s*["'`]\.\//);
  }
});

test('loaded into Chromium, the store build shows the hint on a help-centre article and hides its files', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'spa-store-profile-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      locale: 'en',
      args: [`--disable-extensions-except=${unpacked}`, `--load-extension=${unpacked}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    // No real network: the help centre's article is one of our own fixture pages.
    const article = readFileSync('test/fixtures/pages/en-uni-thunderbird-outgoing-server.html', 'utf8');
    await context.route('https://support.mozilla.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: article }));
    const page = await context.newPage();
    await page.goto('https://support.mozilla.org/en-US/kb/outgoing-server');
    await expect(page.locator('smtp-port-assistant-hint aside')).toBeVisible();
    await expect(page.locator('smtp-port-assistant-hint aside')).toContainText('This page is about outgoing mail settings');

    // A page that knows the extension's id cannot confirm it is installed through a fixed URL.
    const file = manifest.web_accessible_resources![0]!.resources[0]!;
    const reachable = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return true;
      } catch {
        return false;
      }
    }, `chrome-extension://${extensionId}/${file}`);
    expect(reachable).toBe(false);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
