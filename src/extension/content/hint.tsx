/**
 * The page hint, loaded only on pages the pre-check lets through. It classifies the page, tells the
 * background (badge, popup prefill), and shows a one-line note in a shadow root so the page's CSS
 * cannot restyle it and ours cannot leak. Extracted values are shown as text, never as markup.
 *
 * It never covers the article's text and never moves the page: on a help article it floats in the
 * margin beside the measured text column (placement.ts), on an account page it is an overlay beside
 * the settings it is about, taking no space in the page's flow. A click or Enter opens the full note.
 */
import { render } from 'preact';
import { isPlaceholderHost } from '../../core/placeholder-host';
import { classifyPage } from '../../core/detect/index';
import type { PageClassification } from '../../core/detect/types';
import { findClient } from '../../core/clients/registry';
import { clientName } from '../../core/clients/render';
import { browser } from '../platform/browser';
import { contentLocale, t } from '../platform/i18n';
import { newDocumentToken, type Message, type PageSettings } from '../platform/messages';
import { measureTextColumn } from './column';
import { HINT_CSS } from './hint-style';
import { pageTheme } from './page-theme';
import { GAP, placeBeside, placeFloating, union, type Around, type BesidePlacement, type Box, type Placement, type Shape } from './placement';
import { hintWording, type Words } from './wording';

const HOST_TAG = 'smtp-port-assistant-hint';
/** Beats any page rule, even `* { all: unset }` and `!important` ones: inline important declarations win. */
const HOST_STYLE = 'all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important; z-index: 2147483647 !important; margin: 0 !important;';
/** The hint while the dialog holding its settings is closed. */
const HIDDEN_STYLE = 'all: initial !important; display: none !important;';
const BOTTOM = 16;

type Layout = { mode: 'floating'; placement: Placement } | { mode: 'beside'; placement: BesidePlacement };

interface Shown {
  host: HTMLElement;
  mount: HTMLElement;
  result: PageClassification;
  anchor: Element | null;
  /** The elements that show the outgoing settings, which the open panel keeps clear of. */
  shownIn: Element[];
  /** The dialog the settings are in: while it is fixed over the page (a modal one), it holds the hint too. */
  dialog: Element | null;
  barWidth: number;
  /** The one-line bar's height: where it is taller than the anchor's row, it reaches the rows below. */
  barHeight: number;
  /** The open note's height, measured when it first opens (0 until then): the rows below it reaches. */
  panelHeight: number;
  layout: Layout;
  open: boolean;
  stop: () => void;
}

/** What holds a mail account's settings over the page: the account hint then lives inside it. */
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

let shown: Shown | null = null;
let shownFor: string | null = null;

/** The account hint's anchor left the page (its dialog closed, its pane was replaced). */
export function hintLost(): boolean {
  return shown !== null && shown.anchor !== null && !shown.anchor.isConnected;
}

export function removeHint(): void {
  shown?.stop();
  shown?.host.remove();
  shown = null;
  shownFor = null;
}

function send(message: Message): void {
  void browser.runtime.sendMessage(message).catch(() => undefined);
}

/** This page's own token: its reports and its leaving name it, so they never touch another page's report. */
const DOCUMENT = newDocumentToken();

/** What this page last told the background it is, until it is left or shows nothing for the hint. */
let reported: Message | null = null;

function report(message: Message): void {
  reported = message;
  send(message);
}

/** The page was left without a new document (a single-page app moved on) or no longer shows what it reported. */
export function leavePage(): void {
  if (reported === null) return;
  reported = null;
  send({ type: 'page:left', document: DOCUMENT });
}

// Unloading (another page in its tab or frame, or its frame removed), the page takes its report along;
// put in the back-forward cache, it does too, and back from it, it says again what it is, as it is not
// classified again.
addEventListener('pagehide', () => {
  if (reported !== null) send({ type: 'page:left', document: DOCUMENT });
});
addEventListener('pageshow', (event) => {
  if (event.persisted && reported !== null) send(reported);
});

async function dismissedHere(): Promise<boolean> {
  const stored = await browser.storage.local.get('dismissedSites');
  const sites = stored.dismissedSites;
  return Array.isArray(sites) && sites.includes(location.hostname);
}

const say = ([key, ...values]: Words) => t(key, ...values);

function MailIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M3.5 6.5 12 13l8.5-6.5" fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

