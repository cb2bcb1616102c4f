/** Plain words for what a port did, for the result tables of the popup and agent panel. */
import type { PortResult, Security, TlsFacts } from '../../core/api';
import { certificateWeaknesses } from '../../core/diagnosis/certificate';
import { t, type MessageKey } from '../platform/i18n';

export function stateWords(result: PortResult): string {
  if (result.state === 'ok') return result.auth.length > 0 ? t('portOkAuth') : t('portOkNoAuth');
  return t(`portState_${result.state.replace(/-/g, '_')}` as MessageKey);
}

export function securityWords(security: Security): string {
  return t(security === 'starttls' ? 'securityStarttls' : security === 'tls' ? 'securityTls' : 'securityNone');
}

export function certificateWords(tls: TlsFacts | null): string {
  if (!tls) return t('certNone');
  if (tls.expired) return t('certExpired');
  if (!tls.matchesHost) return t('certWrongName');
  if (tls.authorized) return certificateWeaknesses(tls).length > 0 ? t('certWeak') : t('certValid');
  if (tls.selfSigned) return t('certSelfSigned');
  return t('certUntrusted');
}

export function authWords(result: PortResult): string {
  return result.auth.length > 0 ? result.auth.join(' ') : t('authNoneOffered');
}
