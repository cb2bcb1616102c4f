import { Fragment } from 'preact';
import { helpText } from '../../core/clients/phrases';
import type { Locale, MailClient, TargetSettings } from '../../core/clients/types';

interface Props {
  client: MailClient;
  target: TargetSettings;
  locale: Locale;
}

/** Authentication (SMTP AUTH and check-mail-first providers) and what to try when sending still fails, in the client's own words. */
export function HelpSections({ client, target, locale }: Props) {
  const help = helpText(client, target, locale);
  return (
    <>
      <details class="card">
        <summary>{help.authTitle}</summary>
        {help.auth.map((section) => (
          <Fragment key={section.title}>
            <h3>{section.title}</h3>
            <p>{section.body}</p>
          </Fragment>
        ))}
      </details>
      <details class="card">
        <summary>{help.stillTitle}</summary>
        <ul>
          {help.still.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
