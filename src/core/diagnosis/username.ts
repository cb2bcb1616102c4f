/**
 * The user name to type, in words: the value itself when the address is known ("jdoe"), else the form
 * the provider publishes ("the part of your address before the @"). Shared by the report's summary,
 * the CLI, the popup's settings card and the agent's reply, so they all say the same thing.
 */
import type { Authentication, Username } from '../api';
import type { Locale, Localized } from '../clients/types';

const WORDS = {
  address: { en: 'your full email address', es: 'su dirección de correo completa' },
  'local-part': { en: 'the part of your address before the @', es: 'la parte de su dirección antes de la @' },
  /** Inside another form, e.g. "(the part before the @).example.com". */
  localInside: { en: '(the part of your address before the @)', es: '(la parte de su dirección antes de la @)' },
  addressInside: { en: '(your email address)', es: '(su dirección de correo)' },
} satisfies Record<string, Localized>;

export function usernameWords(username: Username, locale: Locale): string {
  if (username.value !== null) return username.value;
  if (username.form === 'address') return WORDS.address[locale];
  if (username.form === 'local-part') return WORDS['local-part'][locale];
  return username.pattern.replace(/%EMAILLOCALPART%|%EMAILADDRESS%/g, (name) =>
    name === '%EMAILADDRESS%' ? WORDS.addressInside[locale] : WORDS.localInside[locale],
  );
}

/** Logins for which the person types a user name, so a published one is said beside them. */
export function typesUserName(authentication: Authentication): boolean {
  return authentication === 'password' || authentication === 'encrypted-password' || authentication === 'ntlm';
}