interface HintProps {
  result: PageClassification;
  shape: Shape;
  /** The note opens upwards from a bar at the bottom of the window, downwards beside a page's settings. */
  opensUp: boolean;
  /** The window edge a floating hint sits at. */
  side: 'left' | 'right';
  open: boolean;
  onToggle: (open: boolean, focusToggle: boolean) => void;
  onHide: () => void;
}

function Hint({ result, shape, opensUp, side, open, onToggle, onHide }: HintProps) {
  const kind = result.kind === 'account' ? 'account' : 'article';
  const { outgoingServer: server, port, security } = result.settings;
  const wording = hintWording(kind, { outgoingServer: server, port, security });
  const client = result.clientId ? findClient(result.clientId) : undefined;
  // "mail.yourdomain.com" is the page's pattern: shown as such, never offered for a check.
  const pattern = server !== null && isPlaceholderHost(server, location.hostname);
  const checkable = pattern ? null : server;
  const openView = (view: 'checklist' | 'check') =>
    send({ type: 'hint:open', view, clientId: client?.id ?? null, server: checkable, port, security });
  const line = say(wording.line);
  const compact = shape !== 'bar' && !open;
  return (
    <aside
      class={`hint ${kind} ${compact ? shape : 'bar'} ${side} ${open ? 'open' : ''}`}
      aria-label={t('extName')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          onToggle(false, true);
        }
      }}
    >
      <button
        type="button"
        class="toggle"
        aria-expanded={open}
        aria-controls="hint-panel"
        title={compact ? line : undefined}
        onClick={() => onToggle(!open, false)}
      >
        <MailIcon />
        <span class={compact ? 'visually-hidden' : 'line'}>{line}</span>
        {!compact && (
          <span class="chevron" aria-hidden="true">
            {open === opensUp ? '▾' : '▴'}
          </span>
        )}
      </button>
      <div id="hint-panel" class="panel" hidden={!open}>
        <p>{say(wording.body)}</p>
        {server && (
          <p class="server">
            {t(pattern ? 'hintServerPattern' : 'hintServer')} <strong>{server}</strong>
            {port !== null && <span>:{port}</span>}
          </p>
        )}
        <div class="actions">
          {kind === 'article' && (
            <button type="button" class="primary" onClick={() => openView('checklist')}>
              {client ? t('hintChecklistFor', clientName(client, contentLocale())) : t('hintChecklist')}
            </button>
          )}
          <button type="button" class={kind === 'article' ? 'secondary' : 'primary'} onClick={() => openView('check')}>
            {checkable ? t('hintCheckServer', checkable) : t('hintCheckMyServer')}
          </button>
        </div>
        <p class="hide">
          <button type="button" class="link" aria-describedby="hint-hide-note" onClick={onHide}>
            {t('hintHideSite')}
          </button>{' '}
          <span id="hint-hide-note" class="note">
            {t('hintHideSiteNote')}
          </span>
        </p>
      </div>
    </aside>
  );
}

/**
 * `inDialog`: the hint lives in the settings' dialog, fixed to the window like the dialog itself, so it
 * neither adds to the dialog's scrolling area nor stays behind when the page scrolls.
 */
function hostStyle(layout: Layout, open: boolean, inDialog: boolean): string {
  if (layout.mode === 'floating') {
    const { shape, side, inset, panelWidth } = layout.placement;
    // Open, the panel keeps the usual distance from the window's edge (inside the margin when it fits).
    const edge = open ? GAP : shape === 'tab' ? 0 : inset;
    const width = open ? `width: ${panelWidth}px !important;` : '';
    return `${HOST_STYLE} position: fixed !important; bottom: ${BOTTOM}px !important; ${side}: ${edge}px !important; ${width} max-width: calc(100vw - ${2 * GAP}px) !important;`;
  }
  const { left, top, panelLeft, panelTop, panelWidth } = layout.placement;
  const x = open ? panelLeft : left;
  const y = open ? panelTop : top;
  const width = open ? `width: ${panelWidth}px !important;` : '';
  if (inDialog) return `${HOST_STYLE} position: fixed !important; left: ${x - scrollX}px !important; top: ${y - scrollY}px !important; ${width}`;
  return `${HOST_STYLE} position: absolute !important; left: ${x}px !important; top: ${y}px !important; ${width}`;
}

function boxOf(element: Element): Box {
  const rect = element.getBoundingClientRect();
  return toDocument(rect);
}

function toDocument(rect: DOMRect): Box {
  return { left: rect.left + scrollX, top: rect.top + scrollY, right: rect.right + scrollX, bottom: rect.bottom + scrollY };
}

