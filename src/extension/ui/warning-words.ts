/**
 * The service's warnings in the customer's words and language. The service sends a code with its
 * facts (`Warning.params`); its English `message` is for the CLI and is never shown here, so a Spanish
 * popup shows no English. The report is network input: every fact is checked before it is used, and a
 * code or a shape this version does not know falls back to a plain sentence without the facts.
 * Pure (the translator is passed in), so unit tests run it against the real catalogues.
 */
import { isTcpPort, type WarningCode } from '../../core/api';
import { isRecord } from '../../core/report-shape';
import type { Locale } from '../../core/clients/types';
import type { MessageKey } from '../platform/i18n';

export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** Every code the service sends today (the typecheck keeps this list complete); the unit test words each. */
const CODES: Record<WarningCode, true> = {
  'port25-no-auth': true,
  'cleartext-only': true,
  'cert-name-mismatch': true,
  'cert-untrusted': true,
  'cert-expired': true,
  'auth-before-tls': true,
  'auth-cleartext': true,
  'cert-weak-key': true,
  'ports-swapped': true,
  'smtp-after-pop': true,
  'no-submission-port': true,
  'addresses-skipped': true,
  'auth-windows-only': true,
};
export const WARNING_CODES = Object.keys(CODES) as WarningCode[];

/** Text from a certificate or the service, shown as text: bounded, one line, no control or format characters. */
function cleanText(value: unknown, max = 120): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\p{C}]/gu, '').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** "465", "465 and 587", "25, 465 and 587" (Spanish "y"). */
export function listWords(items: (string | number)[], translate: Translate): string {
  const words = items.map(String);
  if (words.length <= 1) return words[0] ?? '';
  return translate('listAnd', words.slice(0, -1).join(', '), words[words.length - 1]!);
}

/** A YYYY-MM-DD day in the customer's language ("1 January 2025", "1 de enero de 2025"). */
function dayWords(value: unknown, locale: Locale): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleDateString(locale === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function portList(value: unknown): number[] {
  return Array.isArray(value) ? [...new Set(value.filter(isTcpPort))].sort((a, b) => a - b).slice(0, 4) : [];
}

/** One warning of a report, as a sentence for the customer. */
export function warningWords(warning: unknown, locale: Locale, translate: Translate): string {
  const entry = record(warning);
  const params = record(entry.params);
  const port = isTcpPort(entry.port) ? entry.port : null;
  const needsPort = (key: MessageKey) => (port === null ? translate('warnOther') : translate(key, port));
  switch (entry.code) {
    case 'port25-no-auth':
      return translate('warnPort25NoAuth');
    case 'cleartext-only':
      return translate('warnCleartextOnly');
    case 'ports-swapped':
      return translate('warnPortsSwapped');
    case 'smtp-after-pop':
      return translate('warnSmtpAfterPop');
    case 'auth-before-tls':
      return needsPort('warnAuthBeforeTls');
    case 'auth-windows-only':
      return needsPort(params.method === 'kerberos' ? 'warnAuthKerberosOnly' : 'warnAuthNtlmOnly');
    case 'auth-cleartext':
      return needsPort('warnAuthCleartext');
    case 'cert-weak-key':
      return needsPort('warnCertWeak');
    case 'cert-expired': {
      const day = dayWords(params.validTo, locale);
      return port !== null && day ? translate('warnCertExpiredOn', port, day) : needsPort('warnCertExpired');
    }
    case 'cert-name-mismatch': {
      const names = Array.isArray(params.names) ? params.names.map((name) => cleanText(name, 100)).filter((name): name is string => name !== null).slice(0, 3) : [];
      return port !== null && names.length > 0 ? translate('warnCertNameNames', port, listWords(names, translate)) : needsPort('warnCertName');
    }
    case 'cert-untrusted': {
      if (params.selfSigned === true) return needsPort('warnCertSelfSigned');
      const issuer = cleanText(params.issuer);
      return port !== null && issuer ? translate('warnCertUntrustedIssuer', port, issuer) : needsPort('warnCertUntrusted');
    }
    case 'no-submission-port': {
      const ports = portList(params.ports);
      switch (params.reason) {
        case 'none-checked':
          return translate('warnNoSubmissionNoneChecked');
        case 'none-answered':
          // A report from before the checked ports were listed has none: the sentence then names none.
          if (ports.length === 1) return translate('warnNoSubmissionNoneAnsweredOne', ports[0]!);
          if (ports.length > 1) return translate('warnNoSubmissionNoneAnsweredMany', listWords(ports, translate));
          return translate('warnNoSubmissionNoneAnswered');
        case 'swapped':
          return translate('warnNoSubmissionSwapped');
        case 'tls-failed':
          if (ports.length === 1) return translate('warnNoSubmissionTlsFailedOne', ports[0]!);
          if (ports.length > 1) return translate('warnNoSubmissionTlsFailedMany', listWords(ports, translate));
          break;
        case 'no-encrypted-session':
          if (ports.length === 1) return translate('warnNoSubmissionNoSessionOne', ports[0]!);
          if (ports.length > 1) return translate('warnNoSubmissionNoSessionMany', listWords(ports, translate));
          break;
      }
      return translate('warnNoSubmission');
    }
    case 'addresses-skipped': {
      const count = typeof params.addressCount === 'number' && Number.isInteger(params.addressCount) && params.addressCount > 1 && params.addressCount < 1000 ? params.addressCount : null;
      return count === null ? translate('warnAddressesSkippedPlain') : translate('warnAddressesSkipped', count);
    }
    default:
      return translate('warnOther');
  }
}
