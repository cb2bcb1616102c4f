/**
 * Reading one value: what a label or table key names (server, port, security...) and which server it
 * belongs to, and the host name, port number, security mode or authentication a value states.
 */
import { EXAMPLE_HOST } from '../placeholder-host';
import { directionOf } from './fields';
import { pageMemo } from './page-memo';
import type { Direction, SecurityMode } from './types';
import {
  ANY_PORT_NUMBER,
  AUTH_LABEL,
  AUTH_WORD,
  CODE_LABEL,
  CJK_AUTH,
  CJK_CODE,
  CJK_INCOMING,
  CJK_OUTGOING_SERVER,
  CJK_PORT_WORD,
  CJK_SECURITY,
  CJK_SERVER,
  CJK_BARE_HOST,
  HELO_NAME,
  CJK_USER,
  HOSTNAME,
  IMPLICIT_TLS,
  INCOMING_SERVER,
  MAIL_PORT,
  NO_SECURITY,
  OUTGOING_SERVER,
  PLAIN_TLS,
  PORT_WITH_NUMBER,
  PORT_WORD,
  SENDING_LABEL,
  SECURITY_LABEL,
  SECURITY_WORD,
  SERVER_WORD,
  SMTP,
  STARTTLS,
  USER_WORD,
  has,
} from './vocabulary';

export type FieldRole = 'server' | 'port' | 'security' | 'auth' | 'user';

export interface KeyMeaning {
  role: FieldRole | null;
  direction: Direction;
}

/** What a key says by itself, whatever its table or fieldset: read once per page. */
const ownMeaning = pageMemo(readOwnMeaning);

/** Empties what one page's keys and headings were read to mean and which way they point (page-memo.ts). */
export function forgetPageReadings(): void {
  ownMeaning.forget();
  directionOf.forget();
}

/**
 * A label that opens with a security word and says whose it is: "Encryption for SMTP Server", "Security of
 * the outgoing server", "Verschlüsselung für Postausgangsserver", "Chiffrement du serveur sortant". It names
 * the server's security, not the server, though it holds a server's name.
 */
const SECURITY_OF_SERVER = new RegExp(String.raw`^\s*${SECURITY_WORD.source}\s+(?:for|of|on|für|des|du|de|del|della|dello|do|da|van|voor|dla)\s`, 'u');

/** Labels that name a server as well as its HELO name ("SMTP server (EHLO)"): they keep the server's role. */
const NAMES_SERVER = /serve|serwer|сервер|サーバ|服务器|伺服器|서버/i;

function readOwnMeaning(key: string): KeyMeaning {
  const direction = directionOf(key);
  // The name a sender greets the server with ("HELO hostname", "nazwa hosta HELO") is the sender's, not the server.
  if (HELO_NAME.test(key) && !NAMES_SERVER.test(key)) return { role: null, direction };
  if (has(PORT_WORD, key) || has(CJK_PORT_WORD, key)) return { role: 'port', direction };
  if (SECURITY_OF_SERVER.test(key)) return { role: 'security', direction };
  if (has(OUTGOING_SERVER, key) || has(INCOMING_SERVER, key) || has(SERVER_WORD, key)) return { role: 'server', direction };
  // A verification code's field ("güvenlik kodu", "인증 코드") is neither the security nor the login method.
  const code = has(CODE_LABEL, key) || has(CJK_CODE, key);
  if (has(SECURITY_WORD, key) || (has(SECURITY_LABEL, key) && !code) || has(CJK_SECURITY, key)) return { role: 'security', direction };
  if (has(AUTH_WORD, key) || ((has(AUTH_LABEL, key) || has(CJK_AUTH, key)) && !code)) return { role: 'auth', direction };
  // Server names written without spaces come after security and authentication: "送信サーバーの暗号化" is a
  // security choice of the outgoing server, not the server itself.
  if (has(CJK_OUTGOING_SERVER, key) || has(CJK_INCOMING, key) || has(CJK_SERVER, key) || CJK_BARE_HOST.test(key.trim())) return { role: 'server', direction };
  if (has(USER_WORD, key) || has(CJK_USER, key)) return { role: 'user', direction };
  // "SMTP" alone names the outgoing server, whatever the context says.
  if (has(SMTP, key)) return { role: 'server', direction: 'outgoing' };
  return { role: null, direction };
}

/** What a label or table key names, and which server it belongs to: its own direction, or else its context's. */
export function meaningOf(key: string, context: Direction): KeyMeaning {
  const own = ownMeaning(key);
  return { role: own.role, direction: own.direction ?? context };
}

