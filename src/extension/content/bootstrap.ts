/**
 * Content-script bootstrap, loaded on every page the extension may see. It only runs the cheap
 * pre-check (URL, title, meta, a few headings); the classifier, Preact and the hint are loaded only
 * when that says the page may be about outgoing mail. Single-page apps are re-checked after history
 * navigation, debounced, with stale work aborted.
 */
import { mightMatch } from '../../core/detect/quick-check';

const SETTLE_MS = 400;
/** SPAs often render the article a moment after the URL changes: one later look catches it. */
const LATE_LOOK_MS = 1500;

let controller: AbortController | null = null;
let timers: ReturnType<typeof setTimeout>[] = [];
let lastUrl = location.href;
/** Set once the hint module was needed; pages that never matched never load it. */
let hint: typeof import('./hint') | null = null;

async function inspect(signal: AbortSignal): Promise<boolean> {
  if (!mightMatch(document, location.href)) return false;
  hint ??= await import('./hint');
  return signal.aborted ? false : hint.showHint(signal);
}

function schedule(): void {
  controller?.abort();
  for (const timer of timers) clearTimeout(timer);
  const current = new AbortController();
  controller = current;
  let shown = false;
  const look = async () => {
    if (current.signal.aborted || shown) return;
    shown = await inspect(current.signal).catch(() => false);
  };
  timers = [setTimeout(look, SETTLE_MS), setTimeout(look, SETTLE_MS + LATE_LOOK_MS)];
}

function onMaybeNavigated(): void {
  if (location.href === lastUrl) return;
  lastUrl = location.href;
  hint?.removeHint();
  schedule();
}

const navigation = (globalThis as { navigation?: EventTarget }).navigation;
if (navigation) {
  navigation.addEventListener('navigatesuccess', onMaybeNavigated);
} else {
  // Without the Navigation API (Firefox before 136), a cheap string compare catches pushState.
  setInterval(onMaybeNavigated, 1000);
}
addEventListener('popstate', onMaybeNavigated);
schedule();
