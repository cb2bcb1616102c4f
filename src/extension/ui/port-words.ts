/** Plain words for what a port did, for the result tables of the popup and agent panel. */
import type { PortResult, Security, TlsFacts } from '../../core/api';
import { certificateWeaknesses } from '../../core/diagnosis/certificate';
import { mechanismKind, type MechanismKind } from '../../core/diagnosis/mechanisms';
import { t, type MessageKey } from '../platform/i18n';

export function stateWords(result: PortResult): string {
  if (result.state === 'ok') return result.auth.length > 0 ? t('portOkAuth') : t('portOkNoAuth');
  if (result.state === 'tls-unexpected' && result.banner === null) return t('portNotTlsNotSmtp');
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

/** The message for each kind of login (core/diagnosis/mechanisms.ts); a certificate login and unknown ones are named as they are. */
const AUTH_KINDS: Partial<Record<MechanismKind, MessageKey>> = {
  password: 'authKindPassword',
  encrypted: 'authKindEncrypted',
  // Not the program's "encrypted password" (CRAM-MD5): Outlook's Secure Password Authentication, Kerberos.
  windows: 'authKindWindows',
  account: 'authKindAccount',
};

/** "Password (PLAIN, LOGIN)": what kind of login, then the mechanisms an agent may ask about. */
export function authWords(result: PortResult): string {
  if (result.auth.length === 0) return t('authNoneOffered');
  const groups = new Map<MessageKey | null, string[]>();
  for (const mechanism of result.auth) {
    const kind = mechanismKind(mechanism);
    const key = kind === null ? null : (AUTH_KINDS[kind] ?? null);
    groups.set(key, [...(groups.get(key) ?? []), mechanism]);
  }
  return [...groups].map(([key, mechanisms]) => (key ? `${t(key)} (${mechanisms.join(', ')})` : mechanisms.join(', '))).join('; ');
}

/** The login column: the kind of login; one offered on a port that never got encrypted says so; else a dash. */
export function loginCellWords(result: PortResult): string {
  if (result.state === 'ok') return authWords(result);
  return result.auth.length > 0 ? t('authUnencrypted', authWords(result)) : '—';
}

/** A port a mail program can send through: it answers, encrypts and offers a login. */
export function usablePort(result: PortResult): boolean {
  return result.state === 'ok' && result.auth.length > 0 && result.security !== 'none';
}
