import { useEffect, useState } from 'preact/hooks';
import type { Recommendation } from '../../core/api';
import { autodiscoverXml, checkProvider, mozillaAutoconfig, publishPlaces, SetupFileError, srvZone, type FileSecurity, type ProviderInput, type SetupFile } from '../../core/setup-files';
import { checkHostName } from '../../core/host-name';
import { parseTarget } from '../../core/target';
import { browser } from '../platform/browser';
import { CHECK_KEY, type CheckState } from '../check/check-state';
import { t } from '../platform/i18n';
import { fieldFaultWords } from '../ui/field-fault-words';
import type { HelpdeskProfile } from '../settings/options-schema';
import { downloadFile } from '../ui/download';

interface Props {
  /** The saved profile (the incoming server and the name come from it). */
  profile: HelpdeskProfile;
}

function domainOf(server: string): string {
  const parsed = parseTarget(server);
  return parsed.ok && parsed.kind !== 'email' ? parsed.domain : '';
}

function Places({ urls }: { urls: string[] }) {
  return (
    <ul class="provider-places small">
      {urls.map((url) => (
        <li key={url}>
          <code>{url}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Provider files": the autoconfig, Autodiscover and SRV set for the profile's domain, each with the
 * place it is published. The outgoing port and security come from the last check of that server when
 * there is one (what really works), else the submission defaults.
 */
export function ProviderFiles({ profile }: Props) {
  const [domain, setDomain] = useState(domainOf(profile.outgoingServer));
  const [server, setServer] = useState(profile.outgoingServer);
  const [port, setPort] = useState('587');
  const [security, setSecurity] = useState<FileSecurity>('starttls');
  const [checked, setChecked] = useState<Recommendation | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    setDomain((current) => current || domainOf(profile.outgoingServer));
    setServer((current) => current || profile.outgoingServer);
    void browser.storage.session.get(CHECK_KEY).then((stored) => {
      const recommendation = (stored[CHECK_KEY] as CheckState | undefined)?.report?.recommendation ?? null;
      if (!recommendation || recommendation.server !== profile.outgoingServer || recommendation.security === 'none') return;
      setChecked(recommendation);
      setPort(String(recommendation.port));
      setSecurity(recommendation.security);
    });
  }, [profile.outgoingServer]);

  const input = (): ProviderInput | null => {
    if (!profile.incoming) {
      setMessage({ text: t('providerNeedsIncoming'), error: true });
      return null;
    }
    try {
      return checkProvider({
        domain,
        outgoing: { hostname: server, port: port.trim(), security, authentication: 'password' },
        incoming: profile.incoming,
        username: checked && checked.server === server ? checked.username?.pattern : undefined,
        displayName: profile.name,
      });
    } catch (error) {
      if (!(error instanceof SetupFileError)) throw error;
      setMessage({ text: error.fault ? fieldFaultWords(error.fault, t) : error.message, error: true });
      return null;
    }
  };

  const save = (make: (value: ProviderInput) => SetupFile) => {
    const value = input();
    if (!value) return;
    const file = make(value);
    downloadFile(file);
    setMessage({ text: t('providerExported', file.name), error: false });
  };

  const typed = checkHostName(domain, 'mail domain');
  const places = publishPlaces(typed.ok ? typed.value : 'example.com');
  return (
    <section class="card provider-files" aria-labelledby="provider-title" data-testid="provider-files">
      <h2 id="provider-title">{t('providerTitle')}</h2>
      <p class="small">{t('providerIntro')}</p>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <label for="provider-domain">{t('providerDomain')}</label>
        <input id="provider-domain" type="text" spellcheck={false} autocomplete="off" placeholder="example.com" value={domain} onInput={(event) => setDomain(event.currentTarget.value)} />
        <label for="provider-server">{t('providerOutgoing')}</label>
        <input id="provider-server" type="text" spellcheck={false} autocomplete="off" placeholder="smtp.example.com" value={server} onInput={(event) => setServer(event.currentTarget.value)} />
        <div class="incoming-row">
          <label class="incoming-port" for="provider-port">
            {t('providerPort')}
          </label>
          <input id="provider-port" class="provider-port" type="text" inputMode="numeric" value={port} onInput={(event) => setPort(event.currentTarget.value)} />
          <label class="visually-hidden" for="provider-security">
            {t('providerSecurity')}
          </label>
          <select id="provider-security" value={security} onChange={(event) => setSecurity(event.currentTarget.value as FileSecurity)}>
            <option value="starttls">{t('securityStarttls')}</option>
            <option value="tls">{t('securityTls')}</option>
          </select>
        </div>
        {checked && checked.server === server && <p class="tested">{t('providerFromCheck')}</p>}
      </form>
      <div class="provider-file">
        <h3>{t('providerAutoconfig')}</h3>
        <p class="small">{t('providerAutoconfigWhere')}</p>
        <Places urls={places.autoconfig} />
        <button type="button" class="secondary" onClick={() => save(mozillaAutoconfig)}>
          {t('providerExport', 'config-v1.1.xml')}
        </button>
      </div>
      <div class="provider-file">
        <h3>{t('providerAutodiscover')}</h3>
        <p class="small">{t('providerAutodiscoverWhere')}</p>
        <Places urls={places.autodiscover} />
        <button type="button" class="secondary" onClick={() => save(autodiscoverXml)}>
          {t('providerExport', 'autodiscover.xml')}
        </button>
      </div>
      <div class="provider-file">
        <h3>{t('providerSrv')}</h3>
        <p class="small">{t('providerSrvWhere', places.zone)}</p>
        <button type="button" class="secondary" onClick={() => save(srvZone)}>
          {t('providerExport', `${places.zone}-srv.zone`)}
        </button>
      </div>
      <p class={message?.error ? 'status field-error' : 'status'} role={message?.error ? 'alert' : 'status'} data-testid="provider-status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
