/**
 * The page hint in Firefox: the content script runs on a served help article (the manifest's loopback
 * match), shows its banner inside an open shadow root, marks the tab's toolbar button, and its action
 * opens the checklist for the article's mail client.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';
import { launchFirefox, OPTIONS, POPUP, WAIT_MS, type Firefox } from './firefox';

let firefox: Firefox;
let pages: StaticServer;
let demo: StaticServer;
let e2e: StaticServer;
/** The same files from another origin: a frame of another site. */
let elsewhere: StaticServer;

beforeAll(async () => {
  pages = await serveFolder(resolve('test/fixtures/pages'));
  demo = await serveFolder(resolve('scripts/demo'));
  e2e = await serveFolder(resolve('test/fixtures/e2e'));
  elsewhere = await serveFolder(resolve('test/fixtures/e2e'));
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await pages?.close();
  await demo?.close();
  await e2e?.close();
  await elsewhere?.close();
});

/** The hint's text once it is shown (it lives in an open shadow root, out of reach of page CSS). */
async function hintText(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => document.querySelector('smtp-port-assistant-hint')?.shadowRoot?.querySelector('aside')?.textContent || null,
    { timeout: WAIT_MS },
  );
  return (await handle.jsonValue()) as string;
}

/** Opens the hint's full note with a real click on its toggle (it starts as one line) and waits until it shows. */
async function openHint(page: Page): Promise<void> {
  const toggle = await page.waitForFunction(
    () => document.querySelector('smtp-port-assistant-hint')?.shadowRoot?.querySelector('aside button.toggle') ?? null,
    { timeout: WAIT_MS },
  );
  const element = toggle.asElement() as ElementHandle<HTMLButtonElement>;
  if ((await element.evaluate((button) => button.getAttribute('aria-expanded'))) === 'false') await element.click();
  await page.waitForFunction(
    () => {
      const aside = document.querySelector('smtp-port-assistant-hint')?.shadowRoot?.querySelector('aside');
      const steps = [...(aside?.querySelectorAll('button') ?? [])].find((button) => /^(Steps for|Check) /.test(button.textContent ?? ''));
      return aside?.querySelector('button.toggle')?.getAttribute('aria-expanded') === 'true' && (steps?.getBoundingClientRect().height ?? 0) > 0;
    },
    { timeout: WAIT_MS },
  );
}

/** Every tab's stored page report (its server) and how many tabs' toolbar buttons are marked, read by the extension itself. */
async function tabReports(): Promise<{ servers: Array<string | null>; marked: number }> {
  const view = await firefox.open(POPUP);
  try {
    return await view.evaluate(async () => {
      type Api = {
        tabs: { query(q: object): Promise<Array<{ id: number }>> };
        action: { getBadgeText(d: object): Promise<string> };
        storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
      };
      const api = (globalThis as unknown as { browser: Api }).browser;
      const stored = await api.storage.session.get(null);
      const servers = Object.entries(stored)
        .filter(([key]) => key.startsWith('page:'))
        .map(([, value]) => (value as { settings: { outgoingServer: string | null } }).settings.outgoingServer);
      const tabs = await api.tabs.query({});
      const badges = await Promise.all(tabs.map((tab) => api.action.getBadgeText({ tabId: tab.id })));
      return { servers, marked: badges.filter((badge) => badge === '✓').length };
    });
  } finally {
    await view.close();
  }
}

/** Polls `read` until `done` says so or the wait runs out; returns the last reading. */
async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + WAIT_MS;
  let last = await read();
  while (!done(last) && Date.now() < until) {
    await new Promise((done) => setTimeout(done, 250));
    last = await read();
  }
  return last;
}

