/**
 * Agent mode in Firefox, where it is a sidebar (`sidebar_action`) instead of Chrome's side panel: it opens
 * from the popup, from the `menus` context menu on a selection and from the keyboard shortcut, each a
 * gesture Firefox honours only when the sidebar is asked for before anything is awaited. The check runs
 * against the loopback Postfix through the real probe service, and the reply is copied.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serveFolder, type StaticServer } from '../../scripts/lib/static-server';
import { ensurePostfix, startProbeService, type RunningService } from '../e2e/services';
import {
  AGENT,
  byLabel,
  byText,
  launchFirefox,
  OPTIONS,
  POPUP,
  readClipboard,
  SIDEBAR_OPEN,
  sidebarScreenshot,
  textOf,
  typeInto,
  untilChrome,
  WAIT_MS,
  type Firefox,
} from './firefox';

let firefox: Firefox;
let service: RunningService;
let e2e: StaticServer;

beforeAll(async () => {
  await ensurePostfix();
  service = await startProbeService(8587);
  e2e = await serveFolder(resolve('test/fixtures/e2e'));
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await service?.stop();
  await e2e?.close();
});

beforeEach(async () => {
  await firefox.chrome('SidebarController.hide()');
  await firefox.reset();
});

type SidebarAsk = { input: true } | { click: string } | { text: string; pattern: string };

/**
 * Looks into (or clicks in) the sidebar's document from an ordinary page of the same extension, polling
 * until the answer is there. Extension pages forbid eval, so the questions are a fixed set.
 */
async function inSidebar(viewer: Page, ask: SidebarAsk, timeout = WAIT_MS): Promise<string> {
  const handle = await viewer.waitForFunction(
    (question: SidebarAsk) => {
      const api = (globalThis as unknown as { browser: { extension: { getViews(q: object): Window[] } } }).browser;
      const doc = api.extension.getViews({ type: 'sidebar' })[0]?.document;
      if (!doc?.querySelector('#app > *')) return null;
      if ('input' in question) return (doc.querySelector('#agent-target') as HTMLInputElement | null)?.value || null;
      if ('click' in question) {
        const button = [...doc.querySelectorAll('button')].find((element) => element.textContent?.trim() === question.click);
        button?.click();
        return button ? 'clicked' : null;
      }
      const text = doc.querySelector(question.text)?.textContent ?? '';
      return new RegExp(question.pattern).test(text) ? text : null;
    },
    { timeout },
    ask,
  );
  return (await handle.jsonValue()) as string;
}

