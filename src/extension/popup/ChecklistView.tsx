import { useState } from 'preact/hooks';
import { stepsAsText } from '../../core/clients/export';
import { findClient } from '../../core/clients/registry';
import { settingsLine } from '../../core/clients/phrases';
import { clientName, pick } from '../../core/clients/render';
import type { Locale, MailClient } from '../../core/clients/types';
import { t } from '../platform/i18n';
import { clearProgress, saveProgress, type StoredState } from '../settings/storage';
import { Checklist } from './Checklist';
import { HelpSections } from './HelpSections';
import { SettingsCard } from './SettingsCard';

interface Props {
  client: MailClient;
  state: StoredState;
  locale: Locale;
  onStateChange: (state: StoredState) => void;
  onPick: (client: MailClient) => void;
}

export function ChecklistView({ client, state, locale, onStateChange, onPick }: Props) {
  const [status, setStatus] = useState('');
  const known = new Set(client.steps.map((step) => step.id));
  // Ticks of steps that no longer exist (the client's data changed) are ignored, not shown.
  const done = new Set((state.progress[client.id]?.done ?? []).filter((id) => known.has(id)));
  const target = state.target;
  const successor = client.retired ? findClient(client.retired.successor) : undefined;

  const toggle = async (stepId: string, checked: boolean) => {
    const next = new Set(done);
    if (checked) next.add(stepId);
    else next.delete(stepId);
    const ordered = client.steps.map((step) => step.id).filter((id) => next.has(id));
    setStatus('');
    onStateChange({ ...state, progress: { ...state.progress, [client.id]: { done: ordered, updatedAt: Date.now() } } });
    await saveProgress(client.id, ordered);
  };

  const copy = async () => {
    const text = stepsAsText(client, target, locale, {
      title: t('exportTitle', clientName(client, locale)),
      settings: settingsLine(client, target, locale),
      expect: (line) => t('exportExpect', line),
      source: (url) => t('exportSource', url),
    });
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('copied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  };

  const startOver = async () => {
    const progress = await clearProgress(client.id);
    onStateChange({ ...state, progress });
    setStatus(t('startedOver', clientName(client, locale)));
  };

  return (
    <>
      {client.retired && (
        <section class="card notice" aria-labelledby="retired-title">
          <h2 id="retired-title">{t('retiredTitle', clientName(client, locale))}</h2>
          <p>{pick(client.retired.note, locale)}</p>
          {successor && (
            <button type="button" onClick={() => onPick(successor)}>
              {t('retiredGoTo', successor.name)}
            </button>
          )}
        </section>
      )}
      <SettingsCard client={client} target={target} locale={locale} tested={state.targetTested} />
      <Checklist
        client={client}
        target={target}
        locale={locale}
        done={done}
        onToggle={(id, checked) => void toggle(id, checked)}
      />
      <div class="actions">
        <button type="button" onClick={() => void copy()}>
          {t('copySteps')}
        </button>
        <button type="button" class="secondary" onClick={() => void startOver()}>
          {t('startOver')}
        </button>
      </div>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      <HelpSections client={client} target={target} locale={locale} />
      <footer class="muted small">
        {client.sources.map((source) => (
          <p key={source.url}>
            {t('sourcesLabel')}{' '}
            <a href={source.url} target="_blank" rel="noreferrer">
              {source.title}
            </a>
          </p>
        ))}
        <p>{t('closeHint')}</p>
      </footer>
    </>
  );
}