describe('page hint in Firefox', () => {
  it('shows the banner on a help article with its server and client, and marks only that tab', async () => {
    const page = await firefox.visit(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
    await page.setViewport({ width: 1100, height: 800 });
    await openHint(page);
    const text = await hintText(page);
    expect(text).toContain('This page is about outgoing mail settings');
    expect(text).toMatch(/smtp\.[a-z.-]+/);
    expect(text).toContain('Steps for Mozilla Thunderbird');
    expect(await page.$$eval('smtp-port-assistant-hint', (hosts) => hosts.length)).toBe(1);
    await page.screenshot({ path: 'test-results/firefox-page-hint.png' });

    // The badge, read by the extension itself: Firefox, like Chrome, gives tab ids without "tabs".
    const popup = await firefox.open(POPUP);
    const badges = await popup.evaluate(async () => {
      type Api = { tabs: { query(q: object): Promise<Array<{ id: number }>> }; action: { getBadgeText(d: object): Promise<string> } };
      const api = (globalThis as unknown as { browser: Api }).browser;
      const tabs = await api.tabs.query({});
      return Promise.all(tabs.map((tab) => api.action.getBadgeText({ tabId: tab.id })));
    });
    expect(badges.filter((badge) => badge === '✓')).toHaveLength(1);
    await popup.close();

    // "Steps for …" opens the checklist for that client: in the toolbar popup when Firefox allows it
    // without a gesture of its own, else in a small popup window. Either way it is an extension view.
    const steps = await page.waitForFunction(
      () => {
        const buttons = document.querySelector('smtp-port-assistant-hint')?.shadowRoot?.querySelectorAll('button') ?? [];
        return [...buttons].find((button) => button.textContent?.includes('Steps for Mozilla Thunderbird')) ?? null;
      },
      { timeout: WAIT_MS },
    );
    await (steps.asElement() as ElementHandle<HTMLButtonElement>).click();
    const views = await firefox.open(OPTIONS);
    const shown = await views.waitForFunction(
      (path: string) => {
        const api = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser;
        const popups = api.extension.getViews().filter((view) => view.location.pathname === `/${path}`);
        const heading = popups.map((view) => view.document.querySelector('.current-client')?.textContent ?? '').find((text) => text.includes('Mozilla Thunderbird'));
        return heading ?? null;
      },
      { timeout: WAIT_MS },
      POPUP,
    );
    expect(await shown.jsonValue()).toContain('Mozilla Thunderbird');
    await views.close();
    await page.close();
  });

  it('shows the hint on the demo article that `npm start -- --firefox` opens', async () => {
    const page = await firefox.visit(`${demo.origin}/`);
    await page.setViewport({ width: 1100, height: 800 });
    await openHint(page);
    expect(await hintText(page)).toContain('outgoing mail');
    await page.screenshot({ path: 'test-results/firefox-page-hint-demo.png' });
    await page.close();
  });

  it("drops an article's report when its tab goes to another page", async () => {
    const page = await firefox.visit(`${pages.origin}/en-uni-thunderbird-outgoing-server.html`);
    await hintText(page);
    const marked = (reports: { marked: number }) => reports.marked === 1;
    expect(await settle(tabReports, marked)).toEqual({ servers: ['smtp.eastmoor.example'], marked: 1 });
    await page.goto(`${pages.origin}/en-router-port-forwarding.html`);
    const left = await settle(tabReports, (reports) => reports.servers.length === 0 && reports.marked === 0);
    expect(left).toEqual({ servers: [], marked: 0 });
    // Going back is left to the Chromium suite: here, under WebDriver BiDi, Firefox ESR's tab crashed now
    // and then on history.back() and goBack() waited for a "load" a page from the cache never fires, with
    // the extension's earlier version as well.
    await page.close();
  });

  it('stays away from a near miss: a router port-forwarding page', async () => {
    const page = await firefox.visit(`${pages.origin}/en-router-port-forwarding.html`);
    const hostCount = await page.evaluate(
      () =>
        new Promise<number>((resolvePromise) => {
          // Longer than the bootstrap's settle and late-look delays (as in the Chromium suite).
          setTimeout(() => resolvePromise(document.querySelectorAll('smtp-port-assistant-hint').length), 2500);
        }),
    );
    expect(hostCount).toBe(0);
    await page.close();
  });

  it("shows the account hint when a webmail's identity dialog opens without navigation, and in the webmail's own settings frame, not in another site's", async () => {
    const page = await firefox.visit(`${e2e.origin}/webmail/`);
    await page.setViewport({ width: 1100, height: 800 });
    await page.locator('#open-identity').click();
    expect(await hintText(page)).toContain('For sending: port 587 with STARTTLS');

    const settings = await firefox.visit(`${e2e.origin}/webmail/settings.html`);
    const pane = settings.frames().find((frame) => frame.url().endsWith('/webmail/identity.html'));
    expect(pane).toBeDefined();
    const shown = await pane!.waitForFunction(
      () => document.querySelector('smtp-port-assistant-hint')?.shadowRoot?.querySelector('aside')?.textContent || null,
      { timeout: WAIT_MS },
    );
    expect(await shown.jsonValue()).toContain('For sending: port 587 with STARTTLS');

    // The same form in another site's frame: Firefox keeps the content script out of it too.
    const framed = await firefox.visit(`${e2e.origin}/webmail/settings.html?pane=${encodeURIComponent(`${elsewhere.origin}/webmail/identity.html`)}`);
    const other = framed.frames().find((frame) => frame.url().startsWith(elsewhere.origin));
    expect(other).toBeDefined();
    await other!.waitForSelector('#smtp-port', { timeout: WAIT_MS });
    await new Promise((done) => setTimeout(done, 2500));
    expect(await other!.evaluate(() => document.querySelectorAll('smtp-port-assistant-hint').length)).toBe(0);
  });
});