/** Text nodes measured for a block's extent: enough for a settings table or list, bounded on a huge one. */
const MAX_TEXT_NODES = 200;

/**
 * Where the anchor's content ends: a form control's own box, but for a table, list or block the
 * extent of its text and fields, since a block's box runs to the column's edge however short its lines
 * are. The text nodes are measured one by one: a range over the whole block would take in its list
 * items' and rows' own boxes, which run to the edge too.
 */
function contentBox(element: Element): Box {
  if (element.matches('input, select, textarea, button')) return boxOf(element);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let extent: Box | null = null;
  const add = (box: Box): void => {
    if (box.right > box.left && box.bottom > box.top) extent = extent === null ? box : union(extent, box);
  };
  for (let node = walker.nextNode(), count = 0; node !== null && count < MAX_TEXT_NODES; node = walker.nextNode()) {
    if (!node.nodeValue?.trim()) continue;
    count += 1;
    range.selectNodeContents(node);
    add(toDocument(range.getBoundingClientRect()));
  }
  // Fields inside (a settings table of inputs) are content too, however little text they hold.
  for (const control of [...element.querySelectorAll('input, select, textarea, button')].slice(0, 40)) add(boxOf(control));
  return extent ?? boxOf(element);
}

const CONTROLS = 'input, select, textarea, button, label';

/**
 * The controls around the anchor, which the hint must not cover: those of the element holding its row (the
 * anchor's grandparent), of its form, where the rows below stand, and of the dialog round that form, whose
 * buttons may stand outside it (`placeBeside` keeps those its bar and note reach).
 */
function controlsAround(anchor: Element, form: Element | null, outer: Element | null): Box[] {
  const row = anchor.parentElement?.parentElement ?? anchor.parentElement;
  const found = new Set<Element>();
  // A table round settings in no form is only where the note may open below, not a row of obstacles.
  for (const scope of [row, form, outer?.matches(DIALOG) ? outer : null]) {
    for (const element of scope ? [...scope.querySelectorAll(CONTROLS)].slice(0, 60) : []) if (element !== anchor) found.add(element);
  }
  return [...found].map(contentBox);
}

/**
 * The form the settings stand in: the note opened below the settings should not lie over the rest of it
 * either (the login fields, the security choice, Save and Cancel). `placeBeside` uses it where it fits.
 * A form element or dialog where the page has one; else, for a form drawn with plain boxes (a web app's
 * settings panel), the nearest container of the anchor that also holds a button below it.
 */
const FORM_LIKE = 'form, [role="form"], dialog, [role="dialog"]';
const BUTTONS = 'button, input[type="submit"], input[type="button"], [role="button"]';
const FORM_DEPTH = 6;

function formOf(anchor: Element): Element | null {
  const form = anchor.closest(FORM_LIKE);
  if (form) return form;
  const anchorBottom = anchor.getBoundingClientRect().bottom;
  let current = anchor.parentElement;
  for (let depth = 0; current !== null && current !== document.body && depth < FORM_DEPTH; depth += 1, current = current.parentElement) {
    const buttons = [...current.querySelectorAll(BUTTONS)].slice(0, 20);
    if (buttons.some((button) => button.getBoundingClientRect().top >= anchorBottom)) return current;
  }
  return null;
}

/**
 * The block round the form the note should not cover either, where it fits below: the dialog holding a
 * form element (its Save and Cancel often stand below the form, outside it); for settings in no form,
 * the table they stand in (a settings page of label and value rows, its add and edit links in the cells).
 */
function outerOf(anchor: Element, form: Element | null): Element | null {
  if (form === null) return anchor.closest('table');
  return form.matches(DIALOG) ? null : (form.parentElement?.closest(DIALOG) ?? null);
}

/** The box around the elements that show the outgoing settings, and their form's and the block round it, as the reader sees them now. */
function settingsAround(elements: Element[], formElement: Element | null, outerElement: Element | null): Around | undefined {
  const boxes = elements.filter((element) => element.isConnected).map(contentBox).filter((box) => box.right > box.left && box.bottom > box.top);
  if (boxes.length === 0) return undefined;
  const shown = (element: Element | null): Box | undefined => {
    const box = element?.isConnected ? contentBox(element) : null;
    return box && rendered(box) ? box : undefined;
  };
  const form = shown(formElement);
  const outer = shown(outerElement);
  const viewportHeight = document.documentElement.clientHeight || innerHeight;
  return { settings: boxes.reduce(union), ...(form ? { form } : {}), ...(outer ? { outer } : {}), viewportHeight };
}

