import { useEffect, useRef, useState } from 'preact/hooks';
import type { Recommendation } from '../../core/api';
import { findClient } from '../../core/clients/registry';
import { clientName, pick } from '../../core/clients/render';
import type { MailClient } from '../../core/clients/types';
import { openAgentMode } from '../agent/open';
import { browser } from '../platform/browser';
import { contentLocale, t } from '../platform/i18n';
import { pageKey, POPUP_DRAFT_KEY, POPUP_REQUEST_KEY, POPUP_VIEW_KEY, type Message } from '../platform/messages';
import { readOptions } from '../settings/options';
import { readState, writeItems, type StoredState } from '../settings/storage';
import { CheckPanel } from '../ui/CheckPanel';
import { restoreCarriedCheck } from '../check/carried-check';
import type { CheckedFallback } from '../../core/diagnosis/submission';
import { useCheck } from '../ui/use-check';
import { discoveredIncoming, PROFILE_CLIENTS, SetupProfile } from '../ui/SetupProfile';
import { securityWords } from '../ui/port-words';
import { ChecklistView } from './ChecklistView';
import { ClientPicker } from './ClientPicker';
import { LocalSetup } from './LocalSetup';
import { useEscapeCloses } from './use-escape-closes';
import { withProfileServer } from '../content/page-target';

type View = 'checklist' | 'check';

/** How long what was typed and not checked is kept for the next time the popup opens. */
const DRAFT_KEPT_MS = 30 * 60_000;

/** What was typed into the check field and not checked, when it is recent. */
async function recentDraft(): Promise<string | null> {
  const draft = (await browser.storage.session.get(POPUP_DRAFT_KEY))[POPUP_DRAFT_KEY] as { input?: unknown; at?: unknown } | undefined;
  if (typeof draft?.input !== 'string' || typeof draft.at !== 'number' || Date.now() - draft.at > DRAFT_KEPT_MS) return null;
  return draft.input;
}

/**
 * The field's prefill, in order: what the page on this tab states (or the page whose hint opened
 * this window), what was typed there last time and not checked, the helpdesk profile, the last value.
 */
async function prefill(state: StoredState, profileServer: string): Promise<{ value: string; typed: boolean }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id !== undefined) {
    const stored = await browser.storage.session.get(pageKey(tab.id));
    const page = stored[pageKey(tab.id)] as Extract<Message, { type: 'page:classified' }> | undefined;
    if (page?.settings.outgoingServer) return { value: page.settings.outgoingServer, typed: false };
  }
  const requested = (await browser.storage.session.get(POPUP_REQUEST_KEY))[POPUP_REQUEST_KEY] as { server?: unknown; at?: unknown } | undefined;
  if (typeof requested?.server === 'string' && typeof requested.at === 'number' && Date.now() - requested.at < 60_000) {
    return { value: requested.server, typed: false };
  }
  const draft = await recentDraft();
  return draft !== null ? { value: draft, typed: true } : { value: profileServer || state.lastCheckInput, typed: false };
}

