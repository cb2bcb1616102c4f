/**
 * Where the page hint runs, and what it opens. The manifest lists a documented sample of help
 * centres; the helpdesk profile adds its own domains and the person may grant "all sites". Those
 * extra sites get the same content script, registered at run time once their permission is granted.
 */
import { browser } from '../platform/browser';
import { POPUP_REQUEST_KEY, POPUP_VIEW_KEY, type Message } from '../platform/messages';
import { readOptions } from '../settings/options';
import { ALL_SITES, originsFor } from '../settings/options-schema';
import { readState, writeItems } from '../settings/storage';
import { carryToTarget } from '../content/page-target';

const SCRIPT_ID = 'page-hint-extra-sites';

/**
 * The content script's path inside the package. Firefox's getManifest() gives it as a full
 * moz-extension:// URL, while registerContentScripts takes only a path relative to the package.
 */
function contentScriptFile(): string | null {
  const manifest = browser.runtime.getManifest() as { content_scripts?: { js?: string[] }[] };
  const file = manifest.content_scripts?.[0]?.js?.[0];
  if (!file) return null;
  const base = browser.runtime.getURL('');
  return file.startsWith(base) ? file.slice(base.length) : file;
}

/** Register the hint for every granted extra origin (profile domains, or all sites). */
export async function syncContentScripts(): Promise<void> {
  const file = contentScriptFile();
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (!file || !scripting?.registerContentScripts) return;
  const [{ options }, granted] = await Promise.all([readOptions(), browser.permissions.getAll()]);
  const origins = new Set(granted.origins ?? []);
  const matches = origins.has(ALL_SITES)
    ? [ALL_SITES]
    : options.profile.helpDomains.flatMap(originsFor).filter((origin) => origins.has(origin));
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await scripting.registerContentScripts([
    // In frames too: a webmail shows its settings form in a frame of its own page (the bootstrap skips other sites' frames).
    { id: SCRIPT_ID, js: [file], matches, runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
  ]);
}

/** The hint's "Open the checklist" or "Check": the checklist then shows what the page states. */
export async function openFromHint(message: Extract<Message, { type: 'hint:open' }>): Promise<void> {
  const [state, { options }] = await Promise.all([readState(), readOptions()]);
  const page = { outgoingServer: message.server, port: message.port, security: message.security };
  const { target, tested } = carryToTarget(state.target, state.targetTested, page, options.profile.outgoingServer);
  await writeItems({ target, targetTested: tested, ...(message.clientId ? { lastClientId: message.clientId } : {}) });
  await browser.storage.session.set({
    [POPUP_VIEW_KEY]: message.view,
    [POPUP_REQUEST_KEY]: { server: message.server, at: Date.now() },
  });
  try {
    await browser.action.openPopup();
  } catch {
    // No toolbar popup without a gesture on this browser: the same page in a small window.
    await browser.windows.create({
      url: browser.runtime.getURL('src/extension/popup/index.html'),
      type: 'popup',
      width: 400,
      height: 640,
    });
  }
}
