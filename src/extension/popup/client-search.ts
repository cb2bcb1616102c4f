/**
 * The picker's search. People often type the name of their mail service (hotmail, gmail, yahoo…) or
 * their address instead of the program's name; those lead to the programs that service's customers
 * use, first. Pure.
 */
import { CLIENTS, findClient } from '../../core/clients/registry';
import { clientName, pick } from '../../core/clients/render';
import type { Locale, MailClient } from '../../core/clients/types';

/** Lowercase without accents, so "configuracion" finds "Configuración". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * Mail services and the programs to offer for them, most likely first. Microsoft's accounts (Hotmail,
 * Outlook.com, Live, MSN) are set up in Microsoft's programs; iCloud in Apple's; Gmail on the web (Send mail
 * as) or in its Android app. Yahoo, AOL, GMX and WEB.DE have no program of their own here: the general entry.
 */
const MICROSOFT = ['outlook-new', 'windows-mail', 'windows-live-mail', 'outlook-classic', 'outlook-mac'];
export const SERVICES: Record<string, { label: string; clients: string[] }> = {
  hotmail: { label: 'Hotmail', clients: MICROSOFT },
  'outlook.com': { label: 'Outlook.com', clients: MICROSOFT },
  live: { label: 'Live', clients: ['windows-live-mail', 'outlook-new', 'windows-mail'] },
  msn: { label: 'MSN', clients: MICROSOFT },
  icloud: { label: 'iCloud', clients: ['apple-mail', 'ios-mail', 'apple-mail-legacy'] },
  'me.com': { label: 'iCloud', clients: ['apple-mail', 'ios-mail', 'apple-mail-legacy'] },
  gmail: { label: 'Gmail', clients: ['gmail-web', 'gmail-android'] },
  googlemail: { label: 'Gmail', clients: ['gmail-web', 'gmail-android'] },
  yahoo: { label: 'Yahoo', clients: ['other'] },
  ymail: { label: 'Yahoo', clients: ['other'] },
  aol: { label: 'AOL', clients: ['other'] },
  gmx: { label: 'GMX', clients: ['other'] },
  'web.de': { label: 'WEB.DE', clients: ['other'] },
};

/** The query's words; an address counts by its domain ("ana@hotmail.com" is "hotmail.com"). */
function words(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.includes('@') ? word.slice(word.lastIndexOf('@') + 1) : word))
    .filter(Boolean);
}

function haystack(client: MailClient, locale: Locale): string {
  // Both names: a Spanish reader may type the vendor's English one, and the other way round.
  return fold([client.name, clientName(client, locale), pick(client.versions, locale), ...client.aliases].join(' '));
}

/**
 * The mail service a query names: whole, as a domain ("hotmail.com", "hotmail.es"), or begun ("hotm") when
 * no program's own words go on that way ("outlook" stays the programs called Outlook).
 */
export function serviceNamed(query: string, locale: Locale = 'en'): (typeof SERVICES)[string] | null {
  for (const word of words(query)) {
    const begun = word.length >= 3 && !CLIENTS.some((client) => haystack(client, locale).includes(word));
    for (const [term, service] of Object.entries(SERVICES)) {
      const domain = word.split('.')[0] ?? '';
      if (word === term || (begun && term.startsWith(word)) || (!term.includes('.') && domain === term) || word.startsWith(`${term}.`)) return service;
    }
  }
  return null;
}

function matches(client: MailClient, locale: Locale, query: string): boolean {
  const text = haystack(client, locale);
  return words(query).every((word) => text.includes(word));
}

/** The clients to show for a query: a named service's programs first, then every client whose words match. */
export function searchClients(query: string, locale: Locale): MailClient[] {
  const service = serviceNamed(query, locale);
  const first = (service?.clients ?? []).map(findClient).filter((client): client is MailClient => client !== undefined);
  const rest = CLIENTS.filter((client) => !first.includes(client) && matches(client, locale, query));
  return [...first, ...rest];
}
