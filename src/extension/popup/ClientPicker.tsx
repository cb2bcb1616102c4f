import { useMemo, useRef, useEffect, useState } from 'preact/hooks';
import { findClient } from '../../core/clients/registry';
import { clientName, pick } from '../../core/clients/render';
import type { Locale, MailClient } from '../../core/clients/types';
import { t } from '../platform/i18n';
import { searchClients, serviceNamed } from './client-search';

interface Props {
  locale: Locale;
  selectedId: string | null;
  onPick: (client: MailClient) => void;
}

export function ClientPicker({ locale, selectedId, onPick }: Props) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => searchClients(query, locale), [locale, query]);
  const service = query.trim() ? serviceNamed(query, locale) : null;
  const general = findClient('other');
  useEffect(() => search.current?.focus(), []);

  const option = (client: MailClient) => (
    <li key={client.id}>
      <button type="button" class="client-option" aria-pressed={client.id === selectedId} data-client={client.id} onClick={() => onPick(client)}>
        <span class="client-name">{clientName(client, locale)}</span>
        <span class="client-versions">{pick(client.versions, locale)}</span>
      </button>
    </li>
  );

  return (
    <section class="picker" aria-labelledby="picker-title">
      <h2 id="picker-title">{t('pickClientLabel')}</h2>
      <label class="visually-hidden" for="client-search">
        {t('searchClients')}
      </label>
      <input
        ref={search}
        id="client-search"
        type="search"
        placeholder={t('searchClients')}
        value={query}
        autocomplete="off"
        aria-controls="client-list"
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter picks the only (or first) match, as people expect from a search box; with none, the general entry.
          if (event.key === 'Enter' && query.trim()) {
            const chosen = shown[0] ?? general;
            if (chosen) onPick(chosen);
          }
        }}
      />
      {service && (
        <p class="muted small service-hint" data-testid="service-hint">
          {t('serviceHint', service.label)}
        </p>
      )}
      <ul id="client-list" class="client-list">
        {shown.map((client) => option(client))}
      </ul>
      {shown.length === 0 && (
        <>
          <p class="muted" role="status">
            {t('noClientMatch', query)}
          </p>
          {general && <ul class="client-list">{option(general)}</ul>}
        </>
      )}
    </section>
  );
}