/** The hint's whole box height as drawn now, its border included (the bar folded, the note open). */
function hintHeight(shadow: ShadowRoot | null): number {
  return Math.ceil(shadow?.querySelector('aside')?.getBoundingClientRect().height ?? 0);
}

/** Whether the element takes space on screen: a settings tab not opened yet, or a closed panel, does not. */
function rendered(box: Box): boolean {
  return box.right > box.left || box.bottom > box.top;
}

function measureLayout(state: Pick<Shown, 'host' | 'anchor' | 'shownIn' | 'barWidth' | 'barHeight' | 'panelHeight'>): Layout {
  const width = document.documentElement.clientWidth || innerWidth;
  const anchorBox = state.anchor?.isConnected ? contentBox(state.anchor) : null;
  // Beside the settings once they show; until then (their tab is closed) in the window's corner, as on an article.
  if (state.anchor && anchorBox && rendered(anchorBox)) {
    // The anchor's form and the block round it, looked up once: the controls the bar keeps clear of and where the note may open below.
    const form = formOf(state.anchor);
    const outer = outerOf(state.anchor, form);
    const around = settingsAround(state.shownIn, form, outer);
    const placement = placeBeside(width, scrollX, anchorBox, controlsAround(state.anchor, form, outer), state.barWidth, around, state.barHeight, state.panelHeight);
    return { mode: 'beside', placement };
  }
  return { mode: 'floating', placement: placeFloating(width, measureTextColumn(document, state.host), state.barWidth) };
}

function paint(state: Shown, focusToggle = false): void {
  const shape = state.layout.placement.shape;
  // A dialog fixed over the page (a modal one) holds the hint, or it would be inert under its backdrop; one in
  // the page's flow, or closed, does not. Its settings hidden (the dialog closed), the hint hides with them.
  const dialog = state.dialog?.isConnected ? state.dialog : null;
  const inDialog = dialog !== null && getComputedStyle(dialog).position === 'fixed';
  const home = inDialog ? dialog : document.documentElement;
  if (state.host.parentElement !== home) home.append(state.host);
  const away = dialog !== null && state.layout.mode === 'floating';
  state.host.setAttribute('style', away ? HIDDEN_STYLE : hostStyle(state.layout, state.open, inDialog));
  render(
    <Hint
      result={state.result}
      shape={shape}
      opensUp={state.layout.mode === 'floating'}
      side={state.layout.mode === 'floating' ? state.layout.placement.side : 'right'}
      open={state.open}
      onToggle={(open, focus) => {
        state.open = open;
        paint(state, focus);
        // Opened for the first time beside its anchor: now that the note's height is known, keep it clear of the rows it reaches.
        if (open && state.layout.mode === 'beside' && state.panelHeight === 0) {
          state.panelHeight = hintHeight(state.host.shadowRoot);
          const next = measureLayout(state);
          if (JSON.stringify(next) !== JSON.stringify(state.layout)) {
            state.layout = next;
            paint(state, focus);
          }
        }
        retheme(state);
        // Opened below the settings, the note may start under the window's bottom edge: bring it in (in a
        // dialog, fixed to the window, it was kept inside the window instead).
        if (open && state.layout.mode === 'beside' && !inDialog) state.host.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }}
      onHide={() => {
        send({ type: 'hint:dismiss' });
        removeHint();
      }}
    />,
    state.mount,
  );
  if (state.layout.mode === 'beside') {
    // Absolute positions count from the nearest positioned ancestor: correct by what was measured.
    const { placement } = state.layout;
    const want = state.open ? { left: placement.panelLeft, top: placement.panelTop } : placement;
    const got = boxOf(state.host);
    const dx = want.left - got.left;
    const dy = want.top - got.top;
    if (Math.abs(dx) > 0.5 || Math.abs(dy) > 0.5) {
      const left = Number.parseFloat(state.host.style.left) + dx;
      const top = Number.parseFloat(state.host.style.top) + dy;
      state.host.style.setProperty('left', `${left}px`, 'important');
      state.host.style.setProperty('top', `${top}px`, 'important');
    }
    // Fixed in a dialog, the page cannot be scrolled to an open note below the window's edge: move it up into view.
    const overflow = state.host.getBoundingClientRect().bottom - ((document.documentElement.clientHeight || innerHeight) - GAP);
    if (inDialog && state.open && overflow > 0) {
      const top = Number.parseFloat(state.host.style.top);
      state.host.style.setProperty('top', `${Math.max(GAP, top - overflow)}px`, 'important');
    }
  }
  if (focusToggle) state.host.shadowRoot?.querySelector<HTMLElement>('.toggle')?.focus();
}