/** File names and example placeholders that look like host names but are not servers. */
const NOT_A_TLD = /\.(?:html?|php|aspx?|jsp?|css|png|jpe?g|gif|svg|cf|conf|cfg|properties|txt|json|xml|exe|md|sh|py|ts|ya?ml|ini|log)$/;
const SERVER_PREFIX = new RegExp(`^(?:${SENDING_LABEL}|imaps?|pop3?|exchange|owa)\\d*\\.`);
/**
 * A sending host a help text writes as a pattern: with the reader's domain or account in brackets or in
 * words ("mail.[yourdomain]", "mail.{your-domain-name}", "smtp.<votre-domaine>", "smtp.[お客様のドメイン名]",
 * "smtp.お客様のドメイン名", "smtp-[account].host.net"), only after a sending host's first label, so "[1]"
 * or "{0}" in other text never reads as one; or with its first label masked ("sv***.xserver.jp",
 * "sv○○○○.xserver.jp", "pro**?**.mail.host.net" and, its bold markers rendered, "pro?.mail.host.net",
 * where the reader's server number goes). Japanese text may run straight into and out of one, as it does
 * with host names. HOSTNAME cannot match these: they are shown as the page's pattern, never checked.
 */
const PATTERN_HOST = new RegExp(
  String.raw`(?<![\p{Script=Latin}\p{N}.\-_/@*?○●])(?:(?:${SENDING_LABEL})\d*[.-](?:\[[^\]\s]{2,40}\]|\{[^}\s]{2,40}\}|<[^>\s]{2,40}>|＜[^＞\s]{2,20}＞|(?:お客様の|貴社の?|ご利用の|独自)?ドメイン名?)(?:\.[a-z][a-z0-9-]{1,40}){0,3}|[a-z0-9-]{0,20}(?:[*?]*\*{2,}[*?]*|[○●]{2,})[a-z0-9-]{0,20}\.(?:[a-z0-9-]+\.){0,4}[a-z]{2,24}|[a-z][a-z0-9-]{0,19}\?{1,3}\.(?:[a-z0-9-]+\.){1,4}[a-z]{2,24})(?![\p{Script=Latin}\p{N}])`,
  'gu',
);

/** Host names that fetch mail: prose that names one after the outgoing server has run on into the incoming side. */
const INCOMING_HOST = /^(?:imaps?|pop3?s?)\d*\./;

/**
 * The first server-like host name in `text`. With `skipIncoming`, a host named for fetching mail
 * (imap., pop.) is passed over: prose gives the outgoing server no label to trust, and a table flattened
 * into text ("pop-server smtp-server | pop.example.de auth.mail.example.de") puts the incoming one first.
 * Where the text writes the host as a pattern with the reader's domain in brackets or words
 * ("mail.[yourdomain]", "smtp.お客様のドメイン名"), that pattern is the answer when no host name stands
 * there, or only an example of it ("mail.[yourdomain] e.g. mail.example.com").
 */
export function firstHost(text: string, skipIncoming = false): string | null {
  let found: string | null = null;
  HOSTNAME.lastIndex = 0;
  for (let match = HOSTNAME.exec(text); match !== null; match = HOSTNAME.exec(text)) {
    const host = match[0];
    if (NOT_A_TLD.test(host) || (skipIncoming && INCOMING_HOST.test(host))) continue;
    if (host.split('.').length >= 3 || SERVER_PREFIX.test(host)) {
      found = host;
      break;
    }
  }
  HOSTNAME.lastIndex = 0;
  if (found !== null && !EXAMPLE_HOST.test(found)) return found;
  PATTERN_HOST.lastIndex = 0;
  const pattern = PATTERN_HOST.exec(text)?.[0] ?? null;
  PATTERN_HOST.lastIndex = 0;
  return pattern === null ? found : shownPattern(pattern);
}

/** A mask that Markdown source wrote bold ("pro**?**.mail.host.net") is shown as its page shows it ("pro?."). */
const shownPattern = (pattern: string): string => pattern.replace(/\*\*\?\*\*/g, '?');

const SENDING_PATTERN = new RegExp(`^(?:${SENDING_LABEL})\\d*[.-]`);

/**
 * The first pattern in `text` that names a sending host by its first label ("smtp-[account].host.net",
 * "mail.[yourdomain]"), for an article that gives its outgoing server only as a pattern in a table or
 * list the windows do not read. A masked name ("sv***.host.jp") is left out: nothing says it sends.
 */
export function sendingPatternIn(text: string): string | null {
  for (const [pattern] of text.matchAll(PATTERN_HOST)) if (SENDING_PATTERN.test(pattern)) return shownPattern(pattern);
  return null;
}

export function validPort(value: number): number | null {
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : null;
}

/** "port 587", "Puerto SMTP: 465", a bare "587", preferring submission ports over 25 in prose. */
export function firstPort(text: string, bare: 'any' | 'mail' | 'none'): number | null {
  // A port said with its word wins, a submission port first: "465 para SSL/TLS, 587 para STARTTLS. Evite a
  // porta 25" names 25 only to warn of it, so a bare submission port beats a labelled 25 too. Any other
  // labelled number stands as before ("Port 25 (Timeout 60 s)" is 25, not 60).
  PORT_WITH_NUMBER.lastIndex = 0;
  const labelled: number[] = [];
  for (let match = PORT_WITH_NUMBER.exec(text); match !== null && labelled.length < 6; match = PORT_WITH_NUMBER.exec(text)) {
    if (match[1]) labelled.push(Number(match[1]));
  }
  PORT_WITH_NUMBER.lastIndex = 0;
  const named = labelled.find(isSubmissionPort) ?? labelled[0];
  if (named === 25 && bare !== 'none') return bareNumbers(text, MAIL_PORT).find(isSubmissionPort) ?? 25;
  if (named !== undefined) return validPort(named);
  if (bare === 'none') return null;
  const numbers = bareNumbers(text, bare === 'mail' ? MAIL_PORT : ANY_PORT_NUMBER);
  const preferred = numbers.find((port) => port !== 25) ?? numbers[0];
  return preferred === undefined ? null : validPort(preferred);
}

