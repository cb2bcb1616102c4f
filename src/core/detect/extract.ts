/**
 * What the page states about the outgoing server, as plain strings and numbers: from form fields first,
 * then settings tables and definition lists, then prose ("Outgoing server: smtp.example.com, port 587,
 * STARTTLS"). Each value comes from the first source that has it.
 */
import { directionOf } from './fields';
import { nodeAt } from './text';
import type { Direction, ExtractedSettings, LabelledField, PageFacts, SecurityMode, SettingPair } from './types';
import {
  ANY_PORT_NUMBER,
  AUTH_WORD,
  HOSTNAME,
  IMPLICIT_TLS,
  INCOMING_SERVER,
  MAIL_PORT,
  NO_SECURITY,
  OUTGOING_SERVER,
  PLAIN_TLS,
  PORT_WITH_NUMBER,
  PORT_WORD,
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

/** What a label or table key names, and which server it belongs to. */
export function meaningOf(key: string, context: Direction): KeyMeaning {
  const direction = directionOf(key) ?? context;
  if (has(PORT_WORD, key)) return { role: 'port', direction };
  if (has(OUTGOING_SERVER, key) || has(INCOMING_SERVER, key) || has(SERVER_WORD, key)) return { role: 'server', direction };
  if (has(SECURITY_WORD, key)) return { role: 'security', direction };
  if (has(AUTH_WORD, key)) return { role: 'auth', direction };
  if (has(USER_WORD, key)) return { role: 'user', direction };
  if (has(SMTP, key)) return { role: 'server', direction: 'outgoing' };
  return { role: null, direction };
}

/** File names and example placeholders that look like host names but are not servers. */
const NOT_A_TLD = /\.(?:html?|php|aspx?|jsp?|css|png|jpe?g|gif|svg|cf|conf|cfg|properties|txt|json|xml|exe|md|sh|py|ts|ya?ml|ini|log)$/;
const SERVER_PREFIX = /^(?:smtps?|mail|mx|imaps?|pop3?|out(?:bound|going)?|send|relay|exchange|owa|securesmtp|asmtp|authsmtp|submission)\d*\./;

export function firstHost(text: string): string | null {
  HOSTNAME.lastIndex = 0;
  for (let match = HOSTNAME.exec(text); match !== null; match = HOSTNAME.exec(text)) {
    const host = match[0];
    if (NOT_A_TLD.test(host)) continue;
    if (host.split('.').length >= 3 || SERVER_PREFIX.test(host)) {
      HOSTNAME.lastIndex = 0;
      return host;
    }
  }
  HOSTNAME.lastIndex = 0;
  return null;
}

function validPort(value: number): number | null {
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : null;
}

/** "port 587", "Puerto SMTP: 465", a bare "587", preferring submission ports over 25 in prose. */
export function firstPort(text: string, bare: 'any' | 'mail' | 'none'): number | null {
  PORT_WITH_NUMBER.lastIndex = 0;
  const labelled = PORT_WITH_NUMBER.exec(text);
  PORT_WITH_NUMBER.lastIndex = 0;
  if (labelled?.[1]) return validPort(Number(labelled[1]));
  if (bare === 'none') return null;
  const pattern = bare === 'mail' ? MAIL_PORT : ANY_PORT_NUMBER;
  pattern.lastIndex = 0;
  const numbers: number[] = [];
  for (let match = pattern.exec(text); match !== null && numbers.length < 6; match = pattern.exec(text)) {
    numbers.push(Number(match[1]));
  }
  pattern.lastIndex = 0;
  const preferred = numbers.find((port) => port !== 25) ?? numbers[0];
  return preferred === undefined ? null : validPort(preferred);
}

/**
 * Security words to a mode. "TLS" alone and SSL on 587 mean STARTTLS in most clients' wording;
 * "SSL/TLS", "SSL" or anything on 465 is implicit TLS (RFC 8314 section 3.3).
 */
export function securityOf(text: string, port: number | null): SecurityMode | null {
  if (has(STARTTLS, text)) return 'starttls';
  const implicit = has(IMPLICIT_TLS, text);
  const plainTls = has(PLAIN_TLS, text);
  if (implicit || plainTls) {
    if (port === 465) return 'tls';
    if (port === 587 || port === 25 || port === 2525) return 'starttls';
    return implicit ? 'tls' : 'starttls';
  }
  if (has(NO_SECURITY, text)) return 'none';
  return null;
}

export function authenticationOf(text: string): string | null {
  if (/oauth|modern auth/.test(text)) return 'oauth2';
  if (/pop before smtp|smtp after pop|pop-before-smtp/.test(text)) return 'smtp-after-pop';
  if (has(NO_SECURITY, text) && !/password|passwort|contraseña|mot de passe|senha|palavra-passe|wachtwoord/.test(text)) {
    return 'none';
  }
  return 'password';
}

interface Draft {
  outgoingServer: string | null;
  port: number | null;
  security: SecurityMode | null;
  authentication: string | null;
  incomingServer: string | null;
  anchor: Element | null;
  sources: Set<'form' | 'pairs' | 'prose'>;
}

function fromFields(fields: readonly LabelledField[], draft: Draft): void {
  const hasOutgoingServerField = fields.some((field) => {
    const meaning = meaningOf(field.label, field.context);
    return meaning.role === 'server' && meaning.direction === 'outgoing';
  });
  for (const field of fields) {
    const meaning = meaningOf(field.label, field.context);
    if (meaning.direction === 'incoming') {
      if (meaning.role === 'server') draft.incomingServer ??= firstHost(field.value);
      continue;
    }
    const outgoing = meaning.direction === 'outgoing' || hasOutgoingServerField;
    if (!outgoing) continue;
    switch (meaning.role) {
      case 'server':
        if (meaning.direction !== 'outgoing') break;
        draft.sources.add('form');
        draft.outgoingServer ??= firstHost(field.value);
        draft.anchor ??= field.element;
        break;
      case 'port': {
        draft.sources.add('form');
        const port = firstPort(field.value, 'any');
        if (port !== null) draft.port ??= port;
        draft.anchor = field.element;
        break;
      }
      case 'security':
        if (field.value) draft.security ??= securityOf(field.value, null);
        break;
      case 'auth':
        if (field.value) draft.authentication ??= authenticationOf(field.value);
        break;
      default:
        if (field.type === 'radio' && field.value && (has(SECURITY_WORD, field.value) || has(STARTTLS, field.value))) {
          draft.security ??= securityOf(field.value, null);
        }
    }
  }
}

function fromPairs(pairs: readonly SettingPair[], draft: Draft): void {
  let outgoingContainer: Element | null = null;
  for (const pair of pairs) {
    const meaning = meaningOf(pair.key, pair.context);
    if (meaning.direction === 'incoming') {
      if (meaning.role === 'server') draft.incomingServer ??= firstHost(pair.value);
      continue;
    }
    if (meaning.direction !== 'outgoing') continue;
    if (meaning.role === 'server') {
      const host = firstHost(pair.value);
      if (host === null) continue;
      draft.sources.add('pairs');
      draft.outgoingServer ??= host;
      outgoingContainer ??= pair.container;
      const port = firstPort(pair.value, 'none');
      if (port !== null) draft.port ??= port;
      draft.security ??= securityOf(pair.value, port);
    } else if (meaning.role === 'port') {
      const port = firstPort(pair.value, 'any');
      if (port === null) continue;
      draft.sources.add('pairs');
      draft.port ??= port;
      draft.security ??= securityOf(pair.value, port);
      outgoingContainer ??= pair.container;
    } else if (meaning.role === 'security') {
      draft.security ??= securityOf(pair.value, draft.port);
    } else if (meaning.role === 'auth') {
      draft.authentication ??= authenticationOf(pair.value);
    }
  }
  draft.anchor ??= outgoingContainer;
}

const isSubmissionPort = (port: number): boolean => port === 587 || port === 465 || port === 2525;

/**
 * The port prose recommends: a submission port (587, 465, 2525) where one is named, because prose
 * names 25 mostly to say it is the old or blocked one; otherwise the first port named.
 */
function prosePort(span: string): number | null {
  const candidates: number[] = [];
  PORT_WITH_NUMBER.lastIndex = 0;
  for (let match = PORT_WITH_NUMBER.exec(span); match !== null && candidates.length < 8; match = PORT_WITH_NUMBER.exec(span)) {
    candidates.push(Number(match[1]));
  }
  PORT_WITH_NUMBER.lastIndex = 0;
  MAIL_PORT.lastIndex = 0;
  for (let match = MAIL_PORT.exec(span); match !== null && candidates.length < 16; match = MAIL_PORT.exec(span)) {
    candidates.push(Number(match[1]));
  }
  MAIL_PORT.lastIndex = 0;
  const chosen = candidates.find(isSubmissionPort) ?? candidates[0];
  return chosen === undefined ? null : validPort(chosen);
}

/** Security words in the clause after the port ("465 with SSL/TLS or 587 with STARTTLS"), else anywhere in the span. */
function securityNear(span: string, port: number | null): SecurityMode | null {
  if (port !== null) {
    const at = span.search(new RegExp(`(?<!\\d)${port}(?!\\d)`));
    if (at !== -1) {
      const clause = span.slice(at, at + 40).split(/\b(?:or|oder|o|ou|oppure|of)\b|[;\n]/)[0] ?? '';
      const near = securityOf(clause, port);
      if (near !== null) return near;
    }
  }
  return securityOf(span, port);
}

const WINDOW_AFTER = 170;
const WINDOW_BEFORE = 70;
const BLOCKS = 'p, li, dd, td, tr, table, dl, section, article, div, details';

function fromProse(facts: PageFacts, draft: Draft): void {
  const text = facts.text;
  OUTGOING_SERVER.lastIndex = 0;
  let proseAnchor: Element | null = null;
  let windows = 0;
  const ports: number[] = [];
  for (let match = OUTGOING_SERVER.exec(text); match !== null && windows < 12; match = OUTGOING_SERVER.exec(text)) {
    windows += 1;
    const from = match.index + match[0].length;
    // Stretch the window to the end of the word it cuts, so a host name is never read half.
    const cut = text.slice(from + WINDOW_AFTER).search(/\s/);
    let after = cut === -1 ? text.slice(from) : text.slice(from, from + WINDOW_AFTER + cut);
    INCOMING_SERVER.lastIndex = 0;
    const incoming = INCOMING_SERVER.exec(after);
    if (incoming) after = after.slice(0, incoming.index);
    const lineStart = Math.max(text.lastIndexOf('\n', match.index - 1) + 1, match.index - WINDOW_BEFORE);
    const before = text.slice(lineStart, match.index);
    const host = firstHost(after) ?? firstHost(before);
    const port = prosePort(after);
    if (port !== null) ports.push(port);
    if (host !== null && draft.outgoingServer === null) {
      draft.outgoingServer = host;
      draft.sources.add('prose');
      proseAnchor ??= nodeAt(facts.segments, match.index)?.parentElement?.closest(BLOCKS) ?? null;
    }
    if (port !== null || host !== null) {
      draft.security ??= securityNear(after, port);
      if (has(AUTH_WORD, after)) draft.authentication ??= 'password';
    }
  }
  OUTGOING_SERVER.lastIndex = 0;
  const port = ports.find(isSubmissionPort) ?? ports[0];
  if (port !== undefined && draft.port === null) {
    draft.port = port;
    draft.sources.add('prose');
  }
  if (draft.incomingServer === null) {
    INCOMING_SERVER.lastIndex = 0;
    const incoming = INCOMING_SERVER.exec(text);
    INCOMING_SERVER.lastIndex = 0;
    if (incoming) draft.incomingServer = firstHost(text.slice(incoming.index, incoming.index + WINDOW_AFTER));
  }
  draft.anchor ??= proseAnchor;
}

export interface Extraction {
  settings: ExtractedSettings;
  sources: ReadonlySet<'form' | 'pairs' | 'prose'>;
}

export function extractSettings(facts: PageFacts): Extraction {
  const draft: Draft = {
    outgoingServer: null,
    port: null,
    security: null,
    authentication: null,
    incomingServer: null,
    anchor: null,
    sources: new Set(),
  };
  fromFields(facts.fields, draft);
  fromPairs(facts.pairs, draft);
  fromProse(facts, draft);
  const { sources, ...settings } = draft;
  return { settings, sources };
}