describe('agent mode in Firefox', () => {
  it('opens in the sidebar from the popup with the last input, and checks from there', async () => {
    const popup = await firefox.open(POPUP);
    await (await byText(popup, 'button', 'Check server')).click();
    await typeInto(await byLabel(popup, 'Email address, domain or server'), 'localhost');
    await (await byText(popup, 'button', 'Check')).click();
    await textOf(popup, '[data-testid="recommendation"]', /port (587|465)/, 45_000);
    await (await byText(popup, 'button', 'Agent mode')).click();
    await untilChrome(firefox, SIDEBAR_OPEN);

    const viewer = await firefox.open(OPTIONS);
    expect(await inSidebar(viewer, { input: true })).toBe('localhost');
    // Start the check in the sidebar itself and wait for its answer there.
    await inSidebar(viewer, { click: 'Check' });
    const sentence = await inSidebar(viewer, { text: '[data-testid="recommendation"]', pattern: 'port (587|465)' }, 45_000);
    expect(sentence).toMatch(/localhost, port (587|465)/);
    await sidebarScreenshot(firefox, 'test-results/firefox-sidebar.png');
    await viewer.close();
  });

  it('copies a customer-ready reply with the port and the chosen client\'s steps', async () => {
    const page = await firefox.open(AGENT);
    await typeInto(await byLabel(page, 'Email address, domain or server'), 'localhost');
    await (await byText(page, 'button', 'Check')).click();
    const sentence = await textOf(page, '[data-testid="recommendation"]', /port (587|465)/, 45_000);
    const port = sentence.includes('port 465') ? '465' : '587';
    const program = await byLabel(page, "Customer's mail program");
    await program.select('thunderbird');
    await (await byText(page, 'button', 'Copy reply')).click();
    await textOf(page, 'body', /Reply copied\. Paste it into the chat\./);
    const reply = await readClipboard(firefox, `${e2e.origin}/paste.html`);
    expect(reply).toContain(`Port: ${port}`);
    expect(reply).toContain('Steps in Mozilla Thunderbird');
    expect(reply).toContain(`25 to ${port}`);
    await page.close();
  });

  it('the context menu on a selection opens the sidebar with the selected address', async () => {
    const page = await firefox.visit(`${e2e.origin}/paste.html`);
    await page.evaluate(() => {
      const text = document.createElement('p');
      text.id = 'address';
      text.textContent = 'customer@localhost';
      document.body.append(text);
      getSelection()?.selectAllChildren(text);
    });
    const box = await (await page.$('#address'))!.boundingBox();
    await page.mouse.click(box!.x + 10, box!.y + box!.height / 2, { button: 'right' });
    // The browser's own context menu, with the extension's item (created through `menus`).
    const label = await untilChrome<string>(
      firefox,
      `(() => { const menu = document.getElementById('contentAreaContextMenu'); if (menu.state !== 'open') return null;
        const item = [...menu.querySelectorAll('menuitem')].find((m) => /Check outgoing mail settings for/.test(m.label ?? ''));
        return item && !item.hidden ? item.label : null; })()`,
    );
    expect(label).toBe('Check outgoing mail settings for “customer@localhost”');
    await firefox.chrome(`(() => { const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((m) => /Check outgoing mail settings for/.test(m.label ?? ''));
      menu.activateItem(item); return true; })()`);
    await untilChrome(firefox, SIDEBAR_OPEN);
    const viewer = await firefox.open(OPTIONS);
    expect(await inSidebar(viewer, { input: true })).toBe('customer@localhost');
    await viewer.close();
    await page.close();
  });

  it('the keyboard shortcut reads the page\'s selection and opens the sidebar with it', async () => {
    const page = await firefox.visit(`${e2e.origin}/paste.html`);
    await page.evaluate(() => {
      const text = document.createElement('p');
      text.textContent = 'helpdesk@localhost';
      document.body.append(text);
      getSelection()?.selectAllChildren(text);
    });
    // Firefox binds the manifest's shortcut as a <key> in the browser window (BiDi key presses stay in the
    // page and never reach the window's key handling). It must be Ctrl+Shift+Y, and firing it runs the
    // same code a key press does: the command, with this tab's activeTab grant and the gesture.
    const key = await firefox.chrome<{ key: string; modifiers: string }>(`(() => {
      const key = document.querySelector('#ext-keyset-id-smtp-port-assistant_smtp-port-assistant_org key');
      return key && { key: key.getAttribute('key'), modifiers: key.getAttribute('modifiers') };
    })()`);
    expect(key).toEqual({ key: 'Y', modifiers: 'accel,shift' });
    await firefox.chrome(`document.querySelector('#ext-keyset-id-smtp-port-assistant_smtp-port-assistant_org key').doCommand()`);
    await untilChrome(firefox, SIDEBAR_OPEN);
    const viewer = await firefox.open(OPTIONS);
    expect(await inSidebar(viewer, { input: true })).toBe('helpdesk@localhost');
    await viewer.close();
    await page.close();
  });

  it('without a gesture (the handler called directly), agent mode opens in a tab instead', async () => {
    const viewer = await firefox.open(OPTIONS);
    const where = await viewer.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
      const background = (await api.runtime.getBackgroundPage()) as unknown as { smtpPortAssistant: { openAgentMode(s: string): Promise<string> } };
      return background.smtpPortAssistant.openAgentMode('  mailto:Customer@Example.COM ');
    });
    expect(where).toBe('tab');
    expect(await firefox.chrome<boolean>(SIDEBAR_OPEN)).toBe(false);
    const tab = await viewer.waitForFunction(
      (path: string) => {
        const api = (globalThis as unknown as { browser: { extension: { getViews(q: object): Window[] } } }).browser;
        const view = api.extension.getViews({ type: 'tab' }).find((w) => w.location.pathname === `/${path}`);
        return (view?.document.querySelector('input') as HTMLInputElement | null)?.value || null;
      },
      { timeout: WAIT_MS },
      AGENT,
    );
    expect(await tab.jsonValue()).toBe('Customer@Example.COM');
    await viewer.close();
  });
});
