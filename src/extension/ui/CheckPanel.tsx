import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Authentication, PortResult, Recommendation } from '../../core/api';
import { LOCAL_TIMEOUT_MS } from '../../core/native-protocol';
import { adviceForNetwork, blockedHere, compareViews, type ViewComparison } from '../../core/diagnosis/compare';
import { checkedFallback, type CheckedFallback } from '../../core/diagnosis/submission';
import { parseTarget } from '../../core/target';
import { isPlaceholderHost } from '../../core/placeholder-host';
import { hostBothWays } from '../../core/readable-host';
import { targetFaultWords } from './target-fault-words';
import { usernameWords } from '../../core/diagnosis/username';
import type { CheckState } from '../check/check-state';
import { contentLocale, t, type MessageKey } from '../platform/i18n';
import { Comparison, sameServer } from './Comparison';
import { certificateWords, loginCellWords, securityWords, stateWords, usablePort } from './port-words';
import { useElapsed } from './use-check';
import { warningWords } from './warning-words';
import { portRows } from './port-rows';
import { useServiceStatus } from './service-status';
import { browser } from '../platform/browser';

interface Props {
  /** Prefill for the field (from the page, the profile or the last check). */
  initialInput: string;
  check: CheckState | null;
  onStart: (input: string) => void;
  /** Where "Use these settings" is offered (the popup), what it does. */
  onUse?: (recommendation: Recommendation, checked: CheckedFallback) => void;
  idPrefix: string;
  /** Shown under the form: the popup's "check from this computer too" line, the agent's reply. */
  children?: ComponentChildren;
  /**
   * Told whether the check shown still answers what was asked: true once a new input was refused in the
   * field (the previous customer's result must not be copied for the next one), false again when a
   * check starts. The panel puts its own result away meanwhile; the caller does the same with its parts.
   */
  onSupersede?: (superseded: boolean) => void;
  /** Told what is in the field as it is typed (the popup keeps it while the panel is away). */
  onInputChange?: (input: string) => void;
  /** The prefill is what the person typed earlier (the popup's kept draft): questioned like typing. */
  initialTyped?: boolean;
  /** Who reads it: an agent is the helpdesk, so is not told to ask it. */
  audience?: 'customer' | 'agent';
}

/** The recommendation's sentence for each login; a new login is a type error here, not a password. */
const RECOMMEND_WORDS: Record<Authentication, MessageKey> = {
  password: 'recommendPassword',
  'encrypted-password': 'recommendEncrypted',
  'smtp-after-pop': 'recommendPopFirst',
  none: 'recommendNoAuth',
  oauth2: 'recommendOAuth',
  'client-cert': 'recommendClientCert',
  ntlm: 'recommendNtlm',
  kerberos: 'recommendKerberos',
};

export function recommendationSentence(recommendation: Recommendation): string {
  const security = securityWords(recommendation.security);
  const server = hostBothWays(recommendation.server);
  return t(RECOMMEND_WORDS[recommendation.authentication], server, recommendation.port, security);
}

/** How a result reads in the table: two addresses of a port that read the same share one row. */
function rowLooks(result: PortResult): string {
  return [stateWords(result), result.state === 'ok' ? securityWords(result.security) : '', certificateWords(result.tls), loginCellWords(result)].join('|');
}

function errorSentence(check: CheckState): string {
  const error = check.error;
  if (!error) return '';
  // The service explains in English: its own sentence is shown to English readers only, the others get
  // a sentence of their language that says the same in general.
  const english = contentLocale() === 'en';
  switch (error.kind) {
    case 'unreachable':
      return t('errorUnreachable');
    case 'rate-limited':
      return t('errorRateLimited', error.retryAfterSeconds ?? 60);
    case 'invalid':
      return english ? error.detail || t('errorInvalid') : t('errorInvalidService');
    case 'refused':
      return english ? t('errorRefused', error.detail) : t('errorRefusedPlain');
    case 'timeout':
      return t('errorTimeout');
    case 'busy':
      return t('errorBusy');
    case 'dns':
      return english && error.detail ? error.detail : t('errorDnsUnavailable');
    default:
      return english ? t('errorServer', error.detail) : t('errorServerPlain');
  }
}

/**
 * A local probe still "running" well past the browser's own timeout means the worker that waited for it
 * went away (the browser stopped it, or the extension restarted): say so instead of waiting forever.
 */
const LOCAL_STALE_MS = LOCAL_TIMEOUT_MS + 15_000;

