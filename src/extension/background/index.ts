/**
 * Background service worker. Listeners are registered synchronously at the top level, as MV3
 * requires, so an event that wakes the worker is never missed.
 */
import type { Runtime } from '../platform/browser';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { pageKey, parseMessage, type Message, type Reply } from '../platform/messages';
import { readState, writeItems } from '../settings/storage';
import { openFromHint, syncContentScripts } from './pages';
import { CONTEXT_MENU_ID, openAgentMode } from '../agent/open';
import { runCheck } from './probe-client';
import { restartForNativeMessaging, restoreAfterRestart } from './restart';

browser.runtime.onInstalled.addListener(() => {
  // Validate and repair what an earlier version stored before any page reads it.
  void readState().then(() => syncContentScripts());
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: t('contextMenuCheck'), contexts: ['selection'] }),
  );
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === CONTEXT_MENU_ID) void openAgentMode(info.selectionText ?? '', tab);
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command !== 'open-agent-mode') return;
  // The panel is asked for first, while the key press still counts as a gesture (Firefox forgets it at
  // the first await); the selection follows.
  void openAgentMode(readSelection(tab), tab);
});

/** The active tab's selection; activeTab grants this one tab for this one gesture, nothing more is needed. */
async function readSelection(tab?: { id?: number }): Promise<string> {
  if (tab?.id === undefined) return '';
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => String(globalThis.getSelection?.() ?? '').slice(0, 320),
    });
    return typeof result?.result === 'string' ? result.result : '';
  } catch {
    // Pages the extension may not script (the browser's own pages): open without a selection.
    return '';
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
  const message = parseMessage(raw);
  if (!message) return Promise.resolve({ ok: false, message: 'Unknown or malformed message.' });
  // Only extension pages (popup, agent panel, options) may start checks; a content script only reports its page.
  const fromExtensionPage = sender.url?.startsWith(browser.runtime.getURL('')) ?? false;
  switch (message.type) {
    case 'check:start':
      if (!fromExtensionPage) return Promise.resolve({ ok: false, message: 'Checks start from the extension only.' });
      void runCheck(message.input, { local: message.local });
      return Promise.resolve({ ok: true });
    case 'hint:open':
      return openFromHint(message).then(() => ({ ok: true }) as const);
    case 'hint:dismiss': {
      const site = sender.url ? new URL(sender.url).hostname : '';
      if (!site) return Promise.resolve({ ok: false, message: 'No site to remember.' });
      return readState()
        .then((state) => writeItems({ dismissedSites: [...state.dismissedSites.filter((s) => s !== site), site].slice(-500) }))
        .then(() => ({ ok: true }) as const);
    }
    case 'page:classified': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve({ ok: false, message: 'Page reports come from tabs.' });
      return keepPageReport(tabId, { ...message, frameId: sender.frameId ?? 0 }).then(() => ({ ok: true }) as const);
    }
    case 'page:left': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve({ ok: false, message: 'Page reports come from tabs.' });
      return dropPageReport(tabId, sender.frameId ?? 0).then(() => ({ ok: true }) as const);
    }
  }
});

type PageReport = Extract<Message, { type: 'page:classified' }> & { frameId: number };

/**
 * What the popup and its checklist take as the tab's page. A webmail's settings pane in a frame reports as
 * well as the page around it: the top page's report stands unless the frame shows an account's settings
 * and the top page only an article; any frame's report gives way to the top page's next one.
 */
function keepPageReport(tabId: number, report: PageReport): Promise<void> {
  return inTurn(tabId, async () => {
    const key = pageKey(tabId);
    const kept = (await browser.storage.session.get(key))[key] as Partial<PageReport> | undefined;
    if (report.frameId !== 0 && kept?.frameId === 0 && !(kept.kind === 'article' && report.kind === 'account')) return;
    await Promise.all([
      browser.storage.session.set({ [key]: report }),
      browser.action.setBadgeText({ tabId, text: '✓' }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' }),
      browser.action.setTitle({ tabId, title: t(report.kind === 'article' ? 'badgeArticle' : 'badgeAccount') }),
    ]);
  });
}

/**
 * The tab's report no longer holds: its page was left (`frameId` null: the tab loads a new page) or the
 * frame that made it moved on. The badge and the popup's prefill go with it, so a page the extension
 * does not run on, or one about something else, never shows the server of the page before it.
 */
function dropPageReport(tabId: number, frameId: number | null): Promise<void> {
  return inTurn(tabId, async () => {
    const key = pageKey(tabId);
    const kept = (await browser.storage.session.get(key))[key] as Partial<PageReport> | undefined;
    if (kept === undefined || (frameId !== null && kept.frameId !== frameId)) return;
    await Promise.all([
      browser.storage.session.remove(key),
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: t('actionTitle') }),
    ]);
  });
}

/** Each tab's report changes one step at a time, in the order the events came: a page's report never lands before its tab's "loading". */
const turns = new Map<number, Promise<void>>();
function inTurn(tabId: number, step: () => Promise<void>): Promise<void> {
  const next = (turns.get(tabId) ?? Promise.resolve()).then(step, step);
  const settled = next.catch(() => undefined);
  turns.set(tabId, settled);
  void settled.then(() => {
    if (turns.get(tabId) === settled) turns.delete(tabId);
  });
  return next;
}

browser.runtime.onStartup.addListener(() => void syncContentScripts());
browser.permissions.onAdded.addListener((added) => {
  void syncContentScripts();
  if (added.permissions?.includes('nativeMessaging')) void restartForNativeMessaging();
});
void restoreAfterRestart();
browser.permissions.onRemoved.addListener(() => void syncContentScripts());
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.options) void syncContentScripts();
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(pageKey(tabId));
});

// A new page in the tab (a link followed, reloaded, another site typed in): the last page's report goes.
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading') void dropPageReport(tabId, null);
});

// Exposed for the end-to-end tests, which cannot click a native context menu: they call the
// same handler the menu calls.
(globalThis as { smtpPortAssistant?: unknown }).smtpPortAssistant = {
  openAgentMode: (selection: string) => openAgentMode(selection),
};
