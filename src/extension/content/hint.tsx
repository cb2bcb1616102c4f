/**
 * The inline hint, loaded only on pages the pre-check lets through. It classifies the page, tells the
 * background (badge, popup prefill), and shows a small note in a shadow root so the page's CSS
 * cannot restyle it and ours cannot leak. Extracted values are shown as text, never as markup.
 */
import { render } from 'preact';
import { classifyPage } from '../../core/detect/index';
import type { PageClassification } from '../../core/detect/types';
import { findClient } from '../../core/clients/registry';
import { browser } from '../browser';
import { t } from '../i18n';
import type { Message } from '../messages';
import { HINT_CSS } from './hint-style';

const HOST_TAG = 'smtp-port-assistant-hint';
/** Beats any page rule, even `* { all: unset }` and `!important` ones: inline important declarations win. */
const HOST_STYLE = 'all: initial !important; display: block !important; visibility: visible !important; opacity: 1 !important;';
const FLOATING = 'position: fixed !important; z-index: 2147483647 !important; right: 16px !important; bottom: 16px !important; width: 340px !important; max-width: calc(100vw - 32px) !important;';
const INLINE = 'position: relative !important; margin: 8px 0 !important; max-width: 480px !important;';

let host: HTMLElement | null = null;
let shownFor: string | null = null;

export function removeHint(): void {
  host?.remove();
  host = null;
  shownFor = null;
}

function send(message: Message): void {
  void browser.runtime.sendMessage(message).catch(() => undefined);
}

async function dismissedHere(): Promise<boolean> {
  const stored = await browser.storage.local.get('dismissedSites');
  const sites = stored.dismissedSites;
  return Array.isArray(sites) && sites.includes(location.hostname);
}

function Hint({ result, onClose }: { result: PageClassification; onClose: () => void }) {
  const client = result.clientId ? findClient(result.clientId) : undefined;
  const server = result.settings.outgoingServer;
  const open = (view: 'checklist' | 'check') =>
    send({ type: 'hint:open', view, clientId: client?.id ?? null, server: server ?? null });
  const dismiss = () => {
    send({ type: 'hint:dismiss' });
    onClose();
  };
  return (
    <aside class={`hint ${result.kind}`} role="complementary" aria-label={t('extName')}>
      <p class="title">{t('extName')}</p>
      <p>{result.kind === 'account' ? t('hintAccount') : t('hintArticle')}</p>
      {server && (
        <p class="server">
          {t('hintServer')} <strong>{server}</strong>
          {result.settings.port !== null && <span>:{result.settings.port}</span>}
        </p>
      )}
      <div class="actions">
        {result.kind === 'article' && (
          <button type="button" onClick={() => open('checklist')}>
            {client ? t('hintChecklistFor', client.name) : t('hintChecklist')}
          </button>
        )}
        <button type="button" class={result.kind === 'article' ? 'secondary' : ''} onClick={() => open('check')}>
          {server ? t('hintCheckServer', server) : t('hintCheckMyServer')}
        </button>
      </div>
      <button type="button" class="close" aria-label={t('hintDismiss')} title={t('hintDismiss')} onClick={dismiss}>
        ×
      </button>
    </aside>
  );
}

/** Classify the page and show the hint when it matches. Returns whether the page matched. */
export async function showHint(signal: AbortSignal): Promise<boolean> {
  const result = classifyPage(document, location.href, { signal });
  if (signal.aborted || result.kind === 'none') return false;
  const { outgoingServer, port, security } = result.settings;
  send({ type: 'page:classified', kind: result.kind, settings: { outgoingServer, port, security }, clientId: result.clientId });
  // Never twice on one page, and never where the person said no.
  if (shownFor === location.href || (await dismissedHere()) || signal.aborted) return true;
  removeHint();
  const element = document.createElement(HOST_TAG);
  const anchor = result.kind === 'account' ? result.settings.anchor : null;
  element.setAttribute('style', HOST_STYLE + (anchor ? INLINE : FLOATING));
  const shadow = element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HINT_CSS;
  shadow.append(style);
  const mount = document.createElement('div');
  shadow.append(mount);
  if (anchor?.parentNode) anchor.insertAdjacentElement('afterend', element);
  else (document.body ?? document.documentElement).append(element);
  host = element;
  shownFor = location.href;
  render(<Hint result={result} onClose={removeHint} />, mount);
  return true;
}
