/**
 * Launches Debian's Firefox ESR with the Firefox build (dist-firefox/) over WebDriver BiDi, the way
 * `web-ext run` loads it: a temporary add-on in a fresh profile. Shared by every test in test/firefox/.
 *
 * Two things Firefox does differently and this file copes with:
 * - every installation has its own `moz-extension://<UUID>` origin; the UUID is chosen here (random, as in
 *   real life) through the `extensions.webextensions.uuids` preference, so the tests know the page URLs;
 * - Firefox 153 opens moz-extension:// pages for a BiDi client only when started with
 *   `--remote-allow-system-access`, which also lets a test reach the browser's own window (the "chrome"
 *   scope): the sidebar, the permission prompt and the clipboard live there, out of reach of page scripts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../src/cli/install-host';

export const DIST_FIREFOX = resolve('dist-firefox');
export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** Firefox's id for the sidebar of an extension: the add-on id made into a widget id, plus a suffix. */
export const SIDEBAR_ID = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;
/** Every wait in these tests polls for a condition and gives up after this long. */
export const WAIT_MS = 15_000;

export interface LaunchOptions {
  /** Extra environment for Firefox (HOME decides where it looks for native messaging hosts on Linux). */
  env?: Record<string, string>;
}

export interface Firefox {
  browser: Browser;
  uuid: string;
  origin: string;
  /** Opens an extension page (path inside dist-firefox/) in a new tab and waits until it has loaded. */
  open(path: string): Promise<Page>;
  /** Opens an ordinary web page in a new tab. */
  visit(url: string): Promise<Page>;
  /** Runs `expression` in the browser's own window (privileged), awaiting it when it is a promise. */
  chrome<T>(expression: string): Promise<T>;
  /** Forgets everything the extension stored, as a fresh installation would have, and closes its tabs. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

type BidiConnection = { send(method: string, params: object): Promise<{ result: Record<string, unknown> }> };
type NavigableFrame = { browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> } };

export async function launchFirefox(options: LaunchOptions = {}): Promise<Firefox> {
  if (!existsSync(resolve(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is missing: run `npm run build:firefox` first.');
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: install firefox-esr or set FIREFOX_PATH.`);
  mkdirSync('test-results', { recursive: true });
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en', ...options.env },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'intl.locale.requested': 'en-US',
      // No first-run pages, update checks or telemetry pings in the middle of a test.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  try {
    const installed = await browser.installExtension(DIST_FIREFOX);
    if (installed !== GECKO_ID) throw new Error(`Firefox installed the extension as ${installed}, not ${GECKO_ID}.`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}`;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  let chromeContext: string | null = null;
  async function chrome<T>(expression: string): Promise<T> {
    if (!chromeContext) {
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
      const contexts = tree.result.contexts as Array<{ context: string; url: string }>;
      const window = contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
      if (!window) throw new Error('Firefox did not show its browser window to BiDi (is --remote-allow-system-access set?).');
      chromeContext = window.context;
    }
    const answer = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => (${expression}))() ?? null))()`,
      target: { context: chromeContext },
      awaitPromise: true,
    });
    const result = answer.result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
    if (result.type !== 'success') throw new Error(`Browser-window script failed: ${result.exceptionDetails?.text ?? 'unknown error'}`);
    return JSON.parse(result.result?.value ?? 'null') as T;
  }

  async function load(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 420, height: 900 });
    // Firefox does not report a navigation into the extension's process to page.goto, which would wait
    // for it until its timeout; navigate the tab directly and wait for the document itself instead.
    await (page.mainFrame() as unknown as NavigableFrame).browsingContext.navigate(url, 'complete');
    await page.waitForFunction((expected: string) => location.href === expected && document.readyState === 'complete', { timeout: WAIT_MS }, url);
    return page;
  }

  return {
    browser,
    uuid,
    origin,
    open: (path) => load(`${origin}/${path.replace(/^\//, '')}`),
    visit: load,
    chrome,
    async reset() {
      const page = await load(`${origin}/${POPUP}`);
      await page.evaluate(async () => {
        type Api = { storage: Record<'local' | 'session', { clear(): Promise<void> }>; extension: { getViews(q: object): Window[] } };
        const api = (globalThis as unknown as { browser: Api }).browser;
        // Extension pages an earlier test left open in tabs (agent mode opened in a tab, popups) go too.
        for (const view of api.extension.getViews({ type: 'tab' })) if (view !== window) view.close();
        await Promise.all([api.storage.local.clear(), api.storage.session.clear()]);
      });
      await page.close();
    },
    close: () => browser.close(),
  };
}

export const POPUP = 'src/extension/popup/index.html';
export const AGENT = 'src/extension/agent/index.html';
export const OPTIONS = 'src/extension/options/index.html';

/** The first element matching `selector` whose trimmed text is exactly `text`, once there is one. */
export async function byText(page: Page, selector: string, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (css: string, wanted: string) => [...document.querySelectorAll(css)].find((element) => element.textContent?.trim() === wanted),
    { timeout: WAIT_MS },
    selector,
    text,
  );
  return handle as ElementHandle<Element>;
}

