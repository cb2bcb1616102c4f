/**
 * Agent mode: the side panel (Chrome) or sidebar (Firefox) where a support agent checks a
 * customer's domain. It opens from the context menu on a selection, from the keyboard shortcut,
 * or from the popup; the target travels through storage.session, never through the page.
 */
import { browser } from '../platform/browser';
import { AGENT_INPUT_KEY } from '../platform/messages';

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
 * Asks for the side panel (Chrome) or sidebar (Firefox, `sidebar_action`). Both open only while the
 * gesture that asked for them is being handled, and Firefox ends that at the first `await`: so this is
 * called synchronously, before anything else is awaited. Resolves to whether a panel opened.
 */
function requestPanel(tab?: { id?: number; windowId?: number }): Promise<boolean> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (sidePanel && tab?.windowId !== undefined) return sidePanel.open({ windowId: tab.windowId }).then(() => true, () => false);
    if (sidebar) return sidebar.open().then(() => true, () => false);
  } catch {
    // Thrown rather than rejected by some versions when there is no gesture.
  }
  return Promise.resolve(false);
}

/**
 * Open agent mode with `input` prefilled (or with what `input` resolves to: the keyboard shortcut reads
 * the page's selection only after the panel was asked for). When the browser refuses the panel (no
 * gesture, or no panel support), agent mode opens in a tab instead. The input travels through
 * storage.session: the panel reads it when it opens and reacts to it when it is already open.
 */
export async function openAgentMode(input: string | Promise<string>, tab?: { id?: number; windowId?: number }): Promise<'panel' | 'tab'> {
  const opening = requestPanel(tab);
  await browser.storage.session.set({ [AGENT_INPUT_KEY]: { input: cleanSelection(await input), at: Date.now() } });
  if (await opening) return 'panel';
  await browser.tabs.create({ url: browser.runtime.getURL(AGENT_PAGE) });
  return 'tab';
}
