/**
 * Launches the system Chromium with the built extension, the way a person loads it unpacked.
 * Shared by every e2e test; `profile` lets a test restart the browser on the same profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
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

export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const profile = options.profile ?? (await newProfile());
  const locale = options.locale ?? 'en';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    locale,
    colorScheme: options.colorScheme ?? 'light',
    env: { ...process.env, LANGUAGE: locale, LANG: locale === 'es' ? 'es_ES.UTF-8' : 'en_US.UTF-8' },
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