function useLocalStale(check: CheckState): boolean {
  const running = check.local?.status === 'running';
  const left = check.startedAt + LOCAL_STALE_MS - Date.now();
  const [stale, setStale] = useState(running && left <= 0);
  useEffect(() => {
    setStale(running && left <= 0);
    if (!running || left <= 0) return;
    const timer = setTimeout(() => setStale(true), left);
    return () => clearTimeout(timer);
  }, [check.id, running]);
  return stale;
}

/**
 * The longest the Retry button waits: a service (or a proxy in front of it) asking for hours would
 * otherwise lock it for that long; Check stays available either way.
 */
const MAX_RETRY_WAIT_SECONDS = 300;

/**
 * True while the wait the service asked for (Retry-After on a rate limit, a busy service or a failing DNS)
 * has not passed: the Retry button stays disabled until then, so pressing it cannot only earn another refusal.
 */
function useRetryWait(check: CheckState | null): boolean {
  const asked = check?.status === 'error' ? (check.error?.retryAfterSeconds ?? null) : null;
  const seconds = asked === null ? null : Math.min(asked, MAX_RETRY_WAIT_SECONDS);
  const left = seconds === null || check?.finishedAt == null ? 0 : check.finishedAt + seconds * 1000 - Date.now();
  const [waiting, setWaiting] = useState(left > 0);
  useEffect(() => {
    setWaiting(left > 0);
    if (left <= 0) return;
    const timer = setTimeout(() => setWaiting(false), left);
    return () => clearTimeout(timer);
  }, [check?.id, check?.finishedAt, seconds]);
  return waiting;
}

/** The helper's error codes (native-protocol.ts) a reader of another language gets in their own words. */
const LOCAL_REASONS: Record<string, MessageKey> = {
  'invalid-target': 'localReason_invalid',
  'refused-target': 'localReason_refused',
  timeout: 'localReason_timeout',
  busy: 'localReason_busy',
  // The extension's own wait for the helper ran out (local-probe.ts).
  'no-answer': 'localStale',
};

function localErrorSentence(kind: 'missing' | 'restart' | 'failed' | 'dns' | undefined, detail: string, code: string | undefined): string {
  if (kind === 'missing') return t('localNotInstalled');
  if (kind === 'restart') return t('localNeedsRestart');
  if (kind === 'dns') return t('localDnsUnavailable');
  // The helper explains in English, like the service: its own words for English readers only.
  if (contentLocale() === 'en' && detail) return t('localFailed', detail);
  // The code came from another program: only our own keys are looked up ("constructor" is not one).
  return t('localFailed', t(code !== undefined && Object.hasOwn(LOCAL_REASONS, code) ? LOCAL_REASONS[code]! : 'localReason_other'));
}

/** The two views compared, when the check from this computer looked at the same server. */
function localComparison(check: CheckState | null): ViewComparison | null {
  const local = check?.local?.status === 'done' ? check.local.report : null;
  if (!check?.report || !local || !sameServer(check.report.server, local.server)) return null;
  return compareViews(check.report, local);
}

/** The service's recommendation, or its alternative when the customer's own network stops the recommended port. */
function networkAdvice(check: CheckState | null): Recommendation | null {
  const recommendation = check?.report?.recommendation ?? null;
  const comparison = localComparison(check);
  return recommendation && comparison ? adviceForNetwork(recommendation, comparison) : recommendation;
}

/** What the check found beside its advice, the ports this network blocks counted as not working. */
function networkFallback(check: CheckState, recommendation: Recommendation): CheckedFallback {
  const comparison = localComparison(check);
  return checkedFallback(check.report?.ports ?? [], recommendation, comparison ? blockedHere(comparison) : []);
}

/** The local side of a check: progress, why it is missing, or the two views compared. */
function LocalPart({ check, idPrefix }: { check: CheckState; idPrefix: string }) {
  const local = check.local;
  const stale = useLocalStale(check);
  if (!local) return null;
  if (local.status === 'running' && stale) {
    return (
      <p class="card notice small" data-testid="local-status">
        {t('localFailed', t('localStale'))}
      </p>
    );
  }
  if (local.status === 'running') {
    return (
      <p class="muted small" role="status" data-testid="local-status">
        {t('localRunning')}
      </p>
    );
  }
  if (local.status === 'error') {
    return (
      <p class="card notice small" data-testid="local-status">
        {localErrorSentence(local.error?.kind, local.error?.detail ?? '', local.error?.code)}
      </p>
    );
  }
  if (!check.report || !local.report) return null;
  if (!sameServer(check.report.server, local.report.server)) {
    return (
      <p class="card notice small" data-testid="local-status">
        {t('localOtherServer', hostBothWays(local.report.server), hostBothWays(check.report.server))}
      </p>
    );
  }
  return <Comparison service={check.report} local={local.report} localHeading={t('compareColLocal')} idPrefix={idPrefix} />;
}

