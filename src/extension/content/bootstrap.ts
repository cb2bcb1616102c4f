/**
 * Content-script bootstrap, loaded on every page the extension may see. It only runs the cheap
 * pre-check (URL, title, meta, a few headings); the classifier, Preact and the hint are loaded only
 * when that says the page may be about outgoing mail. Single-page apps are re-checked after history
 * navigation, debounced, with stale work aborted, and when a form or dialog appears without one: a
 * webmail's "Edit identity" or "Add account" dialog opens over the page it was asked from. In a frame
 * it runs only when the frame shares the page's origin (a webmail's settings pane), never in another
 * site's frame (an advertisement, a widget).
 */
import { mightMatch } from '../../core/detect/quick-check';

const SETTLE_MS = 400;
/** SPAs often render the article a moment after the URL changes: one later look catches it. */
const LATE_LOOK_MS = 1500;
/** A dialog or form that appears is looked at once the page has settled. */
const APPEARED_MS = 600;
/** Classifier runs that appearing forms may cause at one address, and added nodes examined per batch of changes. */
const APPEARED_LOOKS = 20;
const ADDED_CHECKED = 40;
/** What may carry a mail account's settings when it appears: form controls, or a dialog that will hold them. */
const SETTINGS_LIKE = 'input, select, textarea, dialog, [role="dialog"], [aria-modal="true"]';

let controller: AbortController | null = null;
let timers: ReturnType<typeof setTimeout>[] = [];
let lastUrl = location.href;
/** Set once the hint module was needed; pages that never matched never load it. */
let hint: typeof import('./hint') | null = null;
/** The page at this address matched (its hint is shown, or hidden here by the person). */
let matched = false;
let appearedLooks = 0;
let appearedTimer: ReturnType<typeof setTimeout> | null = null;

async function inspect(signal: AbortSignal): Promise<boolean> {
  if (!mightMatch(document, location.href)) return false;
  hint ??= await import('./hint');
  return signal.aborted ? false : hint.showHint(signal);
}

function look(current: AbortController): Promise<void> {
  if (current.signal.aborted || matched) return Promise.resolve();
  return inspect(current.signal)
    .catch(() => false)
    .then((found) => {
      if (!current.signal.aborted) {
        matched ||= found;
        // What this address shows now is nothing for the hint: a report made before (an SPA's earlier route) goes.
        if (!found) hint?.leavePage();
      }
      // Its dialog may have closed while the hint was being made.
      dropLostHint();
    });
}

/** The account hint's settings went away with their dialog: so does the hint, and a dialog opened again is looked at again. */
function dropLostHint(): void {
  if (matched && hint?.hintLost()) {
    hint.removeHint();
    hint.leavePage();
    matched = false;
  }
}

function schedule(): void {
  controller?.abort();
  for (const timer of timers) clearTimeout(timer);
  const current = new AbortController();
  controller = current;
  timers = [setTimeout(() => void look(current), SETTLE_MS), setTimeout(() => void look(current), SETTLE_MS + LATE_LOOK_MS)];
}

function onMaybeNavigated(): void {
  if (location.href === lastUrl) return;
  lastUrl = location.href;
  hint?.removeHint();
  matched = false;
  appearedLooks = 0;
  if (appearedTimer !== null) clearTimeout(appearedTimer);
  appearedTimer = null;
  schedule();
}

/** Whether these changes added something that may show a mail account's settings (bounded work per batch). */
function addsSettingsLike(records: MutationRecord[]): boolean {
  let checked = 0;
  for (const record of records) {
    for (const node of Array.from(record.addedNodes)) {
      if ((checked += 1) > ADDED_CHECKED) return false;
      if (node.nodeType !== 1) continue;
      const element = node as Element;
      if (element.matches(SETTINGS_LIKE) || element.querySelector(SETTINGS_LIKE) !== null) return true;
    }
  }
  return false;
}

function onChanged(records: MutationRecord[]): void {
  dropLostHint();
  if (matched || appearedTimer !== null || appearedLooks >= APPEARED_LOOKS || !addsSettingsLike(records)) return;
  appearedTimer = setTimeout(() => {
    appearedTimer = null;
    // A search box or a compose window that the pre-check turns down costs no look: the budget is for the classifier.
    if (!mightMatch(document, location.href)) return;
    appearedLooks += 1;
    const current = controller;
    if (current) void look(current);
  }, APPEARED_MS);
}

/** A frame of another origin, or a window with no page of its own, is not looked at. */
function inOwnFrame(): boolean {
  if (window === window.top) return true;
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}

function start(): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', onMaybeNavigated);
  } else {
    // Without the Navigation API (Firefox before 136), a cheap string compare catches pushState.
    setInterval(onMaybeNavigated, 1000);
  }
  addEventListener('popstate', onMaybeNavigated);
  new MutationObserver(onChanged).observe(document.documentElement, { childList: true, subtree: true });
  schedule();
}

if (inOwnFrame()) {
  // A page the browser prerenders may never be shown: it is looked at once it is.
  if ((document as { prerendering?: boolean }).prerendering) addEventListener('prerenderingchange', start, { once: true });
  else start();
}
