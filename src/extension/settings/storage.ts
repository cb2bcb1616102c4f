/**
 * Every stored item goes through here: one read that validates and repairs, and small writes that
 * each save at once (the popup is unloaded the moment it closes, so nothing waits for a "save").
 */
import { browser } from '../platform/browser';
import { DEFAULTS, loadState, type ClientProgress, type StoredKey, type StoredState } from './storage-schema';

export type { ClientProgress, StoredState } from './storage-schema';

let loading: Promise<StoredState> | null = null;

// Another page (options, popup, agent panel) or a policy import may write at any time: the next
// read validates afresh instead of trusting this page's copy.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') loading = null;
});

/** Read, validate and repair everything once per page; later calls share the result. */
export function readState(): Promise<StoredState> {
  loading ??= (async () => {
    let stored: Record<string, unknown> = {};
    try {
      stored = await browser.storage.local.get(null);
    } catch (error) {
      console.warn('SMTP Port Assistant: could not read saved progress, starting fresh.', error);
      return structuredClone(DEFAULTS);
    }
    const { state, repaired, obsolete } = loadState(stored);
    if (repaired.length > 0) {
      const fixes: Partial<StoredState> = {};
      for (const key of repaired) (fixes as Record<StoredKey, unknown>)[key] = state[key];
      await browser.storage.local.set(fixes);
    }
    if (obsolete.length > 0) await browser.storage.local.remove(obsolete);
    return state;
  })();
  return loading;
}

export async function writeItems(items: Partial<StoredState>): Promise<void> {
  await browser.storage.local.set(items);
  // This page's own write: the next read must see it. storage.onChanged is not enough, because Firefox
  // resolves set() before it tells this page's listeners, so a read right after the write got the old copy.
  loading = null;
}

export async function saveProgress(clientId: string, done: string[]): Promise<Record<string, ClientProgress>> {
  const state = await readState();
  const progress = { ...state.progress, [clientId]: { done, updatedAt: Date.now() } };
  await writeItems({ progress });
  return progress;
}

export async function clearProgress(clientId: string): Promise<Record<string, ClientProgress>> {
  const state = await readState();
  const progress = { ...state.progress };
  delete progress[clientId];
  await writeItems({ progress });
  return progress;
}
