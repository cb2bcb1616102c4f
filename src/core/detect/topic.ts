/**
 * Whether a short text (title, heading, description, URL) is about the outgoing server or its port.
 * Shared by the article and port-25 detectors.
 */
import type { PageFacts } from './types';
import { CJK_BLOCKED, CJK_PORT, MAIL_PORT, OUTGOING_SERVER, PORT_25_BLOCKED, PORT_WITH_NUMBER, SMTP, has } from './vocabulary';

export type TopicReason = 'outgoing-server' | 'smtp' | 'smtp-port' | 'port-25-blocked';

function mailPortNamed(text: string): boolean {
  PORT_WITH_NUMBER.lastIndex = 0;
  for (let match = PORT_WITH_NUMBER.exec(text); match !== null; match = PORT_WITH_NUMBER.exec(text)) {
    if (['25', '465', '587', '2525'].includes(match[1] ?? '')) {
      PORT_WITH_NUMBER.lastIndex = 0;
      return true;
    }
  }
  PORT_WITH_NUMBER.lastIndex = 0;
  return false;
}

export function topicOf(text: string): TopicReason | null {
  if (!text) return null;
  if (has(PORT_25_BLOCKED, text)) return 'port-25-blocked';
  if (has(OUTGOING_SERVER, text)) return 'outgoing-server';
  if (mailPortNamed(text)) return 'smtp-port';
  if (has(SMTP, text)) return 'smtp';
  return null;
}

/** The ports a text names ("port 587", "587番ポート"), in the order of the patterns, at most 40. */
export function namedPorts(text: string): number[] {
  const ports: number[] = [];
  for (const pattern of [PORT_WITH_NUMBER, CJK_PORT]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null && ports.length < 40; match = pattern.exec(text)) {
      ports.push(Number(match[1] ?? match[2]));
    }
    pattern.lastIndex = 0;
  }
  return ports;
}

/**
 * Whether the text says port 25 is blocked or filtered: in words, or, in Japanese and Chinese, a
 * blocking word on a page that names port 25 ("25番ポートブロック"). `ports` is `namedPorts(text)`
 * when the caller has it already.
 */
export function saysPort25Blocked(text: string, ports: readonly number[] = namedPorts(text)): boolean {
  return has(PORT_25_BLOCKED, text) || (ports.includes(25) && has(CJK_BLOCKED, text));
}

/** Submission ports named in the text ("port 587", or a bare 465 next to other mail words). */
export function mentionsSubmissionPort(text: string): boolean {
  if (mailPortNamed(text)) return true;
  MAIL_PORT.lastIndex = 0;
  let found = false;
  for (let match = MAIL_PORT.exec(text); match !== null; match = MAIL_PORT.exec(text)) {
    if (match[1] === '587' || match[1] === '465') {
      found = true;
      break;
    }
  }
  MAIL_PORT.lastIndex = 0;
  return found;
}

/** Help centres, knowledge bases and FAQs in the URL ("/hc/", "help.", "/kennisbank/", "/faq"). */
const HELP_WORDS =
  '(?:hc|help|support|kb|knowledge-?base|knowledgebase|faq|faqs|hilfe|ayuda|aide|ajuda|aiuto|assistenza|assistance|kennisbank|klantenservice|soporte|suporte|guide|guides|tutorials?|anleitung(?:en)?|docs|articles?|solutions|base-de-conocimiento|wiki|howto|how-to)(?:[/.?#-]|$)';
const HELP_URL = new RegExp(`(?:^|[/.])${HELP_WORDS}`, 'i');
/** The same words as path segments only (tested on the address without its host), so "help" in a host name does not count. */
const HELP_PATH = new RegExp(`/${HELP_WORDS}`, 'i');

