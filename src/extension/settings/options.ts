/**
 * The options as they take effect: the user's stored options with an administrator's policy
 * (chrome.storage.managed, from public/managed-schema.json) applied over them and locked.
 */
import { browser } from '../platform/browser';
import { applyPolicy, type ManagedField, type ManagedPolicy, type Options } from './options-schema';
import { readState } from './storage';

export interface EffectiveOptions {
  options: Options;
  /** Fields the policy sets; the options page shows them as managed and read-only. */
  locked: ManagedField[];
  /** Policy values that were ignored because they are invalid. */
  problems: string[];
}

async function readPolicy(): Promise<ManagedPolicy> {
  try {
    return (await browser.storage.managed.get(null)) as ManagedPolicy;
  } catch {
    // Firefox without a managed-storage manifest, or no policy at all: nothing is managed.
    return {};
  }
}

export async function readOptions(): Promise<EffectiveOptions> {
  const [state, policy] = await Promise.all([readState(), readPolicy()]);
  return applyPolicy(state.options, policy);
}
