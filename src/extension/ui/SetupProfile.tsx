import { useEffect, useRef, useState } from 'preact/hooks';
import type { Authentication, ProbeReport, Security, Username } from '../../core/api';
import { appleProfile, checkIncoming, checkProfile, SetupFileError, type IncomingSetting } from '../../core/setup-files';
import { t } from '../platform/i18n';
import { fieldFaultWords } from './field-fault-words';
import { readOptions } from '../settings/options';
import { downloadFile } from './download';
import { IncomingFields, incomingDraft, type IncomingDraft } from './IncomingFields';

export interface OutgoingForProfile {
  server: string;
  port: number;
  security: Security;
  authentication: Authentication;
  username?: Username | null;
}

interface Props {
  idPrefix: string;
  /** `customer`: the popup, for the person's own Mail; `agent`: a file the agent sends the customer. */
  audience: 'customer' | 'agent';
  outgoing: OutgoingForProfile;
  /** The address checked, when it was one. */
  initialEmail: string;
  /** An incoming server the check's discovery found (the provider's published file). */
  discoveredIncoming?: IncomingSetting | null;
}

/**
 * The first incoming server the check's discovery read from the provider's file, when the report is for
 * `server`. The report came over the network, so the entry is held to the same rule as typed input.
 */
export function discoveredIncoming(report: ProbeReport | null | undefined, server: string): IncomingSetting | null {
  if (!report || report.recommendation?.server !== server) return null;
  for (const entry of report.discovery?.incoming ?? []) {
    try {
      return checkIncoming(entry);
    } catch (error) {
      if (!(error instanceof SetupFileError)) throw error;
    }
  }
  return null;
}

/** The Mail clients a configuration profile sets up (macOS Mail, iPhone and iPad Mail). */
export const PROFILE_CLIENTS = ['apple-mail', 'apple-mail-legacy', 'ios-mail'];

/**
 * "Set up automatically": an Apple configuration profile with the checked outgoing server, downloaded
 * as a file. The incoming server comes from the helpdesk profile, else the check's discovery, else is asked.
 */
export function SetupProfile({ idPrefix, audience, outgoing, initialEmail, discoveredIncoming }: Props) {
  const [email, setEmail] = useState(initialEmail.includes('@') ? initialEmail : '');
  const [incoming, setIncoming] = useState<IncomingDraft>(incomingDraft(discoveredIncoming));
  const [providerName, setProviderName] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  // The helpdesk profile's incoming server comes first; the check's discovery fills in only an empty field.
  const fromProfile = useRef(false);
  useEffect(() => {
    void readOptions().then(({ options }) => {
      setProviderName(options.profile.name);
      if (!options.profile.incoming) return;
      fromProfile.current = true;
      setIncoming(incomingDraft(options.profile.incoming));
    });
  }, []);
  // The check may arrive after this section appeared (the popup reads it from session storage).
  useEffect(() => {
    if (discoveredIncoming && !fromProfile.current) setIncoming((current) => (current.hostname.trim() === '' ? incomingDraft(discoveredIncoming) : current));
  }, [discoveredIncoming?.protocol, discoveredIncoming?.hostname, discoveredIncoming?.port, discoveredIncoming?.security]);
  useEffect(() => {
    if (initialEmail.includes('@')) setEmail((current) => current || initialEmail);
  }, [initialEmail]);

  // Port 25 is never written into a profile (setup-files/input.ts): the form is not offered for it.
  const usable = outgoing.security !== 'none' && outgoing.authentication === 'password' && outgoing.port !== 25;

  const download = (event: Event) => {
    event.preventDefault();
    setStatus('');
    try {
      const input = checkProfile({
        email,
        outgoing: { hostname: outgoing.server, port: outgoing.port, security: outgoing.security, authentication: outgoing.authentication },
        incoming: { protocol: incoming.protocol, hostname: incoming.hostname, port: incoming.port.trim(), security: incoming.security },
        username: outgoing.username?.pattern,
        displayName: providerName,
      });
      const file = appleProfile(input);
      downloadFile(file);
      setError('');
      setStatus(t('setupDownloaded', file.name));
    } catch (caught) {
      if (!(caught instanceof SetupFileError)) throw caught;
      setError(caught.fault ? fieldFaultWords(caught.fault, t) : caught.message);
    }
  };

  return (
    <section class="card setup-profile" aria-labelledby={`${idPrefix}-setup-title`} data-testid="setup-profile">
      <h2 id={`${idPrefix}-setup-title`}>{audience === 'agent' ? t('setupTitleAgent') : t('setupTitle')}</h2>
      {!usable ? (
        <p class="small">{t('setupNotPossible')}</p>
      ) : (
        <form onSubmit={download} noValidate>
          <p class="small">{audience === 'agent' ? t('setupIntroAgent', outgoing.server, outgoing.port) : t('setupIntro', outgoing.server, outgoing.port)}</p>
          <label for={`${idPrefix}-setup-email`}>{t('setupEmailLabel')}</label>
          <input
            id={`${idPrefix}-setup-email`}
            type="text"
            inputMode="email"
            autocomplete="off"
            spellcheck={false}
            placeholder="name@example.com"
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
          <IncomingFields idPrefix={`${idPrefix}-setup`} value={incoming} onChange={setIncoming} />
          {error && (
            <p class="field-error" role="alert" data-testid="setup-error">
              {error}
            </p>
          )}
          <button type="submit">{t('setupButton')}</button>
          <p class="status small" role="status" aria-live="polite" data-testid="setup-status">
            {status}
          </p>
          <ul class="setup-notes small">
            <li>{incoming.protocol === 'imap' ? t('setupCaveatImap') : t('setupCaveatPop')}</li>
            <li>{t('setupUnsigned')}</li>
            <li>{audience === 'agent' ? t('setupHowAgent') : t('setupHowCustomer')}</li>
          </ul>
        </form>
      )}
    </section>
  );
}
