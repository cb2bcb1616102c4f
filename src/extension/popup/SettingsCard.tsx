import { alternativeLine } from '../../core/clients/phrases';
import { pick } from '../../core/clients/render';
import type { Locale, MailClient, TargetSettings } from '../../core/clients/types';
import { usernameWords } from '../../core/diagnosis/username';
import type { Authentication } from '../../core/api';
import { t, type MessageKey } from '../platform/i18n';

interface Props {
  client: MailClient;
  target: TargetSettings;
  locale: Locale;
  /** The values came from a server check ("Use these settings"). */
  tested: boolean;
}

/** The "requires authentication" row for each login; a new login is a type error here, not a password. */
const AUTH_WORDS: Record<Authentication, MessageKey> = {
  password: 'authPassword',
  'encrypted-password': 'authEncrypted',
  'smtp-after-pop': 'authPopBefore',
  none: 'authNone',
  oauth2: 'authOAuth',
  'client-cert': 'authClientCert',
  ntlm: 'authNtlm',
  kerberos: 'authKerberos',
};

export function SettingsCard({ client, target, locale, tested }: Props) {
  const auth = t(AUTH_WORDS[target.authentication]);
  return (
    <section class="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title" tabIndex={-1}>
        {t('settingsTitle')}
      </h2>
      <dl>
        <div>
          <dt>{pick(client.words.outgoingServer, locale)}</dt>
          <dd data-testid="target-server">{target.server ?? t('settingsServerUnchanged')}</dd>
        </div>
        <div>
          <dt>{pick(client.words.port, locale)}</dt>
          <dd data-testid="target-port">
            <strong>{target.port}</strong>
          </dd>
        </div>
        <div>
          <dt>{pick(client.words.security, locale)}</dt>
          <dd data-testid="target-security">{pick(client.securityWords[target.security], locale)}</dd>
        </div>
        <div>
          <dt>{pick(client.words.authentication, locale)}</dt>
          <dd>{auth}</dd>
        </div>
        {target.username && (
          <div>
            <dt>{t('settingsUsername')}</dt>
            <dd data-testid="target-username">{usernameWords(target.username, locale)}</dd>
          </div>
        )}
      </dl>
      <p class="muted" data-testid="target-fallback">
        {alternativeLine(client, target, locale)}
      </p>
      {tested && <p class="tested">{t('settingsFromCheck')}</p>}
    </section>
  );
}
