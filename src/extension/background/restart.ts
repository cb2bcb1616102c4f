/**
 * Chrome binds `runtime.sendNativeMessage` only in pages and workers started after a run-time grant of the
 * optional `nativeMessaging` permission, so after "Turn on" the extension restarts itself, once no check
 * is running. A restart clears storage.session, which holds the last check: it is carried across in
 * storage.local and put back when the new worker starts, so the person finds their result where it was.
 */
import { browser } from '../platform/browser';
import { CHECK_KEY, type CheckState } from '../check/check-state';
import { hasNativeMessaging } from '../check/local-probe';
import { restoreCarriedCheck } from '../check/carried-check';
import { writeItems } from '../settings/storage';
import { whenIdle } from './probe-client';

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

/** Puts back the check carried across a restart (carried-check.ts), once the new worker starts. */
export const restoreAfterRestart = restoreCarriedCheck;