export function isHelpUrl(url: string): boolean {
  const withoutScheme = url.replace(/^[a-z]+:\/\//i, '');
  return HELP_URL.test(withoutScheme);
}

/**
 * Product manuals and documentation sets: where an application, printer or device documents its own
 * mail settings ("/manuals/", "/userguide/", "/hilfe/topics/", "manuals."), rather than a help desk
 * answering a mail user. The word must start and end a path segment or host label: "configuracion-manual"
 * is a mail user's manual set-up, and "/doc/" holds transcripts of all kinds.
 */
const MANUAL_URL =
  /(?:^|[/._])(?:manuals?|manuels?|handbuch|handbücher|manual-del-usuario|user-?guides?|users?-guide|guia-del-usuario|guide-utilisateur|benutzerhandbuch|online-?help|onlinehelp|helpfiles?|docs|documentation|dokumentation|documentacion|documentazione|docid|sec_pubs)(?:[/.?#]|$)|[-/](?:help|hilfe)\/topics\//i;

export function isManualUrl(url: string): boolean {
  return MANUAL_URL.test(url.replace(/^[a-z]+:\/\//i, ''));
}

export function headlineText(facts: PageFacts): string {
  return `${facts.title}\n${facts.mainHeading}`;
}

/** Account areas: settings routes, control panels (cPanel session paths, Plesk ports), "my account" hosts. */
const ACCOUNT_URL =
  /[?&]_task=settings|\/cpsess\d+|:(?:2083|2096|2222|8083|8443|10000)\/|\/(?:settings|preferences|options|account|accounts|konto|konten|cuenta|cuentas|compte|comptes|conta|contas|ajustes|einstellungen|parametres|instellingen|impostazioni|configuracoes|mail-settings|clientarea|dashboard|panel|smb|admin|edit|mailbox|mailboxes|user|users|identities|identity)(?:[/?#_.-]|$)|\/(?:konton|kontoer|installningar|innstillinger|indstillinger|ustawienia|asetukset|schrank[ay]|postfach|postfaecher)(?:[/?#]|$)|^[a-z]+:\/\/(?:mijn|my|minhaconta|minha-conta|areaclienti|kundencenter|espaceclient|espace-client|app|panel|cp|webmail|correo|mail|admin)\./i;

/** The address without its scheme and host: path, query and fragment. */
export function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
}

/**
 * A saved document: a path that ends in a ".htm", ".html" or ".shtml" file other than an index page, as a manual's or a
 * help set's pages are (a mail program's help on its account dialog, "/den8help/…/preference/account/smtp_port.htm").
 * Account screens are an application's routes: one served from an HTML file shows it in its host ("webmail."), its
 * query or fragment ("?_task=settings", "index.html#/settings/identities") or a panel's session path ("/cpsess…").
 */
const SAVED_DOCUMENT = /\/(?!index\.)[^/]+\.s?html?$/i;
const PANEL_SESSION = /\/cpsess\d+/i;

/**
 * Whether the address is in someone's account area. A help path on an account host is help, not an
 * account: hosts put their knowledge base inside the client area ("my.example.net/knowledgebase/19/…").
 */
export function isAccountUrl(url: string): boolean {
  const path = pathOf(url);
  if (HELP_PATH.test(path)) return false;
  const pathname = path.replace(/[?#].*$/s, '');
  const origin = url.slice(0, url.length - path.length);
  // The host and port, the query and fragment, and the path unless it is a saved document.
  return (
    ACCOUNT_URL.test(`${origin}/`) ||
    ACCOUNT_URL.test(withoutSlugs(path.slice(pathname.length))) ||
    ((!SAVED_DOCUMENT.test(pathname) || PANEL_SESSION.test(pathname)) && ACCOUNT_URL.test(withoutSlugs(url)))
  );
}

/**
 * The address with its article slugs blanked: a path segment of four or more words joined by hyphens or
 * underscores is a page's title ("/impostazioni-smtp-provider-italiani/", "/settings-for-your-mail-app"),
 * not an account area's "/settings/" or "/account-settings".
 */
function withoutSlugs(url: string): string {
  return url.replace(/\/[^/?#]*/g, (segment) => (segment.split(/[-_]+/).length >= 4 ? '/slug' : segment));
}