export function CheckPanel({ initialInput, check, onStart, onUse, idPrefix, children, onSupersede, onInputChange, audience = 'customer', initialTyped = false }: Props) {
  const [input, setInput] = useState(initialInput);
  const [inlineError, setInlineError] = useState('');
  /** A pattern host ("mail.yourdomain.com") the person was asked about: pressing Check again checks it. */
  const [patternAsked, setPatternAsked] = useState('');
  /**
   * A new input was refused in the field: the check shown answers an earlier question, so its result is
   * put away until a check starts (here or from elsewhere, such as a page's "Check this server").
   */
  const [superseded, setSuperseded] = useState(false);
  useEffect(() => setSuperseded(false), [check?.startedAt]);
  useEffect(() => onSupersede?.(superseded), [superseded]);
  // A later prefill (a page's server, the agent's customer) replaces the field; the first run of this
  // effect would only repeat useState's value, after paint, wiping what a quick typist already entered.
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current) setInput(initialInput);
    mounted.current = true;
  }, [initialInput]);
  const { status: service, askAgain } = useServiceStatus();
  /** What was asked for before the service was known to answer; checked once it does. */
  const [queued, setQueued] = useState<string | null>(null);
  useEffect(() => {
    if (queued === null || service.state === 'asking') return;
    setQueued(null);
    if (service.state === 'answers') onStart(queued);
  }, [queued, service.state]);
  const running = check?.status === 'running';
  const elapsed = useElapsed(check?.startedAt ?? null, running);
  const retryWaiting = useRetryWait(check);
  const recommendation = networkAdvice(check);
  const fieldId = `${idPrefix}-target`;
  const errorId = `${idPrefix}-target-error`;

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseTarget(input);
    if (!parsed.ok) {
      setPatternAsked('');
      setInlineError(targetFaultWords(parsed.fault, t));
      setSuperseded(check !== null);
      return;
    }
    // A help page's pattern copied as it stands can only fail: say so once, then check it if asked again. What the
    // extension prefilled (a page's own server, weighed against that page's site) is not questioned.
    if (isPlaceholderHost(parsed.host) && patternAsked !== parsed.host && (initialTyped || input.trim() !== initialInput.trim())) {
      setPatternAsked(parsed.host);
      setInlineError(t('checkPatternHost', parsed.host));
      setSuperseded(check !== null);
      return;
    }
    setPatternAsked('');
    setInlineError('');
    setSuperseded(false);
    if (running) return;
    // Pressed while the extension still asks whether the service answers (the first second or so after
    // opening): the check starts as soon as it does, rather than the press being lost.
    if (service.state === 'asking') return setQueued(input);
    onStart(input);
  };


  return (
    <section class="check" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{t('checkTitle')}</h2>
      <form class="check-form" onSubmit={submit} noValidate>
        <label for={fieldId}>{t('checkFieldLabel')}</label>
        <div class="row">
          <input
            id={fieldId}
            type="text"
            inputMode="email"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('checkFieldPlaceholder')}
            value={input}
            aria-invalid={inlineError && !patternAsked ? 'true' : undefined}
            aria-describedby={inlineError ? errorId : `${idPrefix}-privacy`}
            onInput={(event) => {
              setInput(event.currentTarget.value);
              onInputChange?.(event.currentTarget.value);
            }}
          />
          {service.state !== 'silent' && (
            // aria-disabled, not disabled: a disabled button drops keyboard focus to the page mid-check.
            <button type="submit" aria-disabled={running || queued !== null ? 'true' : undefined}>
              {t('checkButton')}
            </button>
          )}
        </div>
        {inlineError ? (
          <p id={errorId} class="field-error" role="alert">
            {inlineError}
          </p>
        ) : (
          <p id={`${idPrefix}-privacy`} class="muted small">
            {t('checkPrivacy')}
          </p>
        )}
        {queued !== null && (
          <p class="muted small" role="status" data-testid="check-queued">
            {t('checkWaitingForService')}
          </p>
        )}
      </form>
      {service.state === 'silent' ? (
        <div class="card notice" data-testid="service-missing" role="status">
          <p>
            {audience === 'agent'
              ? service.configured
                ? t('serviceSilentAgent', service.host)
                : t('serviceNeededAgent')
              : service.configured
                ? t('serviceSilent', service.host)
                : t('serviceNeeded')}
          </p>
          <p>
            <a
              href={browser.runtime.getURL('src/extension/options/index.html')}
              target="_blank"
              rel="noreferrer"
              onClick={(event) => {
                event.preventDefault();
                void browser.runtime.openOptionsPage();
              }}
            >
              {t('serviceOpenOptions')}
            </a>
          </p>
          {service.configured && (
            <button type="button" class="secondary" onClick={askAgain}>
              {t('serviceAskAgain')}
            </button>
          )}
        </div>
      ) : (
        children
      )}

      {check && !superseded && (
        <div class="check-result" aria-live="polite" aria-busy={running ? 'true' : 'false'}>
          <p class="muted small" role="status">
            {running
              ? t('checkRunning', check.server ? hostBothWays(check.server) : check.input, elapsed)
              : check.status === 'done'
                ? t('checkDone', check.server ? hostBothWays(check.server) : check.input)
                : ''}
          </p>
          {check.status === 'error' && (
            <div class="card error" role="alert">
              <p>{errorSentence(check)}</p>
              {check.error?.kind !== 'invalid' && check.error?.kind !== 'refused' && (
                <button type="button" class="secondary" disabled={retryWaiting} onClick={() => onStart(check.input)}>
                  {t('retry')}
                </button>
              )}
            </div>
          )}
          {check.status !== 'error' && (
            <table class="ports">
              <caption class="visually-hidden">{t('portsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colPort')}</th>
                  <th scope="col">{t('colState')}</th>
                  <th scope="col">{t('colSecurity')}</th>
                  <th scope="col">{t('colCertificate')}</th>
                  <th scope="col">{t('colAuth')}</th>
                </tr>
              </thead>
              <tbody>
                {portRows(check.ports, check.results, check.addresses, running, rowLooks).map((row) =>
                  row.result ? (
                    <tr
                      key={row.key}
                      data-port={row.port}
                      data-address={row.addresses.length === 1 ? row.addresses[0] : undefined}
                      data-addresses={row.addresses.join(' ')}
                      data-state={row.result.state}
                      // Green only where a mail program can send: port 25 open without a login is not one.
                      data-usable={usablePort(row.result) ? 'true' : undefined}
                      // The service's own sentence about the port is English: a tooltip for English readers only.
                      title={contentLocale() === 'en' ? row.result.message : undefined}
                    >
                      <th scope="row">
                        {row.port}
                        {row.showAddresses && <span class="muted small"> {row.addresses.join(', ')}</span>}
                      </th>
                      <td>{stateWords(row.result)}</td>
                      <td>{row.result.state === 'ok' ? securityWords(row.result.security) : '—'}</td>
                      <td>{certificateWords(row.result.tls)}</td>
                      <td>{loginCellWords(row.result)}</td>
                    </tr>
                  ) : (
                    <tr key={row.key} data-port={row.port} data-address={row.addresses.length === 1 ? row.addresses[0] : undefined} class="pending">
                      <th scope="row">
                        {row.port}
                        {row.showAddresses && <span class="muted small"> {row.addresses.join(', ')}</span>}
                      </th>
                      <td colSpan={4}>{running ? t('portChecking') : t('portNotChecked')}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
          <LocalPart check={check} idPrefix={idPrefix} />
          {check.report && (
            <div class="card recommendation">
              {recommendation ? (
                <>
                  <p data-testid="recommendation">{recommendationSentence(recommendation)}</p>
                  {recommendation.username && (
                    <p data-testid="recommendation-username">{t('recommendUsername', usernameWords(recommendation.username, contentLocale()))}</p>
                  )}
                  {check.report.recommendation && recommendation.port !== check.report.recommendation.port && (
                    <p class="small" data-testid="recommendation-moved">
                      {t('recommendMoved', check.report.recommendation.port, recommendation.port)}
                    </p>
                  )}
                  {onUse && (
                    <button type="button" onClick={() => onUse(recommendation, networkFallback(check, recommendation))}>
                      {t('useSettings')}
                    </button>
                  )}
                </>
              ) : (
                <p data-testid="recommendation">{t('recommendNone')}</p>
              )}
              {check.report.warnings.length > 0 && (
                <ul class="warnings">
                  {check.report.warnings.map((warning) => (
                    <li key={`${warning.code}-${warning.port ?? ''}`} data-code={warning.code}>
                      {warningWords(warning, contentLocale(), t)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
