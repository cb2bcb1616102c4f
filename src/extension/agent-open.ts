/**
 * Agent mode: the side panel (Chrome) or sidebar (Firefox) where a support agent checks a
 * customer's domain. It opens from the context menu on a selection, from the keyboard shortcut,
 * or from the popup; the target travels through storage.session, never through the page.
 */
import { browser } from './browser';
import { AGENT_INPUT_KEY } from './messages';

export const AGENT_PAGE = 'src/extension/agent/index.html';
export const CONTEXT_MENU_ID = 'check-selection';

/** What a selection must look like to be offered as a target: short, one line, no spaces. */
export function cleanSelection(selection: string): string {
  return selection.trim().replace(/^mailto:/i, '').slice(0, 320);
}

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * Open agent mode with `input` prefilled. The side panel can only open in answer to a gesture;
 * when the browser refuses (or has no side panel), agent mode opens in a tab instead.
 */
export async function openAgentMode(input: string, tab?: { id?: number; windowId?: number }): Promise<'panel' | 'tab'> {
  // Saved first: the panel reads it when it opens, and reacts to it when it is already open.
  await browser.storage.session.set({ [AGENT_INPUT_KEY]: { input: cleanSelection(input), at: Date.now() } });
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (sidePanel && tab?.windowId !== undefined) {
      await sidePanel.open({ windowId: tab.windowId });
      return 'panel';
    }
    if (sidebar) {
      await sidebar.open();
      return 'panel';
    }
  } catch {
    // No user gesture (or no panel support): fall through to a tab.
  }
  await browser.tabs.create({ url: browser.runtime.getURL(AGENT_PAGE) });
  return 'tab';
}
