/**
 * The options as they take effect: the user's stored options with an administrator's policy
 * (chrome.storage.managed, from public/managed-schema.json) applied over them and locked.
 */
import { browser } from '../platform/browser';
import { applyPolicy, type ManagedField, type ManagedPolicy, type Options, type PolicyProblem } from './options-schema';
import { readState } from './storage';
import { isRecord } from '../platform/validate';

export interface EffectiveOptions {
  options: Options;
  /** Fields the policy sets; the options page shows them as managed and read-only. */
  locked: ManagedField[];
  /** Policy values that were ignored because they are invalid. */
  problems: PolicyProblem[];
}

/**
 * The policy as last read, kept in storage.session (extension pages only, gone when the browser closes).
 * The first read of chrome.storage.managed in a browser session can take seconds (Chromium on Linux waits
 * for its policy service), and the popup waits for the options; the worker reads them when the browser
 * starts (its content-script sync) and again whenever an administrator changes the policy, so a page
 * opened later finds the policy kept and opens at once. A kept policy is read afresh behind it each time.
 */
const POLICY_KEY = 'managedPolicy';

async function readManaged(): Promise<ManagedPolicy> {
  try {
    return (await browser.storage.managed.get(null)) as ManagedPolicy;
  } catch {
    // Firefox without a managed-storage manifest, or no policy at all: nothing is managed.
    return {};
  }
}

/** Reads the policy afresh and keeps it for the next page that opens. */
export async function refreshPolicy(): Promise<ManagedPolicy> {
  const policy = await readManaged();
  void browser.storage.session.set({ [POLICY_KEY]: policy }).catch(() => undefined);
  return policy;
}

/** The kept policy when there is one (read afresh behind it for next time), else a fresh read. */
async function readPolicy(): Promise<ManagedPolicy> {
  const kept: unknown = (await browser.storage.session.get(POLICY_KEY).catch(() => ({} as Record<string, unknown>)))[POLICY_KEY];
  const fresh = refreshPolicy();
  // Its values are checked by applyPolicy like a fresh read's.
  return isRecord(kept) ? (kept as ManagedPolicy) : fresh;
}

export async function readOptions(): Promise<EffectiveOptions> {
  const [state, policy] = await Promise.all([readState(), readPolicy()]);
  return applyPolicy(state.options, policy);
}
