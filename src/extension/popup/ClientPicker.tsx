import { useMemo, useRef, useEffect, useState } from 'preact/hooks';
import { CLIENTS } from '../../core/clients/registry';
import { pick } from '../../core/clients/render';
import type { Locale, MailClient } from '../../core/clients/types';
import { t } from '../i18n';

interface Props {
  locale: Locale;
  selectedId: string | null;
  onPick: (client: MailClient) => void;
}

/** Lowercase without accents, so "configuracion" finds "Configuración". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function matches(client: MailClient, locale: Locale, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const haystack = fold([client.name, pick(client.versions, locale), ...client.aliases].join(' '));
  return words.every((word) => haystack.includes(word));
}

export function ClientPicker({ locale, selectedId, onPick }: Props) {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => CLIENTS.filter((client) => matches(client, locale, query)), [locale, query]);
  useEffect(() => search.current?.focus(), []);

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
          // Enter picks the only (or first) match, as people expect from a search box.
          if (event.key === 'Enter' && shown[0]) onPick(shown[0]);
        }}
      />
      <ul id="client-list" class="client-list">
        {shown.map((client) => (
          <li key={client.id}>
            <button
              type="button"
              class="client-option"
              aria-pressed={client.id === selectedId}
              data-client={client.id}
              onClick={() => onPick(client)}
            >
              <span class="client-name">{client.name}</span>
              <span class="client-versions">{pick(client.versions, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p class="muted" role="status">
          {t('noClientMatch', query)}
        </p>
      )}
    </section>
  );
}
