/**
 * The check carried across the extension restart that Chrome needs after "Turn on" (background/restart.ts
 * saves it): put back into storage.session, with the popup's view on it, unless a newer check has started
 * since. Both the new worker and a popup opened before the worker got to it call this; doing it twice
 * writes the same values, so whichever comes first wins the race harmlessly.
 */
import { browser } from '../platform/browser';
import { CHECK_KEY } from './check-state';
import { POPUP_VIEW_KEY } from '../platform/messages';
import { readState, writeItems } from '../settings/storage';

/** A carried check older than this came from some other, long-gone restart: it is dropped. */
export const CARRY_MS = 120_000;

export async function restoreCarriedCheck(): Promise<void> {
  const { carriedCheck } = await readState();
  if (!carriedCheck) return;
  if (Date.now() - carriedCheck.savedAt <= CARRY_MS) {
    const stored = await browser.storage.session.get(CHECK_KEY);
    if (stored[CHECK_KEY] === undefined) await browser.storage.session.set({ [CHECK_KEY]: carriedCheck.check, [POPUP_VIEW_KEY]: 'check' });
  }
  // Dropped only once it is back in place: a popup reading in between finds one or the other, never neither.
  await writeItems({ carriedCheck: null });
}