/** A submission port: 587 (STARTTLS), 465 (implicit TLS) or 2525, the ports a mail program sends on besides 25. */
export const isSubmissionPort = (port: number): boolean => port === 587 || port === 465 || port === 2525;

/** The first six numbers `pattern` (a global port pattern) finds in `text`. */
function bareNumbers(text: string, pattern: RegExp): number[] {
  pattern.lastIndex = 0;
  const numbers: number[] = [];
  for (let match = pattern.exec(text); match !== null && numbers.length < 6; match = pattern.exec(text)) {
    numbers.push(Number(match[1]));
  }
  pattern.lastIndex = 0;
  return numbers;
}

/**
 * Security words to a mode. "TLS" alone and SSL on 587 mean STARTTLS in most clients' wording;
 * "SSL/TLS", "SSL" or anything on 465 is implicit TLS (RFC 8314 section 3.3).
 */
export function securityOf(text: string, port: number | null): SecurityMode | null {
  // A value that is only a security word said to be absent ("Non-SSL", "No TLS", "SSLなし") is no security.
  if (WHOLLY_NEGATED.test(text)) return 'none';
  return namedSecurity(text, port);
}

/**
 * A security word said to be absent: "non-SSL", "without TLS", "sin SSL", "ohne TLS", "kein SSL", "sans SSL",
 * "senza SSL", "sem SSL", "zonder SSL", "geen SSL", "bez SSL", "SSLなし", "SSL/TLSを使用しない", "非SSL";
 * "no SSL" only where nothing else stands beside it (`WHOLLY_NEGATED`), as Portuguese "no" also means "in the".
 * Never a TLS version ("no TLS 1.0").
 */
export const NEGATION = String.raw`(?:non|without|sin|ohne|keine?|sans|senza|sem|zonder|geen|bez)`;
const NEGATABLE = String.raw`(?:ssl\/tls|tls\/ssl|ssl|tls|starttls|encryption|encrypted)(?![\p{L}\d/])(?!\s*\d)`;
const NEGATED_CJK = String.raw`(?:ssl\/tls|ssl|tls)\s*(?:なし|無し|不使用|(?:を\s*)?(?:使用しない|使わない))|非\s*(?:ssl|tls)(?![\p{L}\d])`;
const WHOLLY_NEGATED = new RegExp(String.raw`^[\s("'“«\[（-]*(?:(?:${NEGATION}|no)[- ]?${NEGATABLE}|${NEGATED_CJK})[\s)"'”»\]）.]*$`, 'iu');
/** Right after a port, before anything else: "587 (non-SSL)", "port 25 without SSL", "587 – ohne TLS". */
export const NEGATED_AFTER_PORT = new RegExp(String.raw`^[\s(（\[–—:-]*(?:${NEGATION}[- ]?${NEGATABLE}|${NEGATED_CJK})`, 'iu');

function namedSecurity(text: string, port: number | null): SecurityMode | null {
  if (has(STARTTLS, text)) return 'starttls';
  const implicit = has(IMPLICIT_TLS, text);
  const plainTls = has(PLAIN_TLS, text);
  if (implicit || plainTls) {
    if (port === 465) return 'tls';
    if (port === 587 || port === 25 || port === 2525) return 'starttls';
    return implicit ? 'tls' : 'starttls';
  }
  if (has(NO_SECURITY, text) || CJK_NONE_VALUE.test(text) || WHOLE_NONE_VALUE.test(text)) return 'none';
  return null;
}

/** A security field's whole value saying "none" in Japanese or Chinese ("なし", "使用しない", "不加密"). */
const CJK_NONE_VALUE = /^[\s(（「]*(?:なし|無し|使用しない|しない|不使用|不加密|无加密|無加密|未加密)[\s)）」。.]*$/u;
/**
 * "None" in the other languages of the panels the reader reads, only as a whole value (a menu's chosen
 * option, a cell): in a sentence these are everyday words ("нет пароля", "ingen anledning", "brak odpowiedzi").
 */
const WHOLE_NONE_VALUE = /^[\s(]*(?:žádné|žádná|žiadne|brak|ingen|yok|нет|нету|без шифрования)[\s).]*$/u;

export function authenticationOf(text: string): string | null {
  if (/oauth|modern auth/.test(text)) return 'oauth2';
  if (/pop before smtp|smtp after pop|pop-before-smtp/.test(text)) return 'smtp-after-pop';
  if (has(NO_SECURITY, text) && !/password|passwort|contraseña|mot de passe|senha|palavra-passe|wachtwoord/.test(text)) {
    return 'none';
  }
  return 'password';
}
