/**
 * The extension's real message catalogues, read from public/_locales, with the substitution rules of
 * `browser.i18n.getMessage` (named $PLACEHOLDER$s whose content is $1, $2…), so pure UI wording
 * functions can be tested in both languages without a browser.
 */
import { readFileSync } from 'node:fs';
import type { MessageKey } from '../../src/extension/platform/i18n';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function catalogue(locale: 'en' | 'es'): Catalogue {
  return JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Catalogue;
}

export function translator(locale: 'en' | 'es'): (key: MessageKey, ...substitutions: (string | number)[]) => string {
  const messages = catalogue(locale);
  return (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`No message "${key}" in the ${locale} catalogue.`);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_whole, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_d, index: string) => String(substitutions[Number(index) - 1] ?? ''));
    });
  };
}
