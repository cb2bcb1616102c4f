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

/**
 * How many slips a typed word may carry: none in a short word or one with digits ("live" is not "love",
 * 2016 is not 2012), one in a word of five to seven letters, two in a longer one.
 */
function slipLimit(word: string): number {
  if (word.length < 5 || /\d/.test(word)) return 0;
  return word.length >= 8 ? 2 : 1;
}

function tokensOf(client: MailClient, locale: Locale): string[] {
  return haystack(client, locale).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
}

/** A typed word's hit on a client: as typed (a part of its words), or with slips in a whole or half-typed word. */
function hits(word: string, client: MailClient, locale: Locale): boolean {
  if (haystack(client, locale).includes(word)) return true;
  // A four-letter word may only have lost a letter ("aple" for "apple").
  if (word.length === 4 && !/\d/.test(word)) return tokensOf(client, locale).some((token) => token.length === 5 && withinEdits(word, token, 1));
  const limit = slipLimit(word);
  if (limit === 0) return false;
  return tokensOf(client, locale).some(
    (token) => withinEdits(word, token, limit) || (word.length >= 6 && token.length > word.length && withinEdits(word, token.slice(0, word.length), limit)),
  );
}

/** Words that say only "a mail program" in either language: they decide nothing when others are typed. */
const GENERIC = new Set(['mail', 'email', 'e-mail', 'correo', 'electronico', 'app', 'aplicacion', 'program', 'programa', 'client', 'cliente', 'de', 'del', 'for', 'para', 'the', 'el', 'la', 'my', 'mi', 'on', 'en', 'in']);

/** The programs a mail service's customers use, most likely first. */
function programsOf(service: (typeof SERVICES)[string] | null | undefined): MailClient[] {
  return (service?.clients ?? []).map(findClient).filter((client): client is MailClient => client !== undefined);
}

/**
 * When no program has every word as typed: each program scores the words it has, exactly or with a slip,
 * a word counting for less the more programs have it ("mail" is in most of them, "thunderbird" in one),
 * and the programs within half of the best score are shown, best first. A mistyped service ("hotmial")
 * puts its programs first, but only a word no program has as typed is taken for one ("mail" is not "gmail").
 */
function forgivingSearch(query: string, locale: Locale): MailClient[] {
  // A domain counts by its name ("outlook.es", "outlok.com" from an address): the program is not named by its ending.
  const all = words(query).map((word) => (/^[^.]+\.[a-z]{2,}$/.test(word) ? word.slice(0, word.indexOf('.')) : word));
  const specific = all.filter((word) => !GENERIC.has(word));
  const typed = specific.length > 0 ? specific : all;
  const hitLists = typed.map((word) => CLIENTS.filter((client) => hits(word, client, locale)));
  const scores = new Map(CLIENTS.map((client) => [client, hitLists.reduce((sum, list) => sum + (list.includes(client) ? 1 / list.length : 0), 0)]));
  // Among equals, the generic words typed break the tie ("correo windws": Windows's own Correo first).
  const generic = all.filter((word) => GENERIC.has(word));
  const tie = (client: MailClient) => generic.filter((word) => haystack(client, locale).includes(word)).length;
  const best = Math.max(0, ...scores.values());
  const ranked = best === 0 ? [] : CLIENTS.filter((client) => scores.get(client)! >= best / 2).sort((a, b) => scores.get(b)! - scores.get(a)! || tie(b) - tie(a));
  const unknown = typed.filter((word) => !CLIENTS.some((client) => haystack(client, locale).includes(word)));
  const service = Object.entries(SERVICES).find(
    ([term]) => !term.includes('.') && unknown.some((word) => {
      const name = word.split('.')[0] ?? word;
      const limit = slipLimit(name);
      return limit > 0 && withinEdits(name, term, limit);
    }),
  )?.[1];
  const first = programsOf(service);
  return [...first, ...ranked.filter((client) => !first.includes(client))];
}

/**
 * The clients to show for a query: a named service's programs first, then every other program; otherwise every client whose words match.
 * Only when nothing matches as typed are slips and extra words forgiven ("thunderbrid", "thunderbird mail"),
 * so a query that matches keeps exactly its results.
 */
export function searchClients(query: string, locale: Locale): MailClient[] {
  const first = programsOf(serviceNamed(query, locale));
  // A mail service is not a program: its usual programs come first, then every other one it may be read in;
  // a program named beside it ("hotmail thunderbird") comes before them all.
  if (first.length > 0) {
    const others = words(query).filter((word) => !GENERIC.has(word) && serviceNamed(word, locale) === null);
    const named = others.length > 0 ? CLIENTS.filter((client) => others.every((word) => haystack(client, locale).includes(word))) : [];
    return [...new Set([...named, ...first, ...CLIENTS])];
  }
  const rest = CLIENTS.filter((client) => !first.includes(client) && matches(client, locale, query));
  if (first.length > 0 || rest.length > 0) return [...first, ...rest];
  return forgivingSearch(query, locale);
}
