/**
 * The one message protocol between content script, popup, agent panel and background.
 * Every message is checked by `parseMessage` where it arrives: a content script's message is
 * untrusted input (it runs inside pages).
 */
import { isOneOf, isTcpPort, SECURITIES } from '../../core/api';
import type { ExtractedSettings } from '../../core/detect/types';
import { hostOrNull, ID_PATTERN, isRecord, nullOr } from './validate';

/** What a page states about its outgoing server, as the classifier extracted it (without the DOM anchor). */
export type PageSettings = Pick<ExtractedSettings, 'outgoingServer' | 'port' | 'security'>;

export type Message =
  /** Popup or agent panel: probe this target through the service, and from this computer when `local`. */
  | { type: 'check:start'; input: string; local: boolean }
  /** Content script: what it found on the page, for the badge and the popup's prefill. */
  | { type: 'page:classified'; kind: 'article' | 'account'; settings: PageSettings; clientId: string | null; document: string }
  /** Content script: the page it reported is gone or shows nothing for the hint now; that document's report no longer holds. */
  | { type: 'page:left'; document: string }
  /**
   * Content script hint: open the checklist (for the client the page names) or the server check, with
   * the outgoing server, port and security the page states, so the checklist shows them.
   */
  | { type: 'hint:open'; view: 'checklist' | 'check'; clientId: string | null; server: string | null; port: number | null; security: PageSettings['security'] }
  /** Content script hint: the person dismissed it; the background takes the site from the sender. */
  | { type: 'hint:dismiss' };

export type Reply = { ok: true } | { ok: false; message: string };

function isPort(value: unknown): value is number | null {
  return value === null || isTcpPort(value);
}

function isSecurity(value: unknown): value is PageSettings['security'] {
  return value === null || isOneOf(SECURITIES, value);
}

function parseSettings(value: unknown): PageSettings | null {
  if (!isRecord(value)) return null;
  const outgoingServer = hostOrNull(value.outgoingServer);
  const { port, security } = value;
  if (outgoingServer === undefined || !isPort(port) || !isSecurity(security)) return null;
  return { outgoingServer, port, security };
}

/**
 * Which document a content script's report is about: a random token each page makes once (a page back
 * from the back-forward cache keeps it), so that one page's leaving never takes another page's report.
 */
const DOCUMENT_TOKEN = /^[0-9a-f]{32}$/;

function isDocumentToken(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_TOKEN.test(value);
}

export function newDocumentToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function parseMessage(value: unknown): Message | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'check:start':
      return typeof value.input === 'string' && value.input.length <= 320 && (value.local === undefined || typeof value.local === 'boolean')
        ? { type: 'check:start', input: value.input, local: value.local === true }
        : null;
    case 'page:classified': {
      if (value.kind !== 'article' && value.kind !== 'account') return null;
      const settings = parseSettings(value.settings);
      const clientId = nullOr(value.clientId, ID_PATTERN);
      if (!settings || clientId === undefined || !isDocumentToken(value.document)) return null;
      return { type: 'page:classified', kind: value.kind, settings, clientId, document: value.document };
    }
    case 'hint:open': {
      if (value.view !== 'checklist' && value.view !== 'check') return null;
      const clientId = nullOr(value.clientId, ID_PATTERN);
      const server = hostOrNull(value.server);
      // Port and security came later than the server: a sender that leaves them out means "not stated".
      const port = value.port ?? null;
      const security = value.security ?? null;
      if (clientId === undefined || server === undefined || !isPort(port) || !isSecurity(security)) return null;
      return { type: 'hint:open', view: value.view, clientId, server, port, security };
    }
    case 'hint:dismiss':
      return { type: 'hint:dismiss' };
    case 'page:left':
      return isDocumentToken(value.document) ? { type: 'page:left', document: value.document } : null;
    default:
      return null;
  }
}

/** What the hint asked the popup to open with, in storage.session. */
export const POPUP_REQUEST_KEY = 'popupRequest';
export const POPUP_VIEW_KEY = 'popupView';
/** What the person typed into the popup's check field and has not checked yet, with when ({input, at}). */
export const POPUP_DRAFT_KEY = 'popupDraft';

/** Per-tab page findings live in storage.session under this key. */
export function pageKey(tabId: number): string {
  return `page:${tabId}`;
}

/** The target agent mode should open with (from the context menu or the shortcut). */
export const AGENT_INPUT_KEY = 'agentInput';
