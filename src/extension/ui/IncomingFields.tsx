import type { FileSecurity, IncomingProtocol } from '../../core/setup-files';
import { defaultIncomingPort } from '../../core/setup-files';
import { t } from '../platform/i18n';

/** The incoming server as typed: the port stays text until it is checked. */
export interface IncomingDraft {
  protocol: IncomingProtocol;
  hostname: string;
  port: string;
  security: FileSecurity;
}

export const EMPTY_INCOMING: IncomingDraft = { protocol: 'imap', hostname: '', port: '993', security: 'tls' };

export function incomingDraft(value: { protocol: IncomingProtocol; hostname: string; port: number; security: FileSecurity } | null | undefined): IncomingDraft {
  return value ? { protocol: value.protocol, hostname: value.hostname, port: String(value.port), security: value.security } : EMPTY_INCOMING;
}

interface Props {
  idPrefix: string;
  value: IncomingDraft;
  onChange: (value: IncomingDraft) => void;
  disabled?: boolean;
}

/**
 * Protocol, server, port and security of the incoming server, in two short rows that fit a 380 px popup.
 * Changing protocol or security moves a port that was the usual one to the new usual one.
 */
export function IncomingFields({ idPrefix, value, onChange, disabled }: Props) {
  const usual = defaultIncomingPort(value.protocol, value.security);
  const change = (patch: Partial<IncomingDraft>) => {
    const next = { ...value, ...patch };
    if (value.port === String(usual) || value.port === '') next.port = String(defaultIncomingPort(next.protocol, next.security));
    onChange(next);
  };
  return (
    <fieldset class="incoming-fields" disabled={disabled}>
      <legend>{t('setupIncomingLegend')}</legend>
      <div class="incoming-row">
        <label class="incoming-protocol">
          <span class="visually-hidden">{t('setupIncomingProtocol')}</span>
          <select id={`${idPrefix}-incoming-protocol`} value={value.protocol} onChange={(event) => change({ protocol: event.currentTarget.value as IncomingProtocol })}>
            <option value="imap">IMAP</option>
            <option value="pop3">POP</option>
          </select>
        </label>
        <label class="incoming-host">
          <span class="visually-hidden">{t('setupIncomingHost')}</span>
          <input
            id={`${idPrefix}-incoming-host`}
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder={t('setupIncomingHostPlaceholder')}
            value={value.hostname}
            onInput={(event) => onChange({ ...value, hostname: event.currentTarget.value })}
          />
        </label>
      </div>
      <div class="incoming-row">
        <label class="incoming-port">
          {t('setupIncomingPort')}{' '}
          <input id={`${idPrefix}-incoming-port`} type="text" inputMode="numeric" value={value.port} onInput={(event) => onChange({ ...value, port: event.currentTarget.value })} />
        </label>
        <label class="incoming-security">
          <span class="visually-hidden">{t('setupIncomingSecurity')}</span>
          <select id={`${idPrefix}-incoming-security`} value={value.security} onChange={(event) => change({ security: event.currentTarget.value as FileSecurity })}>
            <option value="tls">{t('securityTls')}</option>
            <option value="starttls">{t('securityStarttls')}</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
