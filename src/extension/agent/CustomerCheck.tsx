import { useState } from 'preact/hooks';
import type { ProbeReport } from '../../core/api';
import { probeCommand } from '../../core/local-command';
import { hostBothWays } from '../../core/readable-host';
import type { CheckState } from '../check/check-state';
import { t, type MessageKey } from '../platform/i18n';
import { parsePastedReport, type CustomerFailure, type PastedReport } from '../check/outside-report';
import { Comparison, sameServer } from '../ui/Comparison';

interface Props {
  check: CheckState | null;
  /** The customer's report once it is valid and for the checked server; null otherwise. */
  onReport: (report: ProbeReport | null) => void;
}

const REASONS: Record<Exclude<Extract<PastedReport, { ok: false }>['reason'], 'customer-failed'>, MessageKey> = {
  empty: 'pasteEmpty',
  'too-large': 'pasteTooLarge',
  'not-json': 'pasteNotJson',
  'not-report': 'pasteNotReport',
};

/** The CLI's error codes, each in the agent's words: what it means for the customer's network. */
const PROBE_FAILURES: Record<Extract<CustomerFailure, { kind: 'probe' }>['code'], MessageKey> = {
  'dns-unavailable': 'customerFailedDns',
  'invalid-target': 'customerFailedNoAddress',
  'refused-target': 'customerFailedPrivate',
  timeout: 'customerFailedTimeout',
  'invalid-request': 'customerFailedOptions',
  'not-found': 'customerFailedOther',
  'rate-limited': 'customerFailedOther',
  busy: 'customerFailedOther',
  internal: 'customerFailedOther',
  other: 'customerFailedOther',
};

/** Why the customer's command gave no report, for the server the agent checked. */
function failureSentence(failure: CustomerFailure, server: string): string {
  switch (failure.kind) {
    case 'probe':
      return t(PROBE_FAILURES[failure.code], server);
    case 'no-node':
      return t('customerNoNode');
    case 'old-node':
      return t('customerOldNode', failure.version);
    case 'npm':
      return t(failure.network ? 'customerNpmNetwork' : 'customerNpmFailed', failure.code);
  }
}

/**
 * "Is it the customer's network?" for agents: the command to send (the same probe, run on the customer's
 * computer), and the field where its `--json` output comes back, compared with the agent's own check.
 */
export function CustomerCheck({ check, onReport }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  /** The CLI's own sentence when it failed on the customer's computer, shown as a quote under the reason. */
  const [said, setSaid] = useState('');
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
      setStatus(t('copyFailedCommand'));
    }
  };

  const compare = (event: Event) => {
    event.preventDefault();
    setPasted(null);
    setSaid('');
    onReport(null);
    if (!service) return setError(t('agentCompareFirst'));
    const parsed = parsePastedReport(text);
    if (!parsed.ok && parsed.reason === 'customer-failed') {
      if (parsed.failure.kind === 'probe') setSaid(parsed.failure.message);
      return setError(failureSentence(parsed.failure, hostBothWays(service.server)));
    }
    if (!parsed.ok) return setError(t(REASONS[parsed.reason]));
    if (!sameServer(parsed.report.server, service.server)) return setError(t('pasteOtherServer', hostBothWays(parsed.report.server), hostBothWays(service.server)));
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
          <div id="customer-result-error" role="alert">
            <p class="field-error">{error}</p>
            {said && (
              <p class="small muted" data-testid="customer-said">
                {t('customerCommandSaid', said)}
              </p>
            )}
          </div>
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