/** The form control a <label> with exactly this text names. */
export async function byLabel(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (wanted: string) => {
      const label = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === wanted);
      return label?.control ?? null;
    },
    { timeout: WAIT_MS },
    text,
  );
  return handle as ElementHandle<Element>;
}

/** Waits until `selector` matches an element whose text matches `pattern`, and returns that text. */
export async function textOf(page: Page, selector: string, pattern: RegExp, timeout = WAIT_MS): Promise<string> {
  const handle = await page.waitForFunction(
    (css: string, source: string, flags: string) => {
      const wanted = new RegExp(source, flags);
      const texts = [...document.querySelectorAll(css)].map((element) => element.textContent?.trim() ?? '');
      return texts.find((text) => wanted.test(text)) ?? null;
    },
    { timeout },
    selector,
    pattern.source,
    pattern.flags,
  );
  return (await handle.jsonValue()) as string;
}

/** Waits until `condition` (run in the page) is true. */
export async function until(page: Page, condition: string, timeout = WAIT_MS): Promise<void> {
  await page.waitForFunction(condition, { timeout });
}

/** Types into a field the way a person does, replacing what it held. */
export async function typeInto(field: ElementHandle<Element>, text: string): Promise<void> {
  await field.click({ count: 3 });
  await field.evaluate((element) => {
    (element as HTMLInputElement).select?.();
  });
  await field.type(text);
}

/** Polls a browser-window expression until it yields something other than null/false, and returns it. */
export async function untilChrome<T>(firefox: Firefox, expression: string, timeout = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await firefox.chrome<T | null | false>(expression);
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting in the browser window for: ${expression}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
}

/** Whether the browser window shows this extension's sidebar (Firefox's `sidebar_action`). */
export const SIDEBAR_OPEN = `SidebarController.isOpen && SidebarController.currentID === ${JSON.stringify(SIDEBAR_ID)}`;

/**
 * A PNG of the sidebar as the person sees it, drawn by the browser window (the sidebar is part of the
 * browser's own window, which BiDi cannot screenshot).
 */
export async function sidebarScreenshot(firefox: Firefox, path: string): Promise<void> {
  const url = await firefox.chrome<string>(`(async () => {
    const panel = SidebarController.browser.contentDocument.getElementById('webext-panels-browser');
    const bitmap = await panel.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
    const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    return canvas.toDataURL('image/png');
  })()`);
  writeFileSync(path, Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

/**
 * What the clipboard holds, read the way a person sees it: pasted with the keyboard into a text area of
 * an ordinary loopback page.
 */
export async function readClipboard(firefox: Firefox, pasteUrl: string): Promise<string> {
  const page = await firefox.visit(pasteUrl);
  try {
    await page.bringToFront();
    await page.focus('#paste');
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    const handle = await page.waitForFunction(() => (document.querySelector('#paste') as HTMLTextAreaElement).value || null, { timeout: WAIT_MS });
    return (await handle.jsonValue()) as string;
  } finally {
    await page.close();
  }
}