/** The page's light or dark where the hint now is (a webmail may switch its theme, the hint may move). */
function retheme(state: Shown): void {
  const box = state.host.getBoundingClientRect();
  const near = box.width > 0 ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  const theme = pageTheme(near, state.host);
  if (state.mount.className !== theme) state.mount.className = theme;
}

/**
 * Follow the page when the window or the content changes size, at most once a frame, and its light or
 * dark when the page or the reader switches theme.
 */
function follow(state: Shown): () => void {
  let frame = 0;
  const update = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const next = measureLayout(state);
      if (JSON.stringify(next) !== JSON.stringify(state.layout)) {
        state.layout = next;
        paint(state);
      }
      retheme(state);
    });
  };
  // Themes are switched by a class, a style or a data attribute on the root or the body.
  const themeWatch = typeof MutationObserver === 'function' ? new MutationObserver(update) : null;
  for (const element of [document.documentElement, document.body]) {
    if (element) themeWatch?.observe(element, { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-mode', 'data-bs-theme'] });
  }
  const scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  scheme?.addEventListener('change', update);
  addEventListener('resize', update);
  // Fixed in a dialog, the hint follows the dialog's own scrolling and the page's.
  if (state.dialog) addEventListener('scroll', update, { capture: true, passive: true });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
  observer?.observe(document.documentElement);
  if (state.anchor) observer?.observe(state.anchor);
  return () => {
    cancelAnimationFrame(frame);
    removeEventListener('resize', update);
    removeEventListener('scroll', update, { capture: true });
    observer?.disconnect();
    themeWatch?.disconnect();
    scheme?.removeEventListener('change', update);
  };
}

/** Classify the page and show the hint when it matches. Returns whether the page matched. */
export async function showHint(signal: AbortSignal): Promise<boolean> {
  const result = classifyPage(document, location.href, { signal });
  if (signal.aborted || result.kind === 'none') return false;
  const { outgoingServer, port, security } = result.settings;
  // The popup prefills its check and checklist with the page's server: never with a pattern's.
  const settings: PageSettings = { outgoingServer: outgoingServer !== null && isPlaceholderHost(outgoingServer, location.hostname) ? null : outgoingServer, port, security };
  report({ type: 'page:classified', kind: result.kind, settings, clientId: result.clientId, document: DOCUMENT });
  const anchor = result.kind === 'account' ? result.settings.anchor : null;
  const shownIn = result.kind === 'account' ? result.settings.shownIn : [];
  // Never twice on one page, and never where the person said no.
  if (shownFor === location.href || (await dismissedHere()) || signal.aborted) return true;
  // The dialog holding the settings closed while the choice was read: nothing to show, and a dialog
  // opened again is looked at afresh.
  if (anchor !== null && !anchor.isConnected) return false;
  removeHint();
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HINT_CSS;
  const mount = document.createElement('div');
  shadow.append(style, mount);

  // Measure the one-line bar unseen, then place it, all in this task: the first frame that paints the
  // hint paints it where it stays, so nothing on the page moves and the hint does not jump.
  host.setAttribute('style', `${HOST_STYLE} position: fixed !important; left: 0 !important; top: 0 !important; visibility: hidden !important;`);
  // After <body>, not inside it: a page rule such as `body > :last-child` must not start matching another element.
  // `paint` moves it into a dialog fixed over the page that holds the settings.
  const dialog = anchor?.closest(DIALOG) ?? null;
  document.documentElement.append(host);
  render(<Hint result={result} shape="bar" opensUp side="right" open={false} onToggle={() => undefined} onHide={() => undefined} />, mount);
  const barWidth = Math.ceil(shadow.querySelector('.toggle')?.getBoundingClientRect().width ?? 280);
  // The whole bar's height, its border included: what lies over the rows below the anchor.
  const barHeight = hintHeight(shadow);
  const state: Shown = { host, mount, result, anchor, shownIn, dialog, barWidth, barHeight, panelHeight: 0, layout: { mode: 'floating', placement: placeFloating(0, null, barWidth) }, open: false, stop: () => undefined };
  state.layout = measureLayout(state);
  paint(state);
  // The page's light or dark where the hint stands, in the same task: the first frame already has it.
  retheme(state);
  state.stop = follow(state);
  shown = state;
  shownFor = location.href;
  return true;
}
