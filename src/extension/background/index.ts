/**
 * Background service worker. Listeners are registered synchronously at the top level, as MV3
 * requires, so an event that wakes the worker is never missed.
 */
import type { Runtime } from '../platform/browser';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { pageKey, parseMessage, type Reply } from '../platform/messages';
import { refreshPolicy } from '../settings/options';
import { readState, writeItems } from '../settings/storage';
import { effectiveReport, withoutReports, withReport, type FrameReports, type PageReport } from './page-reports';
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
      // A page being prerendered, or kept in the back-forward cache, is not what the tab shows.
      const lifecycle = (sender as { documentLifecycle?: string }).documentLifecycle;
      if (lifecycle !== undefined && lifecycle !== 'active') return Promise.resolve({ ok: false, message: 'Only a shown page reports.' });
      return keepPageReport(tabId, { ...message, frameId: sender.frameId ?? 0, at: Date.now() }).then(() => ({ ok: true }) as const);
    }
    case 'page:left': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return Promise.resolve({ ok: false, message: 'Page reports come from tabs.' });
      const frameId = sender.frameId ?? 0;
      return updateReports(tabId, (frames) => withoutReports(frames, (report) => report.frameId === frameId && report.document === message.document)).then(
        () => ({ ok: true }) as const,
      );
    }
  }
});

/** Storage keys: the frames' reports of a tab, beside the report the popup reads (`pageKey`). */
const framesKey = (tabId: number): string => `frames:${tabId}`;

function keepPageReport(tabId: number, report: PageReport): Promise<void> {
  return updateReports(tabId, (frames) => withReport(frames, report));
}

/**
 * Changes a tab's frame reports with `change` and puts the badge, its title and the popup's report in
 * line with the result: with no report left, the tab's button is as it was before any page reported, so
 * a page the extension does not run on, or one about something else, never shows the server of the page
 * before it.
 */
function updateReports(tabId: number, change: (frames: FrameReports) => FrameReports): Promise<void> {
  return inTurn(tabId, async () => {
    const key = framesKey(tabId);
    const before = ((await browser.storage.session.get(key))[key] as FrameReports | undefined) ?? {};
    const after = change(before);
    const report = effectiveReport(after);
    if (report === null) {
      if (Object.keys(before).length === 0) return;
      await browser.storage.session.remove([key, pageKey(tabId)]);
      await Promise.all([browser.action.setBadgeText({ tabId, text: '' }), browser.action.setTitle({ tabId, title: t('actionTitle') })]);
      return;
    }
    await browser.storage.session.set({ [key]: after, [pageKey(tabId)]: report });
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: '✓' }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#1a7f37' }),
      browser.action.setTitle({ tabId, title: t(report.kind === 'article' ? 'badgeArticle' : 'badgeAccount') }),
    ]);
  });
}

/** Each tab's reports change one step at a time, in the order the messages came: a page's leaving and the next page's report never cross. */
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
  if (area === 'managed') void refreshPolicy();
});


/** Drops a tab's reports once the tab is gone; in turn, so that a report still being kept cannot put its keys back. */
function forgetTab(tabId: number): void {
  void inTurn(tabId, () => browser.storage.session.remove([framesKey(tabId), pageKey(tabId)])).catch(() => undefined);
}
browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));
// A tab Chromium gives a new id (a discarded tab, to save memory) is not "removed": its reports would
// outlive it under an id no tab has any more. Its page reports again once it is loaded again.
browser.tabs.onReplaced.addListener((_addedTabId, removedTabId) => forgetTab(removedTabId));

// Exposed for the end-to-end tests, which cannot click a native context menu: they call the
// same handler the menu calls.
(globalThis as { smtpPortAssistant?: unknown }).smtpPortAssistant = {
  openAgentMode: (selection: string) => openAgentMode(selection),
};
