import { useEffect, useState } from 'preact/hooks';
import { CLIENTS, findClient } from '../../core/clients/registry';
import { clientName } from '../../core/clients/render';
import type { ProbeReport } from '../../core/api';
import { compareViews } from '../../core/diagnosis/compare';
import { composeReply, type ReplyFormat } from '../../core/diagnosis/reply';
import { browser, type Storage } from '../platform/browser';
import { contentLocale, t } from '../platform/i18n';
import { AGENT_INPUT_KEY } from '../platform/messages';
import { readOptions } from '../settings/options';
import { readState, writeItems } from '../settings/storage';
import { CheckPanel } from '../ui/CheckPanel';
import { sameServer } from '../ui/Comparison';
import { useCheck } from '../ui/use-check';
import { discoveredIncoming, PROFILE_CLIENTS, SetupProfile } from '../ui/SetupProfile';
import { CustomerCheck } from './CustomerCheck';

/**
 * Agent mode: check a customer's address or domain and copy a reply for them. It knows nothing
 * of the chat it sits beside: the target arrives by typing, pasting, or the selection the agent
 * chose to send through the context menu or the shortcut.
 */
export function AgentApp() {
  const { check, start } = useCheck();
  const [input, setInput] = useState('');
  // The customer's program: unknown until the agent picks it, and never the agent's own popup choice.
  const [clientId, setClientId] = useState('');
  const [status, setStatus] = useState('');
  const [customerReport, setCustomerReport] = useState<ProbeReport | null>(null);
  // A refused new input puts the last customer's check away (the reply, the command, the profile) until
  // the next check starts, so nothing of it is copied for the next customer.
  const [superseded, setSuperseded] = useState(false);
  // The helpdesk profile's name signs the reply.
  const [signature, setSignature] = useState('');
  const locale = contentLocale();

  useEffect(() => {
    void readOptions().then((effective) => setSignature(effective.options.profile.name));
  }, []);
  // "Reply copied" speaks of the reply that was copied: a new check's reply has not been, nor is a reply put away.
  useEffect(() => setStatus(''), [check?.startedAt, superseded]);

  useEffect(() => {
    void readState().then((state) => {
      if (state.agentClientId && findClient(state.agentClientId)) setClientId(state.agentClientId);
      if (state.lastCheckInput) setInput((current) => current || state.lastCheckInput);
    });
    const take = (value: unknown) => {
      const entry = value as { input?: unknown } | undefined;
      if (typeof entry?.input === 'string' && entry.input) setInput(entry.input);
    };
    void browser.storage.session.get(AGENT_INPUT_KEY).then((stored) => take(stored[AGENT_INPUT_KEY]));
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'session' && changes[AGENT_INPUT_KEY]) take(changes[AGENT_INPUT_KEY].newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const chosen = clientId ? findClient(clientId) : undefined;
  const shown = superseded ? null : check;
  const report = shown?.status === 'done' ? shown.report : null;
  // The customer's pasted report stays valid across re-checks of the same server, and only those.
  const comparison = report && customerReport && sameServer(customerReport.server, report.server) ? compareViews(report, customerReport) : null;

  const replyText = (format: ReplyFormat) => {
    if (!report) return '';
    // Without a chosen program the reply asks which one the customer uses (composeReply's own words).
    return composeReply({ report, client: chosen ?? null, locale, format, comparison, signature });
  };

  const copy = async (format: ReplyFormat) => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(replyText(format));
      setStatus(format === 'markdown' ? t('replyCopiedMarkdown') : t('replyCopied'));
    } catch {
      setStatus(t('copyFailedReply'));
    }
  };

  const reply = (
    <section class="card reply" aria-labelledby="reply-title">
      <h2 id="reply-title">{t('replyTitle')}</h2>
      <label for="reply-client">{t('replyClientLabel')}</label>
      <select
        id="reply-client"
        value={chosen?.id ?? ''}
        onChange={(event) => {
          setClientId(event.currentTarget.value);
          void writeItems({ agentClientId: event.currentTarget.value || null });
        }}
      >
        <option value="">{t('replyClientUnknown')}</option>
        {CLIENTS.map((option) => (
          <option key={option.id} value={option.id}>
            {clientName(option, locale)}
          </option>
        ))}
      </select>
      {report ? (
        <>
          <label for="reply-preview">{t('replyPreview')}</label>
          <textarea id="reply-preview" readOnly rows={12} value={replyText('text')} />
          <div class="actions">
            <button type="button" onClick={() => void copy('text')}>
              {t('copyReply')}
            </button>
            <button type="button" class="secondary" onClick={() => void copy('markdown')}>
              {t('copyReplyMarkdown')}
            </button>
          </div>
        </>
      ) : (
        <p class="muted">{t(check?.status === 'error' ? 'replyAfterFailedCheck' : check?.status === 'running' ? 'replyWhileChecking' : 'replyAfterCheck')}</p>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );

  return (
    <main>
      <header class="intro">
        <h1>{t('agentHeading')}</h1>
        <p>{t('agentIntro')}</p>
      </header>
      {/* The reply is what the agent came for: right under the form, before the port table and the customer-network card. */}
      <CheckPanel idPrefix="agent" audience="agent" initialInput={input} check={check} onStart={(value) => void start(value)} onSupersede={setSuperseded}>
        {reply}
      </CheckPanel>
      <CustomerCheck check={shown} onReport={setCustomerReport} />
      {/* Apple's profile, while the customer's program is not known yet or is one of Apple's. */}
      {report?.recommendation && (!chosen || PROFILE_CLIENTS.includes(chosen.id)) && (
        <SetupProfile
          key={report.server}
          idPrefix="agent"
          audience="agent"
          outgoing={report.recommendation}
          initialEmail={check?.input ?? ''}
          discoveredIncoming={discoveredIncoming(report, report.recommendation.server)}
        />
      )}
    </main>
  );
}
