import { useEffect, useState } from 'preact/hooks';
import { findClient } from '../../core/clients/registry';
import { pick } from '../../core/clients/render';
import type { MailClient } from '../../core/clients/types';
import { contentLocale, t } from '../i18n';
import { readState, writeItems, type StoredState } from '../storage';
import { ClientPicker } from './ClientPicker';
import { ChecklistView } from './ChecklistView';
import { useEscapeCloses } from './use-escape-closes';

export function App() {
  const [state, setState] = useState<StoredState | null>(null);
  const [picking, setPicking] = useState(false);
  const locale = contentLocale();
  useEscapeCloses();

  useEffect(() => {
    readState().then(setState);
  }, []);

  if (!state) return <p class="loading" aria-busy="true" />;

  const client = state.lastClientId ? findClient(state.lastClientId) : undefined;
  const choose = (next: MailClient) => {
    setPicking(false);
    setState({ ...state, lastClientId: next.id });
    void writeItems({ lastClientId: next.id });
  };

  return (
    <main>
      <header class="intro">
        <h1>{t('extName')}</h1>
        <p>{t('whyLine1')}</p>
        <p>{t('whyLine2')}</p>
      </header>
      {!client || picking ? (
        <ClientPicker locale={locale} selectedId={client?.id ?? null} onPick={choose} />
      ) : (
        <>
          <div class="current-client">
            <div>
              <h2 class="client-title">{client.name}</h2>
              <p class="muted">{t('covers', pick(client.versions, locale))}</p>
            </div>
            <button type="button" class="secondary" onClick={() => setPicking(true)}>
              {t('changeClient')}
            </button>
          </div>
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
    </main>
  );
}