export function App() {
  const [state, setState] = useState<StoredState | null>(null);
  const [picking, setPicking] = useState(false);
  const [view, setView] = useState<View>('checklist');
  /** What is in the check field now, kept while the panel is away. */
  const draftRef = useRef<string | null>(null);
  const [initialInput, setInitialInput] = useState('');
  /** Whether the prefill is what the person typed (a kept draft), which the panel questions like typing. */
  const [initialTyped, setInitialTyped] = useState(false);
  const [profileName, setProfileName] = useState('');
  // Where focus goes once the next render is on screen: the chosen client's heading, or the settings card.
  const [focusNext, setFocusNext] = useState<'client-title' | 'settings-title' | 'client-search' | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { check, start } = useCheck();
  const locale = contentLocale();
  useEscapeCloses();

  useEffect(() => {
    void (async () => {
      // A popup opened right after the extension restarted may come before the worker put the last check back.
      await restoreCarriedCheck();
      // Quick once the worker has read the administrator's policy and kept it (options.ts). The popup does not
      // render before the options: Chromium was seen to leave the first policy read unanswered for good when
      // the page was used while it was still pending.
      const [loaded, { options }] = await Promise.all([readState(), readOptions()]);
      const stored = await browser.storage.session.get(POPUP_VIEW_KEY);
      if (stored[POPUP_VIEW_KEY] === 'check') setView('check');
      const filled = await prefill(loaded, options.profile.outgoingServer);
      setInitialInput(filled.value);
      setInitialTyped(filled.typed);
      setProfileName(options.profile.name);
      // With no server known yet, the checklist names the helpdesk profile's server rather than "your current one".
      setState({ ...loaded, target: withProfileServer(loaded.target, options.profile.outgoingServer) });
    })();
  }, []);

  useEffect(() => {
    if (!focusNext) return;
    const element = document.getElementById(focusNext);
    if (!element) return;
    element.focus({ preventScroll: true });
    element.closest('section, .current-client')?.scrollIntoView({ block: 'start' });
    setFocusNext(null);
  });

  if (!state) {
    return (
      <p class="loading muted" aria-busy="true">
        {t('popupLoading')}
      </p>
    );
  }

  const client = state.lastClientId ? findClient(state.lastClientId) : undefined;
  const choose = (next: MailClient) => {
    setPicking(false);
    setState({ ...state, lastClientId: next.id });
    void writeItems({ lastClientId: next.id });
    // The button or search box that had focus is gone: the chosen client's heading takes it.
    setFocusNext('client-title');
  };
  // A check started: what was typed is now the last check, not a draft that could outrank a page's server later.
  const startCheck = (input: string) => {
    draftRef.current = null;
    void browser.storage.session.remove(POPUP_DRAFT_KEY);
    void start(input, true);
  };
  // What is typed survives a switch to the checklist and back, and the popup closing (Esc, a click outside).
  // The panel reads its prefill only when it is put on screen, so the field is never rewritten while typed in.
  const keepDraft = (input: string) => {
    draftRef.current = input;
    void browser.storage.session.set({ [POPUP_DRAFT_KEY]: { input, at: Date.now() } });
  };
  const show = (next: View) => {
    if (next === 'check' && draftRef.current !== null) {
      setInitialInput(draftRef.current);
      setInitialTyped(true);
    }
    setView(next);
    void browser.storage.session.set({ [POPUP_VIEW_KEY]: next });
  };
  const use = (recommendation: Recommendation, checked: CheckedFallback) => {
    const target = {
      server: recommendation.server,
      port: recommendation.port,
      security: recommendation.security,
      authentication: recommendation.authentication,
      username: recommendation.username ?? null,
      // What else the check found, for the card's and the help's fallback: the other port that works, and those that do not.
      checked,
    };
    setState({ ...state, target, targetTested: true });
    void writeItems({ target, targetTested: true });
    show('checklist');
    // The check panel (and the button that had focus) is gone: show, focus and announce the updated card.
    const security = client ? pick(client.securityWords[target.security], locale) : securityWords(target.security);
    setAnnouncement(client ? t('settingsUpdated', target.port, security, target.server) : t('settingsUpdatedPick', target.port, security, target.server));
    setFocusNext(client ? 'settings-title' : 'client-search');
  };

  return (
    <main>
      <header class="intro">
        <h1>{t('extName')}</h1>
        {profileName && <p class="profile">{t('profileBadge', profileName)}</p>}
        <p>{t('whyLine1')}</p>
        <p>{t('whyLine2')}</p>
      </header>
      <nav class="tabs" aria-label={t('viewsLabel')}>
        <button type="button" aria-current={view === 'checklist' ? 'page' : undefined} onClick={() => show('checklist')}>
          {t('tabChecklist')}
        </button>
        <button type="button" aria-current={view === 'check' ? 'page' : undefined} onClick={() => show('check')}>
          {t('tabCheck')}
        </button>
        <button type="button" class="link" onClick={() => void openAgentMode(check?.input ?? '').then(() => window.close())}>
          {t('tabAgent')}
        </button>
      </nav>
      {view === 'check' ? (
        <CheckPanel idPrefix="popup" initialInput={initialInput} check={check} onStart={startCheck} onUse={use} onInputChange={keepDraft} initialTyped={initialTyped}>
          <LocalSetup />
        </CheckPanel>
      ) : !client || picking ? (
        <ClientPicker locale={locale} selectedId={client?.id ?? null} onPick={choose} />
      ) : (
        <>
          <div class="current-client">
            <div>
              <h2 id="client-title" class="client-title" tabIndex={-1}>
                {clientName(client, locale)}
              </h2>
              <p class="muted">{t('covers', pick(client.versions, locale))}</p>
            </div>
            <button type="button" class="secondary" onClick={() => setPicking(true)}>
              {t('changeClient')}
            </button>
          </div>
          {PROFILE_CLIENTS.includes(client.id) && state.targetTested && state.target.server && (
            <SetupProfile
              idPrefix="popup"
              audience="customer"
              outgoing={{ ...state.target, server: state.target.server }}
              initialEmail={check?.input ?? state.lastCheckInput}
              discoveredIncoming={discoveredIncoming(check?.report, state.target.server)}
            />
          )}
          <ChecklistView
            key={client.id}
            client={client}
            state={state}
            locale={locale}
            onStateChange={setState}
            onPick={choose}
          />
        </>
      )}
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">
        {announcement}
      </p>
    </main>
  );
}
