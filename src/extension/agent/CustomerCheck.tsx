import { useState } from 'preact/hooks';
import type { ProbeReport } from '../../core/api';
import { probeCommand } from '../../core/local-command';
import type { CheckState } from '../check/check-state';
import { t } from '../platform/i18n';
import { parsePastedReport, type PastedReport } from '../check/outside-report';
import { Comparison, sameServer } from '../ui/Comparison';

interface Props {
  check: CheckState | null;
  /** The customer's report once it is valid and for the checked server; null otherwise. */
  onReport: (report: ProbeReport | null) => void;
}

const REASONS: Record<Extract<PastedReport, { ok: false }>['reason'], () => string> = {
  empty: () => t('pasteEmpty'),
  'too-large': () => t('pasteTooLarge'),
  'not-json': () => t('pasteNotJson'),
  'not-report': () => t('pasteNotReport'),
};

/**
 * "Is it the customer's network?" for agents: the command to send (the same probe, run on the customer's
 * computer), and the field where its `--json` output comes back, compared with the agent's own check.
 */
export function CustomerCheck({ check, onReport }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [pasted, setPasted] = useState<ProbeReport | null>(null);
  const service = check?.status === 'done' ? check.report : null;
  // The server the agent's check found, so the customer's run probes that very server.
  const command = service ? probeCommand(service.server) : null;

  const copy = async () => {
    if (!command) return;
    try {
      await navigator.clipboard.writeText(command);
      setStatus(t('localCopied'));
    } catch {
      setStatus(t('copyFailed'));
    }
  };

  const compare = (event: Event) => {
    event.preventDefault();
    setPasted(null);
    onReport(null);
    if (!service) return setError(t('agentCompareFirst'));
    const parsed = parsePastedReport(text);
    if (!parsed.ok) return setError(REASONS[parsed.reason]());
    if (!sameServer(parsed.report.server, service.server)) return setError(t('pasteOtherServer', parsed.report.server, service.server));
    setError('');
    setPasted(parsed.report);
    onReport(parsed.report);
  };

  return (
    <section class="card customer-check" aria-labelledby="customer-check-title">
      <h2 id="customer-check-title">{t('agentLocalTitle')}</h2>
      <p class="small">{t('agentLocalIntro')}</p>
      {command ? (
        <>
          <p class="small muted">
            {t('agentCommandLabel')}
          </p>
          <code class="command" data-testid="customer-command">
            {command}
          </code>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void copy()}>
              {t('localCopyCommand')}
            </button>
          </div>
        </>
      ) : (
        <p class="muted small">{service ? t('agentNoCommand', service.server) : t('agentCompareFirst')}</p>
      )}
      <form onSubmit={compare} noValidate>
        <label for="customer-result">{t('agentPasteLabel')}</label>
        <textarea
          id="customer-result"
          rows={5}
          spellcheck={false}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'customer-result-error' : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <div class="actions">
          <button type="submit">{t('agentCompare')}</button>
        </div>
        {error && (
          <p id="customer-result-error" class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {pasted && service && sameServer(pasted.server, service.server) && (
        <Comparison service={service} local={pasted} localHeading={t('compareColCustomer')} idPrefix="agent" />
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
