import { renderSteps } from '../../core/clients/render';
import type { Locale, MailClient, TargetSettings } from '../../core/clients/types';
import { t } from '../platform/i18n';

interface Props {
  client: MailClient;
  target: TargetSettings;
  locale: Locale;
  done: ReadonlySet<string>;
  onToggle: (stepId: string, checked: boolean) => void;
}

export function Checklist({ client, target, locale, done, onToggle }: Props) {
  const steps = renderSteps(client, target, locale);
  const count = steps.filter((step) => done.has(step.id)).length;
  return (
    <section class="checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">{t('checklistTitle')}</h2>
      <div class="progress">
        <progress id="progress" max={steps.length} value={count} aria-labelledby="progress-text" />
        <span id="progress-text" role="status">
          {t('progressLabel', count, steps.length)}
        </span>
      </div>
      <ol class="steps">
        {steps.map((step, index) => {
          const id = `step-${step.id}`;
          return (
            <li key={step.id} class={done.has(step.id) ? 'step done' : 'step'} data-step={step.id} data-kind={step.kind}>
              <input
                id={id}
                type="checkbox"
                checked={done.has(step.id)}
                aria-describedby={step.detail || step.expect ? `${id}-more` : undefined}
                onChange={(event) => onToggle(step.id, event.currentTarget.checked)}
              />
              <div>
                <label for={id}>
                  <span class="step-number" aria-hidden="true">
                    {index + 1}.
                  </span>{' '}
                  {step.text}
                </label>
                {(step.detail || step.expect) && (
                  <div id={`${id}-more`} class="step-more">
                    {step.detail && <p>{step.detail}</p>}
                    {step.expect && (
                      <p class="expect">
                        <span>{t('expectLabel')}</span> {step.expect}
                      </p>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {count === steps.length && (
        <p class="all-done" role="status">
          {t('allDone')}
        </p>
      )}
    </section>
  );
}
