/**
 * Launches the system Chromium with the built extension, the way a person loads it unpacked.
 * Shared by every e2e test; `profile` lets a test restart the browser on the same profile.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveFolder } from '../../scripts/lib/static-server';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const DIST = resolve('dist');
export const EXTENSION_ID = 'ikehcnennomcpfnjkffadlilflcmppbb';

export interface LaunchOptions {
  profile?: string;
  locale?: 'en' | 'es';
  colorScheme?: 'light' | 'dark';
  /** Extra environment for the browser, which passes it on to native messaging hosts it starts. */
  env?: Record<string, string>;
  /** Optional API permissions to hold as if the person had accepted the browser's prompt. */
  grant?: string[];
  /**
   * Developer mode on in a new profile. Chromium disables an unpacked extension that restarts itself
   * (`runtime.reload()`) while developer mode is off; an extension installed from a store is not affected.
   */
  developerMode?: boolean;
  /** Keep pages in the back-forward cache, which Playwright turns off by default. */
  backForwardCache?: boolean;
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profile: string;
  close(): Promise<void>;
}

export async function newProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'spa-profile-'));
}

export async function removeProfile(profile: string): Promise<void> {
  await rm(profile, { recursive: true, force: true });
}

/** After a test: the browser closed (a crashed one is fine) and its profile removed. */
export async function dispose(launched: Launched): Promise<void> {
  await launched.close().catch(() => undefined);
  await removeProfile(launched.profile);
}

/**
 * Marks optional API permissions as granted in a closed profile, the way Chromium records a prompt the
 * person accepted. Playwright cannot click the browser's own permission dialog, so this stands in for that
 * one click; the extension still finds out through `permissions.contains`, as it would after the prompt.
 */
async function grantPermissions(profile: string, permissions: string[]): Promise<void> {
  const file = join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(await readFile(file, 'utf8')) as {
    extensions?: { settings?: Record<string, Record<string, { api?: string[] }>> };
  };
  const settings = preferences.extensions?.settings?.[EXTENSION_ID];
  if (!settings) throw new Error(`The profile at ${profile} has no settings for the extension ${EXTENSION_ID}.`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    const entry = (settings[key] ??= {});
    entry.api = [...new Set([...(entry.api ?? []), ...permissions])];
  }
  await writeFile(file, JSON.stringify(preferences));
}

export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const profile = options.profile ?? (await newProfile());
  if (options.developerMode && !existsSync(join(profile, 'Default', 'Preferences'))) {
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  }
  if (options.grant?.length) {
    // The extension's settings exist once it has loaded in this profile: load it, close, then grant.
    const first = await launch({ ...options, profile, grant: [] });
    await first.close();
    await grantPermissions(profile, options.grant);
  }
  const locale = options.locale ?? 'en';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    locale,
    colorScheme: options.colorScheme ?? 'light',
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    env: { ...process.env, LANGUAGE: locale, LANG: locale === 'es' ? 'es_ES.UTF-8' : 'en_US.UTF-8', ...options.env },
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      `--lang=${locale}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profile,
    close: () => context.close(),
  };
}

export async function openPopup(launched: Launched, size = { width: 380, height: 600 }): Promise<Page> {
  const page = await launched.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${launched.extensionId}/src/extension/popup/index.html`);
  return page;
}

/**
 * What the clipboard holds, read the way a person would see it: pasted into a text area of an
 * ordinary loopback page with the keyboard (extension pages cannot be granted clipboard-read).
 */
export async function readClipboard(launched: Launched): Promise<string> {
  const server = await serveFolder(resolve('test/fixtures/e2e'));
  const page = await launched.context.newPage();
  try {
    await page.goto(`${server.origin}/paste.html`);
    await page.bringToFront();
    await page.locator('#paste').focus();
    await page.keyboard.press('ControlOrMeta+V');
    return await page.locator('#paste').inputValue();
  } finally {
    await page.close();
    await server.close();
  }
}
