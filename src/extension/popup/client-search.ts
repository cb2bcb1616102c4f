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

/**
 * Whether two words are at most `limit` edits apart (insert, delete, replace, or swap two neighbours:
 * the optimal string alignment distance), stopping early once every path is over the limit.
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    if (Math.min(...current) > limit) return false;
    before = previous;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** A mistyped word finds the word meant: one slip in a word of four to seven letters, two in a longer one. */
function nearWord(typed: string, tokens: string[]): boolean {
  if (typed.length < 4) return tokens.some((token) => token.startsWith(typed));
  const limit = typed.length >= 8 ? 2 : 1;
  // A half-typed word is compared with as much of each word as was typed (one letter more for a slip).
  return tokens.some((token) => withinEdits(typed, token, limit) || (token.length > typed.length && withinEdits(typed, token.slice(0, typed.length), limit)));
}

function nearly(client: MailClient, locale: Locale, query: string): boolean {
  const tokens = haystack(client, locale).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
  return words(query).every((word) => nearWord(word, tokens));
}

/**
 * The clients to show for a query: a named service's programs first, then every client whose words match.
 * Only when nothing matches as typed are slips forgiven ("thunderbrid", "outlok"), so a correct query
 * keeps exactly its results.
 */
export function searchClients(query: string, locale: Locale): MailClient[] {
  const service = serviceNamed(query, locale);
  const first = (service?.clients ?? []).map(findClient).filter((client): client is MailClient => client !== undefined);
  const rest = CLIENTS.filter((client) => !first.includes(client) && matches(client, locale, query));
  if (first.length > 0 || rest.length > 0) return [...first, ...rest];
  const typed = words(query);
  const nearService = Object.entries(SERVICES).find(([term]) => !term.includes('.') && typed.some((word) => word.length >= 4 && nearWord(word.split('.')[0] ?? word, [term])))?.[1];
  const nearFirst = (nearService?.clients ?? []).map(findClient).filter((client): client is MailClient => client !== undefined);
  return [...nearFirst, ...CLIENTS.filter((client) => !nearFirst.includes(client) && nearly(client, locale, query))];
}
