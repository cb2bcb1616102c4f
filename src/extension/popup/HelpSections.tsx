import { pick } from '../../core/clients/render';
import type { Locale, MailClient } from '../../core/clients/types';
import { t } from '../i18n';

interface Props {
  client: MailClient;
  locale: Locale;
}

/** Authentication (SMTP AUTH and check-mail-first providers) and what to try when sending still fails. */
export function HelpSections({ client, locale }: Props) {
  return (
    <>
      <details class="card">
        <summary>{t('authTitle')}</summary>
        <h3>{t('authSmtpTitle')}</h3>
        <p>{t('authSmtpBody', pick(client.authentication.where, locale), pick(client.authentication.detail, locale))}</p>
        <h3>{t('authPopTitle')}</h3>
        <p>{t('authPopBody', client.checkInterval ? pick(client.checkInterval, locale) : t('authPopNoInterval'))}</p>
      </details>
      <details class="card">
        <summary>{t('stillTitle')}</summary>
        <ul>
          <li>{t('stillTimeout')}</li>
          <li>{t('stillTry465', pick(client.securityWords.tls, locale))}</li>
          <li>{t('stillTry2525')}</li>
          <li>{t('stillAskIsp')}</li>
          <li>{t('stillIncoming')}</li>
        </ul>
      </details>
    </>
  );
}
