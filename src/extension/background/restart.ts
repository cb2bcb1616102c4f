/**
 * Chrome binds `runtime.sendNativeMessage` only in pages and workers started after a run-time grant of the
 * optional `nativeMessaging` permission, so after "Turn on" the extension restarts itself, once no check
 * is running. A restart clears storage.session, which holds the last check: it is carried across in
 * storage.local and put back when the new worker starts, so the person finds their result where it was.
 */
import { browser } from '../browser';
import { CHECK_KEY, type CheckState } from '../check-state';
import { hasNativeMessaging } from '../local-probe';
import { POPUP_VIEW_KEY } from '../messages';
import { readState, writeItems } from '../storage';
import { whenIdle } from './probe-client';

/** A carried check older than this came from some other, long-gone restart: it is dropped. */
const CARRY_MS = 120_000;

let restarting = false;

export async function restartForNativeMessaging(): Promise<void> {
  if (hasNativeMessaging() || restarting) return;
  restarting = true;
  await whenIdle();
  const stored = await browser.storage.session.get(CHECK_KEY);
  const check = stored[CHECK_KEY] as CheckState | undefined;
  if (check && check.status !== 'running') await writeItems({ carriedCheck: { savedAt: Date.now(), check } });
  browser.runtime.reload();
}

/**
 * Puts back the check carried across a restart, unless a newer one has started since, and opens the popup
 * on it again: "Turn on" is pressed in the check view, so that is where the person left.
 */
export async function restoreAfterRestart(): Promise<void> {
  const { carriedCheck } = await readState();
  if (!carriedCheck) return;
  await writeItems({ carriedCheck: null });
  if (Date.now() - carriedCheck.savedAt > CARRY_MS) return;
  const stored = await browser.storage.session.get(CHECK_KEY);
  if (stored[CHECK_KEY] === undefined) await browser.storage.session.set({ [CHECK_KEY]: carriedCheck.check, [POPUP_VIEW_KEY]: 'check' });
}
