/**
 * Every user-visible string of the extension pages comes from `_locales` through `t`.
 * The message keys are typed from the English catalogue, so a missing key fails the typecheck.
 */
import type english from '../../../public/_locales/en/messages.json';
import type { Locale } from '../../core/clients/types';
import { browser } from './browser';

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // An empty answer means the catalogue lacks the key; showing the key beats showing nothing.
  return text || key;
}

/** The language for client step data: Spanish when the browser's interface is Spanish, else English. */
export function contentLocale(): Locale {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('es') ? 'es' : 'en';
}
