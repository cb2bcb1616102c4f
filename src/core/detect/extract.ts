/**
 * What the page states about the outgoing server, as plain strings and numbers: from form fields first,
 * then settings tables and definition lists, then prose ("Outgoing server: smtp.example.com, port 587,
 * STARTTLS"). Each value comes from the first source that has it.
 */
import { authenticationOf, firstHost, firstPort, isSubmissionPort, type KeyMeaning, meaningOf, NEGATED_AFTER_PORT, NEGATION, securityOf, sendingPatternIn, validPort } from './values';
import { directionOf, formOf, namesMode, ownHeadingDirection, SECURE_ALONE, shownFields } from './fields';
import { nodeAt } from './text';
import type { ExtractedSettings, LabelledField, PageFacts, SecurityMode, SettingPair } from './types';
import { saysPort25Blocked } from './topic';
import { EXAMPLE_HOST } from '../placeholder-host';
import { AUTH_WORD, CJK_INCOMING, CJK_OUTGOING_SERVER, HOSTNAME, IMPLICIT_TLS, INCOMING_SERVER, MAIL_PORT, OUTGOING_SERVER, PLAIN_TLS, PORT_WITH_NUMBER, SECURITY_LABEL, SECURITY_WORD, STARTTLS, countMatchesWhere, has, normalise, words } from './vocabulary';


export { isPlaceholderHost } from '../placeholder-host';

type Draft = ExtractedSettings & {
  sources: Set<'form' | 'pairs' | 'prose'>;
  /**
   * The words of the form field the security was read from: a bare "TLS" means STARTTLS on 587 and
   * implicit TLS on 465, and the port may be read after the field (a port row below it, a configured
   * server's line).
   */
  formSecurity: string | null;
  /**
   * A checkbox about the outgoing server ("Use my own outgoing server"): the hint's place only where no
   * field, table or list shows the server, as beside it the hint lies over the rows around the box.
   */
  boxAnchor: Element | null;
};

/** Elements kept in `shownIn`: enough for a form's outgoing block or a few settings tables. */
const MAX_SHOWN_IN = 12;

function showsSetting(draft: Draft, element: Element): void {
  if (draft.shownIn.length < MAX_SHOWN_IN && !draft.shownIn.includes(element)) draft.shownIn.push(element);
}

/** The first form field that names a security gives it, and its words are kept for the port read later. */
function securityFromField(draft: Draft, value: string): void {
  if (draft.security !== null) return;
  draft.security = securityOf(value, null);
  if (draft.security !== null) draft.formSecurity = value;
}

/**
 * A server field that holds the server as a URL, its scheme saying the security and a port after it, as
 * Roundcube's SMTP settings write it: "tls://smtp.example.com:587" (STARTTLS), "ssl://smtp.example.com:465"
 * (implicit TLS), and "smtps://" or "submissions://" (RFC 8314's implicit-TLS submission) elsewhere.
 */
const SERVER_URL = /^\s*(ssl|tls|starttls|smtps|submissions|smtp|submission):\/\/([a-z0-9.-]{1,253})(?::(\d{1,5}))?\/?\s*$/i;
const URL_SECURITY: Readonly<Record<string, SecurityMode>> = { ssl: 'tls', smtps: 'tls', submissions: 'tls', tls: 'starttls', starttls: 'starttls' };

/** A field value that is a host name and nothing else. */
const HOST_ONLY = /^\s*(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,6}[a-z]{2,24}\s*$/;
/**
 * Labels that name no setting but say a host may be in the field: "Address" or "IP address", in the languages of the
 * screens read ("Adresse IP", "IP-Adresse", "IP 地址").
 */
const ADDRESS_LABEL =
  /^(?:ip[- ]?)?(?:address|adresse|dirección|direccion|endereço|indirizzo|adres|adresa|osoite|адрес|地址|位址|アドレス|주소)(?:[- ]?ip)?\s*:?$/u;

/**
 * A field of the outgoing server's fieldset whose label names no setting, read by what it holds, as a
 * person reads it under an "SMTP Server" legend: "Address" (or no label) holding a host name is the
 * server, a field with no label holding a mail port is its port, a menu with no label or "Secure" whose
 * choice is SSL, TLS or STARTTLS its security. For a field with no label and for a menu only the fieldset's own
 * legend will do: a direction carried from the labels before a field labels too much (a pager's "25 per page", a
 * bounce domain), and a bare "Secure" needs its column or legend (see fields.ts `inOutgoingColumn`). A labelled 25
 * ("Timeout") is no port. "Address" may also stand under its section's or form's own heading ("SMTP" over a card)
 * where the same form has a port field holding a mail port (`mailPortForms`); never under a direction carried from
 * the fields above it, so a "Directory" block after an "SMTP host" field, or an "Outbound proxy" heading over an
 * address and port 5060, lends it no server.
 */
function roleByValue(field: LabelledField, mailPortForms: ReadonlySet<Element | null>): KeyMeaning['role'] {
  const label = field.setting.label.trim();
  const value = field.setting.value;
  if (field.tag === 'select') return (label === '' || SECURE_ALONE.test(label)) && namesMode(value) && legendSaysOutgoing(field.element) ? 'security' : null;
  if (field.tag !== 'input' || !TEXT_TYPES.has(field.type)) return null;
  if (HOST_ONLY.test(value)) {
    if (legendSaysOutgoing(field.element)) return ADDRESS_LABEL.test(label) || label === '' ? 'server' : null;
    return ADDRESS_LABEL.test(label) && mailPortForms.has(formOf(field.element)) && ownHeadingDirection(field.element) === 'outgoing' ? 'server' : null;
  }
  return label === '' && MAIL_PORT_VALUE.test(value) && legendSaysOutgoing(field.element) ? 'port' : null;
}
/** A field's value that is a mail port and nothing else. */
const MAIL_PORT_VALUE = /^\s*(?:25|465|587|2525)\s*$/;
const legendSaysOutgoing = (element: Element): boolean => {
  const legend = element.closest('fieldset')?.querySelector(':scope > legend')?.textContent;
  return legend !== undefined && legend !== null && directionOf(normalise(legend)) === 'outgoing';
};
const TEXT_TYPES = new Set(['text', 'number', 'url', 'search']);

/**
 * A form that names its incoming server and one more server by no direction, as a CRM's mail-account form puts
 * "Server", "Port" and "Security type" above its "IMAP Server": a person reads that other server as the outgoing
 * one, and the port and security with no direction beside it as its own. Only where no field of the page names
 * the outgoing server, the form has one undirected field of each role, and its port holds a mail port (25, 465,
 * 587, 2525): an IMAP-only form ("Server" and "IMAP port"), a form of two unnamed servers, or another service's
 * block above the IMAP one (a directory on 636, a proxy on 3128, a collector's remote server on 993) is left as
 * it was.
 */
function pairedWithIncoming(fields: readonly LabelledField[], meanings: readonly KeyMeaning[]): KeyMeaning[] {
  const result = [...meanings];
  if (meanings.some((meaning) => meaning.role === 'server' && meaning.direction === 'outgoing')) return result;
  const byForm = new Map<Element, number[]>();
  fields.forEach((field, index) => {
    const form = formOf(field.element);
    if (form === null) return;
    const list = byForm.get(form);
    if (list === undefined) byForm.set(form, [index]);
    else list.push(index);
  });
  for (const indices of byForm.values()) {
    const incomingServer = indices.some((index) => meanings[index]!.role === 'server' && meanings[index]!.direction === 'incoming');
    const undirected = indices.filter((index) => meanings[index]!.direction === null && ['server', 'port', 'security'].includes(meanings[index]!.role ?? ''));
    const roles = undirected.map((index) => meanings[index]!.role);
    if (!incomingServer || !roles.includes('server') || new Set(roles).size !== roles.length) continue;
    const port = undirected.find((index) => meanings[index]!.role === 'port');
    if (port === undefined || !MAIL_PORT_VALUE.test(fields[port]!.setting.value)) continue;
    for (const index of undirected) result[index] = { role: meanings[index]!.role, direction: 'outgoing' };
  }
  return result;
}

function fromFields(allFields: readonly LabelledField[], draft: Draft): void {
  // The fields of an option left unticked, which the page hides, are not the settings in use: they keep their defaults.
  const fields = shownFields(allFields);
  const meanings = pairedWithIncoming(fields, fields.map((field) => meaningOf(field.setting.label, field.setting.context)));
  // The forms with a port field holding a mail port: where an "Address" under an outgoing heading may be the server.
  const mailPortForms = new Set(fields.filter((field, index) => meanings[index]!.role === 'port' && MAIL_PORT_VALUE.test(field.setting.value)).map((field) => formOf(field.element)));
  const hasOutgoingServerField = meanings.some((meaning) => meaning.role === 'server' && meaning.direction === 'outgoing');
  const outgoingForms = new Set(fields.filter((_, index) => meanings[index]!.role === 'server' && meanings[index]!.direction === 'outgoing').map((field) => formOf(field.element)));
  outgoingForms.delete(null);
  // Roles some field gives for the outgoing server by name: a field of that role that names no server
  // (a Sieve port between the IMAP and SMTP blocks) is not the outgoing one.
  const namedOutgoing = new Set(meanings.filter((meaning) => meaning.direction === 'outgoing' && meaning.role !== null).map((meaning) => meaning.role));
  /** Fields whose role only their value gives, taken after the others and only for what those left empty. */
  const byValue: Array<{ field: LabelledField; meaning: KeyMeaning; role: KeyMeaning['role']; farDirection: boolean }> = [];
  fields.forEach((field, index) => {
    const meaning = meanings[index]!;
    if (meaning.direction === 'incoming') {
      if (meaning.role === 'server') draft.incomingServer ??= firstHost(field.setting.value);
      return;
    }
    // A field read for the settings alone must say outgoing itself or by its section, or be a menu in the
    // outgoing server field's own form: a script-built radio group elsewhere ("Backup encryption") would pass too.
    const besideServer = field.settingsOnly !== true || (field.type !== 'radio' && outgoingForms.has(formOf(field.element)));
    const outgoing = meaning.direction === 'outgoing' || (besideServer && hasOutgoingServerField && !namedOutgoing.has(meaning.role));
    if (!outgoing) return;
    // A direction only the settings' further reading gave (a heading far above, fields.ts `forSettings`) is
    // trusted less: an IMAP or POP host or port under it is the heading's mistake, not the outgoing server.
    const farDirection = meaning.direction === 'outgoing' && meaningOf(field.label, field.context).direction !== 'outgoing';
    // "Server IP/Hostname + Port" holding "tls://smtp.example.com:587" is the server's field, port and all.
    const role = meaning.role === 'port' && SERVER_URL.test(field.setting.value) ? 'server' : meaning.role;
    const guessed = role === null && meaning.direction === 'outgoing' ? roleByValue(field, mailPortForms) : null;
    if (guessed !== null) byValue.push({ field, meaning, role: guessed, farDirection });
    else take(field, meaning, role, farDirection);
  });
  for (const { field, meaning, role, farDirection } of byValue) {
    const empty = role === 'server' ? draft.outgoingServer === null : role === 'port' ? draft.port === null : draft.security === null;
    if (empty) take(field, meaning, role, farDirection);
  }

  function take(field: LabelledField, meaning: KeyMeaning, role: KeyMeaning['role'], farDirection: boolean): void {
    switch (role) {
      case 'server': {
        if (meaning.direction !== 'outgoing') break;
        draft.sources.add('form');
        const url = SERVER_URL.exec(field.setting.value);
        const host = firstHost(url === null ? field.setting.value : url[2]!, farDirection);
        draft.outgoingServer ??= host;
        // The URL's port and security are its own host's: not another server's, read from an earlier field.
        if (url !== null && host !== null && draft.outgoingServer === host) {
          if (url[3] !== undefined) draft.port ??= validPort(Number(url[3]));
          draft.security ??= URL_SECURITY[url[1]!.toLowerCase()] ?? null;
        }
        // A box about the server ("Use the account's usual outgoing server") is the hint's place only where no
        // other server field is: beside it, the hint would lie over the server's own field on the row below.
        if (field.type === 'checkbox') draft.boxAnchor ??= field.element;
        else draft.anchor ??= field.element;
        showsSetting(draft, field.element);
        break;
      }
      case 'port': {
        draft.sources.add('form');
        const port = firstPort(field.setting.value, 'any');
        // A fetching port (110, 143, 993, 995) is the outgoing one only where the field or its own block says so: not
        // where the direction came from far above, nor where a field with no side is taken beside the outgoing server.
        if (port !== null && !((farDirection || meaning.direction !== 'outgoing') && isIncomingPort(port))) draft.port ??= port;
        draft.anchor = field.element;
        showsSetting(draft, field.element);
        break;
      }
      case 'security':
        // A ticked "Don't use SSL" or "Use SSL when receiving" box says nothing of sending's security.
        if (field.setting.value && !(field.type === 'checkbox' && has(NOT_FOR_SENDING, field.setting.value))) securityFromField(draft, field.setting.value);
        showsSetting(draft, field.element);
        break;
      case 'auth':
        if (field.setting.value) draft.authentication ??= authenticationOf(field.setting.value);
        showsSetting(draft, field.element);
        break;
      default:
        // A radio choice naming the security, a protocol menu whose choice pairs SMTP with it ("SMTP/STARTTLS"),
        // or a menu labelled only "Secure" right under the outgoing server's column header (a webmail admin's
        // domain dialog): alone, that word labels too much ("Use secure authentication") to be a security
        // label, and a direction carried from earlier labels or a header further up is not enough for it.
        if (
          field.setting.value && draft.security === null &&
          ((field.type === 'radio' && (has(SECURITY_WORD, field.setting.value) || has(SECURITY_LABEL, field.setting.value) || has(STARTTLS, field.setting.value))) ||
            // A ticked box that names the encryption itself ("Use SSL/TLS", "STARTTLS"), not one that only says "secure",
            // turns it off ("Disable STARTTLS") or is for receiving ("Use SSL when receiving").
            (field.type === 'checkbox' && !has(NOT_FOR_SENDING, field.setting.value) && namesMode(field.setting.value)) ||
            (field.tag === 'select' && SMTP_WITH_SECURITY.test(field.setting.value)) ||
            field.outgoingColumn)
        ) {
          securityFromField(draft, field.setting.value);
          // The choice shows an outgoing setting: the open hint keeps clear of it too.
          if (draft.security !== null) showsSetting(draft, field.element);
        }
    }
  }
}

function fromPairs(pairs: readonly SettingPair[], draft: Draft): void {
  let outgoingContainer: Element | null = null;
  /** A server named for no direction ("Mail server", "Hostname"): one host for IMAP, POP3 and SMTP alike. */
  let sharedHost: { host: string; container: Element } | null = null;
  /** The port set so far is a pairs row's port 25, which a submission port in a later row replaces. */
  let port25FromPairs = false;
  const securityFromForm = draft.security !== null;
  /** A security row offering both kinds ("SSL/TLS or STARTTLS") before any port: the port decides, after the rows. */
  let securityForPort: string | null = null;
  for (const pair of pairs) {
    const meaning = meaningOf(pair.key, pair.context);
    if (meaning.direction === 'incoming') {
      if (meaning.role === 'server') draft.incomingServer ??= firstHost(pair.value);
      continue;
    }
    if (meaning.direction !== 'outgoing') {
      if (meaning.role === 'server' && sharedHost === null) {
        const host = firstHost(pair.value);
        if (host !== null) sharedHost = { host, container: pair.container };
      }
      continue;
    }
    // "SSL/TLS | Port 465", "STARTTLS | Port 587" under an SMTP heading: a row keyed by the security alone gives its port.
    const keyedBySecurity = SECURITY_KEY.test(pair.key) && PORT_VALUE.test(pair.value);
    if (meaning.role !== null || keyedBySecurity) showsSetting(draft, pair.container);
    const host = meaning.role === 'server' ? firstHost(pair.value) : null;
    // "SMTP | 465 (SSL/TLS)": a row that names the protocol and gives no host gives the port.
    const role = (meaning.role === 'server' && host === null) || keyedBySecurity ? 'port' : meaning.role;
    const securityText = keyedBySecurity ? pair.key : pair.value;
    if (role === 'server' && host !== null) {
      draft.sources.add('pairs');
      draft.outgoingServer ??= host;
      outgoingContainer ??= pair.container;
      // A row keyed by the protocol ("SMTP | smtp.example.net | 465 | SSL/TLS", its header row elsewhere) gives
      // the mail port among its cells; a row keyed "Server" gives only a port it labels.
      const port = firstPort(pair.value, 'none') ?? (PROTOCOL_KEY.test(pair.key) ? portAfterHost(pair.value, host) : null);
      if (port !== null) draft.port ??= port;
      draft.security ??= pairSecurity(pair.value, port);
    } else if (role === 'port') {
      const port = firstPort(pair.value, 'any');
      if (port === null) continue;
      draft.sources.add('pairs');
      // A table listing the outgoing server's ports ("Port 25", "Port 587 (SSL)", "Port 465 (SSL)") offers
      // the submission port beside 25: that is the one to set, where ISPs block 25.
      if (draft.port === 25 && port25FromPairs && isSubmissionPort(port)) {
        draft.port = port;
        // The security the rows gave belonged to port 25; one a form field gave stays.
        if (!securityFromForm) draft.security = pairSecurity(securityText, port);
        port25FromPairs = false;
      }
      if (draft.port === null && port === 25) port25FromPairs = true;
      draft.port ??= port;
      draft.security ??= pairSecurity(securityText, port);
      outgoingContainer ??= pair.container;
    } else if (meaning.role === 'security') {
      // A row naming one kind is read as it stands ("STARTTLS (port 587 – without SSL)" is STARTTLS); one
      // offering both is read for the port, which may come in a later row.
      if (!offersBothKinds(pair.value)) draft.security ??= securityOf(pair.value, draft.port);
      else if (draft.port === null) securityForPort ??= pair.value;
      else draft.security ??= pairSecurity(pair.value, draft.port);
    } else if (meaning.role === 'auth') {
      draft.authentication ??= authenticationOf(pair.value);
    }
  }
  if (draft.outgoingServer === null && sharedHost !== null && outgoingContainer !== null) {
    draft.outgoingServer = sharedHost.host;
    outgoingContainer = sharedHost.container;
    showsSetting(draft, sharedHost.container);
  }
  if (securityForPort !== null) draft.security ??= pairSecurity(securityForPort, draft.port);
  draft.anchor ??= outgoingContainer;
}

/**
 * Whether a value offers STARTTLS and implicit TLS both: "SSL/TLS or STARTTLS", "Keine, SSL/TLS oder STARTTLS";
 * not "STARTTLS (port 587 – without SSL)", which names SSL only to say it is off.
 */
function offersBothKinds(value: string): boolean {
  return namesBothKinds(value) && !SECURITY_OFF.test(value);
}

/** Whether a text names STARTTLS and an implicit-TLS word ("SSL/TLS", "SSL", "TLS") both. */
const namesBothKinds = (value: string): boolean => has(STARTTLS, value) && (has(IMPLICIT_TLS, value) || has(PLAIN_TLS, value));

/** A key that is a security mode and nothing else, as a panel's port list keys its rows. */
const SECURITY_KEY = /^(?:ssl\/tls|tls\/ssl|ssl|tls|starttls|implicit tls|no encryption|unencrypted|none)$/;
/**
 * The mail port in the cell right after a protocol row's host ("smtp.example.net 465 ssl/tls"), not a
 * number further on ("smtp.example.net timeout 25 s").
 */
function portAfterHost(value: string, host: string): number | null {
  const at = value.indexOf(host);
  if (at === -1) return null;
  const port = /^\s*:?\s*(25|465|587|2525)(?![\d.,:])/.exec(value.slice(at + host.length))?.[1];
  return port === undefined ? null : Number(port);
}

/**
 * A checkbox label that turns the encryption off or sets it for receiving: "Disable STARTTLS", "Don't use SSL",
 * "Use TLS for incoming mail", "SSL beim Empfang", "SSL para recibir".
 */
const NOT_FOR_SENDING = words(
  'disable', 'deactivate', "don'?t", 'do not', 'never', 'no', 'not', 'without', 'skip', 'ignore', 'deaktivier\\p{L}*', 'nicht', 'kein\\p{L}*',
  'ohne', 'desactiv\\p{L}*', 'désactiv\\p{L}*', 'sans', 'sin', 'sem', 'senza', 'non', 'nie', 'niet', 'geen', 'ne', 'nepou\\p{L}*', 'inte',
  'ikke', 'ei', 'receiv\\p{L}*', 'incoming', 'inbound', 'imap', 'pop3?', 'empf\\p{L}*', 'eingeh\\p{L}*', 'recib\\p{L}*', 'entrant\\p{L}*',
  'réception', 'recev\\p{L}*', 'receb\\p{L}*', 'ricev\\p{L}*', 'in arrivo', 'ontvang\\p{L}*', 'inkomend\\p{L}*', 'odbi\\p{L}*', 'přij\\p{L}*',
);

/** A key that is the sending protocol's name alone, a note in brackets at most: "SMTP", "SMTP (outgoing)", "smtp（发信）". */
const PROTOCOL_KEY = /^(?:smtps?|submission)\s*(?:[(（][^)）]{1,20}[)）])?\s*:?$/u;
/** A value that is a port alone: "Port 465", "465". */
const PORT_VALUE = /^(?:port\s*)?\d{2,5}$/;

/** A protocol menu's choice that pairs SMTP with its security: "SMTP/STARTTLS", "SMTP over SSL", "SMTP (STARTTLS)", "SMTPS". */
const SMTP_WITH_SECURITY = /^smtps$|^smtp\s*(?:\/|\+|over|with|via|-|\()\s*(?:starttls|ssl|tls)/;

/** POP3, IMAP and their TLS ports: prose that names one has run on into the incoming server's settings. */
const isIncomingPort = (port: number): boolean => port === 110 || port === 143 || port === 993 || port === 995;

/**
 * "change the port from 25 to 26", "from the default port 25 to port 8025", "vom Port 25 auf Port 2526",
 * "du port 25 au port 587": the port the text says to change 25 to, read in the windows around the
 * outgoing server's names. A port word must stand before the 25 or the new number, or at most 40
 * characters before "from" in the same sentence, or the sentence must be the outgoing server's own, so
 * "fees rose from 25 to 40 euros" or "a limit from 25 to 100 messages" is no port.
 */
const PORT_NAME = '(?:port|puerto|porta|poort|portu|порт)';
const PORT_NAME_WORD = new RegExp(PORT_NAME);
const CHANGE_FROM_25 = new RegExp(
  `(?<![\\p{L}\\d])(?:from|von|vom|de|del|du|da|dalla|dal|van|z|ze|från|fra|от|с)\\s+(?:(?:the|der|dem|le|el|la|o|il|het|de)\\s+)?(?:(?:default|standard|standaard)[- ]?)?(?:(?:smtp[- ])?(${PORT_NAME})\\s+)?25\\s+(?:to|auf|a|à|au|al|alla|para|naar|na|till|til|на)\\s+(?:(?:the|den|le|el|la|a|il|de)\\s+)?(?:(${PORT_NAME})\\s+)?(\\d{2,5})(?!\\d)`,
  'gu',
);

/**
 * The port a window around the outgoing server says to change 25 to (see CHANGE_FROM_25). `sentenceFrom`
 * is where the outgoing server's name stands in `span`: a change in that name's own sentence ("… outgoing
 * server (SMTP) from 25 to 8025") needs no port word of its own.
 */
function portChangedTo(span: string, sentenceFrom: number): number | undefined {
  const stop = span.slice(sentenceFrom).search(/[.!?\n]/);
  const sentenceEnd = stop === -1 ? span.length : sentenceFrom + stop;
  for (const match of span.matchAll(CHANGE_FROM_25)) {
    const port = Number(match[3]);
    // The 40 characters before "from", within its sentence: "change the port of the outgoing server from 25 to 8025".
    const before = span.slice(Math.max(0, match.index - 40), match.index);
    const clause = before.slice(before.search(/[^.!?\n]*$/));
    const named =
      match[1] !== undefined || match[2] !== undefined || PORT_NAME_WORD.test(clause) || (match.index >= sentenceFrom && match.index < sentenceEnd);
    if (named && validPort(port) !== null && port !== 25 && !isIncomingPort(port)) return port;
  }
  return undefined;
}

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
  const outgoing = candidates.filter((port) => !isIncomingPort(port));
  const chosen = outgoing.find(isSubmissionPort) ?? outgoing[0];
  return chosen === undefined ? null : validPort(chosen);
}

/**
 * The port the prose around the outgoing server recommends (`ports`, in the order found): the port the
 * text says to change 25 to, else a submission port. A page that says port 25 is blocked never
 * recommends it: it then names the port to use instead somewhere on the page ("… use 587 or 465"), or none.
 */
function recommendedPort(text: string, ports: readonly number[], changedTo: number | undefined): number | undefined {
  // "Change the outgoing port from 25 to 26" is the page's own instruction, even where it goes on to name
  // 587 as a fallback ("from 25 to 26 or 587").
  if (changedTo !== undefined) return changedTo;
  const submission = ports.find(isSubmissionPort);
  if (submission !== undefined) return submission;
  if (!saysPort25Blocked(text)) return ports[0];
  const named = prosePort(text);
  return named !== null && named !== 25 ? named : ports.find((port) => port !== 25);
}

/**
 * A security setting answered no: a security word, then within its line a colon, bar or "set to", or the
 * next table cell, and a no that ends the answer ("SSL | NO", "…: NO.", "set to Never").
 */
const NEGATED_SECURITY =
  /(?<![\p{L}\d])(?:ssl|tls|starttls|encryption|secure connection|connessione sicura|verschlüsselung|cifrado|chiffrement|crittografia|cifratura|versleuteling|szyfrowanie)(?![\p{L}\d])[^.\n]{0,80}?(?:[:|=]\s*|[ \t]*\n[ \t]*|(?:set|setzen|impostat[oa]|configurad[oa]) (?:to|auf|su|a|en|como) )["'“„«]?(?:no|non|nein|nee|never|none|off|nessuna|keine|ninguna|aucune?|nenhuma|geen|nie|なし|無し|否|disabled|deaktiviert|disattivat[oa])(?=["'”“»]?\s*(?:$|\n|[.;,)|]))/u;

/** The security words a port's label or its row's head cell gives, captured. */
const SECURITY_NAME = String.raw`(starttls|ssl\/tls|tls\/ssl|ssl|tls)`;
/** A security word in parentheses ending a port's label: "SMTP port (TLS): 587", "Port (SSL) 465". */
const SECURITY_IN_LABEL = new RegExp(String.raw`\(\s*${SECURITY_NAME}\s*\)[^\p{L}\d\n]{0,3}$`, 'iu');
/** A table row headed by a security word, the port in a later cell: "STARTTLS | Recommended: port 587". */
const SECURITY_ROW_HEAD = new RegExp(String.raw`^\s*${SECURITY_NAME}\s*\|`, 'i');
/** The same head cell as a page's text gives it: a line of its own, the security word alone. */
const SECURITY_CELL = new RegExp(String.raw`^\s*${SECURITY_NAME}\s*$`, 'i');

/**
 * The security the port's own label ("Port (TLS): 587", no other number in between) or the head of its
 * table row names: "STARTTLS | port 587" in stored text, or, in a page's text where each cell is a line,
 * a lone "STARTTLS" line right before the port's, unless the line before that is a bare number (then the
 * lone word ends the row above, in a "Port | Encryption" table).
 */
function securityBeforePort(span: string, at: number, port: number): SecurityMode | null {
  const window = span.slice(Math.max(0, at - 24), at);
  const label = /\d/.test(window) ? undefined : SECURITY_IN_LABEL.exec(window)?.[1];
  if (label !== undefined) return securityOf(label.toLowerCase(), port);
  const lineStart = span.lastIndexOf('\n', at - 1);
  const head = SECURITY_ROW_HEAD.exec(span.slice(lineStart + 1, at))?.[1];
  if (head !== undefined) return securityOf(head.toLowerCase(), port);
  if (lineStart <= 0) return null;
  const previousStart = span.lastIndexOf('\n', lineStart - 1);
  const cell = SECURITY_CELL.exec(span.slice(previousStart + 1, lineStart))?.[1];
  if (cell === undefined) return null;
  const rowAbove = previousStart <= 0 ? '' : span.slice(span.lastIndexOf('\n', previousStart - 1) + 1, previousStart);
  return /^\s*\d+\s*$/.test(rowAbove) ? null : securityOf(cell.toLowerCase(), port);
}

/**
 * The part of a clause that starts with a port and is about it: it ends where, after a comma, another
 * number comes. "587, 465 (SSL)" gives 587 no SSL of 465's.
 */
function ownPart(clause: string): string {
  const parts = clause.split(/(?=[,，、])/);
  let own = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const number = part.search(/\d{2,}/);
    // "587, TLS (port 25 is blocked)": the words up to the other number are still this port's.
    if (number !== -1) return own + part.slice(0, number);
    own += part;
  }
  return own;
}

/** A mode read off a neighbouring label, cell or line: 465 speaks TLS from the first byte, so a STARTTLS there is another port's. */
const ownSecurity = (port: number, mode: SecurityMode | null): SecurityMode | null => (port === 465 && mode === 'starttls' ? null : mode);

/**
 * The security named for the port where `port` first stands in `span`: in the clause right after it
 * ("587 (STARTTLS)", "465 with SSL/TLS"), else in the port's own label ("Port (TLS): 587"), at the
 * head of its table row ("STARTTLS | Port 587") or in the labelled line right after ("Port: 587", then
 * "SSL: STARTTLS"). A security word merely earlier in the port's line is not read: on the held-out
 * pages it named another port's security as often as this one's.
 */
function securityAfterPort(span: string, port: number): SecurityMode | null {
  const at = span.search(new RegExp(`(?<![\\d.:])${port}(?!\\d|[.:]\\d)`));
  if (at === -1) return null;
  // "587 (Non SSL)", "port 25 without SSL": said right after the port, no security. Never on 465, which
  // speaks TLS from the first byte: a negation there belongs to another port or to another sentence.
  const end = at + String(port).length;
  if (port !== 465 && NEGATED_AFTER_PORT.test(span.slice(end, end + 32))) return 'none';
  const clause = span.slice(at, at + 48).split(/\b(?:or|oder|o|ou|oppure|of|eller|lub)\b|[;\n]/)[0] ?? '';
  const after = securityOf(ownPart(clause), port);
  if (after !== null) return after;
  const named = securityBeforePort(span, at, port);
  if (named !== null) return ownSecurity(port, named);
  // "Port: 587" then "SSL: STARTTLS": the security's own labelled line right after the port's; or, a
  // table's rows read as lines, the security's label alone on the next line and its value on the one after.
  const lineEnd = span.indexOf('\n', at);
  const [nextLine = '', lineAfter = ''] = lineEnd === -1 ? [] : span.slice(lineEnd + 1).toLowerCase().split('\n', 2);
  const colon = nextLine.search(/[:：]/);
  const key = colon === -1 ? nextLine : nextLine.slice(0, colon);
  if (colon === 0 || key.length > 32) return null;
  if (!has(SECURITY_WORD, key) && !has(SECURITY_LABEL, key)) return null;
  if (colon === -1) {
    // The label alone: a line that holds a mode too ("Security STARTTLS", its spans joined) is no label
    // alone, and a column of another protocol's values may follow it, so 465 takes no STARTTLS this way.
    if (securityOf(nextLine, port) !== null || nextLine.trim().split(/\s+/).length > 3) return null;
    return ownSecurity(port, securityOf(lineAfter, port));
  }
  // "Port: 465 or 587", then "Security: SSL/TLS or STARTTLS": where a line offers both kinds, the port
  // tells which is its own (465 speaks implicit TLS only, 587 STARTTLS); another port gets neither.
  const value = nextLine.slice(colon + 1);
  if (!namesBothKinds(value)) return securityOf(value, port);
  return port === 465 ? 'tls' : port === 587 ? 'starttls' : null;
}

/**
 * A settings row's security: the one said with the port taken ("465 with SSL/TLS or 587 with STARTTLS"),
 * else the cell's, where 465 beside an SSL or TLS word is implicit TLS. Unlike `securityNear`, a "no"
 * elsewhere in the cell ("smtp.example.it con SSL, porta 465, SPA: no") says nothing of its security.
 */
function pairSecurity(value: string, port: number | null): SecurityMode | null {
  return (port === null ? null : securityAfterPort(value, port)) ?? securityNamed(value, port);
}

function securityNear(span: string, port: number | null): SecurityMode | null {
  // A sentence's "aucun", "keine" or "none" says nothing of the connection ("Port 587. Vérifiez qu'aucun
  // compte ne l'utilise"): in prose, no security is only what a security word or label says is off.
  // "SSL | NO", "Use SSL/TLS … set to Never", "Utilizzo di SSL, o TLS, o STARTTLS: NO": the answer is no security.
  const negated = NEGATED_SECURITY.test(span);
  const off = negated || SECURITY_OFF.test(span);
  const near = port === null ? null : securityAfterPort(span, port);
  if (near !== null && (near !== 'none' || off)) return near;
  if (negated) return 'none';
  const named = securityNamed(span, port);
  return named === 'none' && !off ? null : named;
}

/** A security label answered "none", or a security word negated: "Encryption: None", "Sécurité : aucune", "unencrypted", "587 (non-SSL)". */
const SECURITY_OFF = new RegExp(
  String.raw`(?:(?:security|sécurité|sicherheit|verschlüsselung|encryption|chiffrement|cifrado|seguridad|segurança|sicurezza|crittografia|beveiliging|versleuteling|szyfrowanie|zabezpieczeni\p{L}*|zabezpečení|ssl|tls|starttls)[^.\n]{0,40}?[:=|]\s*["'“„«]?(?:none|no|off|never|disabled|keine?|aucune?|ninguna|nenhuma|nessuna|geen|brak|žádné)(?![\p{L}\d])|(?<![\p{L}])${NEGATION}[- ]?(?:ssl|tls|starttls|encryption|verschlüsselung|chiffrement|cifrado|criptografia|crittografia|versleuteling|szyfrowania)(?![\p{L}\d])|(?<![\p{L}])(?:unencrypted|unverschlüsselt|non chiffré\p{L}*|sin cifrar|não criptografad\p{L}*|non crittografat\p{L}*|onversleuteld))`,
  'u',
);

/**
 * The security a text names for `port`. Port 465 with an SSL or TLS word in it is implicit TLS, whatever
 * STARTTLS it names too: a text that offers "465 with SSL/TLS, or 587 with STARTTLS" names both kinds, and
 * 465 speaks only one.
 */
function securityNamed(text: string, port: number | null): SecurityMode | null {
  if (port === 465 && (has(IMPLICIT_TLS, text) || has(PLAIN_TLS, text))) return 'tls';
  return securityOf(text, port);
}

const WINDOW_AFTER = 170;
const WINDOW_BEFORE = 70;
const BLOCKS = 'p, li, dd, td, tr, table, dl, section, article, div, details';

const MAX_WINDOWS = 12;
const MAX_STRETCH = 64;
const HOST_END = /[\s。，、；：）]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Where `pattern` matches in `text`, at most `limit` times: scanned as `countMatchesWhere` scans (a word
 * list the fast way, and found with the others `readPage` counts over the same text).
 */
function spans(pattern: RegExp, text: string, limit: number): Array<{ index: number; end: number }> {
  const found: Array<{ index: number; end: number }> = [];
  if (limit <= 0) return found;
  countMatchesWhere(pattern, text, (index, end) => found.push({ index, end }) > 0, limit);
  return found;
}

/** The first name of the incoming server in `text` (spaced languages, then those written without spaces). */
function firstIncoming(text: string): number {
  const at = [INCOMING_SERVER, CJK_INCOMING].map((pattern) => spans(pattern, text, 1)[0]?.index ?? -1).filter((index) => index >= 0);
  return at.length === 0 ? -1 : Math.min(...at);
}

function fromProse(facts: PageFacts, draft: Draft): void {
  const text = facts.text;
  let proseAnchor: Element | null = null;
  const ports: number[] = [];
  let changedTo: number | undefined;
  // The outgoing server's names in text order, in the spaced languages and in those written without spaces.
  /** The windows that named a host or a port, to read the security in once the port is chosen. */
  const windows: Array<{ after: string; port: number | null }> = [];
  const mentions = [...spans(OUTGOING_SERVER, text, MAX_WINDOWS), ...spans(CJK_OUTGOING_SERVER, text, MAX_WINDOWS)]
    .sort((a, b) => a.index - b.index)
    .slice(0, MAX_WINDOWS);
  for (const match of mentions) {
    const from = match.end;
    // Stretch the window to the end of the word it cuts, so a host name is never read half; a host name
    // ends at a space or at the first letter of a script written without spaces, and is never long.
    const cut = text.slice(from + WINDOW_AFTER, from + WINDOW_AFTER + MAX_STRETCH).search(HOST_END);
    let after = text.slice(from, from + WINDOW_AFTER + (cut === -1 ? MAX_STRETCH : cut));
    const incoming = firstIncoming(after);
    if (incoming >= 0) after = after.slice(0, incoming);
    const lineStart = Math.max(text.lastIndexOf('\n', match.index - 1) + 1, match.index - WINDOW_BEFORE);
    const before = text.slice(lineStart, match.index);
    const host = firstHost(after, true) ?? firstHost(before, true);
    const port = prosePort(after);
    changedTo ??= portChangedTo(`${before}${text.slice(match.index, match.end)}${after}`, before.length);
    if (port !== null) ports.push(port);
    if (host !== null && draft.outgoingServer === null) {
      draft.outgoingServer = host;
      draft.sources.add('prose');
      proseAnchor ??= nodeAt(facts.segments, match.index)?.parentElement?.closest(BLOCKS) ?? null;
    }
    if (port !== null || host !== null) {
      windows.push({ after, port });
      if (has(AUTH_WORD, after)) draft.authentication ??= 'password';
    }
  }
  const port = recommendedPort(text, ports, changedTo);
  if (port !== undefined && draft.port === null) {
    draft.port = port;
    draft.sources.add('prose');
  }
  // Each window's security is read for the port the page ends up with, which a window may not name: "465
  // or 587", then "SSL/TLS for 465, STARTTLS for 587", is 465 with SSL/TLS once 465 is the port. A window
  // that states a port of its own, other than the page's and without naming the page's, speaks of that
  // port's security ("also accepts port 465 (SSL/TLS)" says nothing of a table's 25).
  for (const stretch of windows) {
    const finalPort = draft.port;
    if (finalPort !== null && stretch.port !== null && stretch.port !== finalPort && !new RegExp(`(?<!\\d)${finalPort}(?!\\d)`).test(stretch.after)) continue;
    draft.security ??= securityNear(stretch.after, draft.port ?? stretch.port);
  }
  if (draft.incomingServer === null) {
    const incoming = firstIncoming(text);
    if (incoming >= 0) draft.incomingServer = firstHost(text.slice(incoming, incoming + WINDOW_AFTER));
  }
  if (draft.anchor === null && proseAnchor !== null) {
    draft.anchor = proseAnchor;
    showsSetting(draft, proseAnchor);
  }
}

/** A host whose own name says it sends mail: smtp., smtpauth., sslout., mailout. … */
const SENDING_HOST = /^(?:smtps?|smtpauths?|smtp-?auth|smtp-?out|smtp-?relay|sslout|mailout|asmtp|authsmtp|securesmtp|sendmail|submission)\d*[.-]/;

/**
 * The first host in `text` named for sending mail ("smtp.immerda.ch", "smtpauth.bluewin.ch"), for an
 * article whose text names its outgoing server only in a list, a table flattened into text or a sentence
 * the windows do not reach ("imap.example.ch, pop.example.ch, smtp.example.ch"); where none stands, a
 * sending host's pattern ("smtp-[account].host.net", `sendingPatternIn`). Only what the hint shows uses
 * it: the classifier's smells read what the windows, tables and forms give.
 */
export function sendingHostIn(text: string): string | null {
  let seen = 0;
  for (const [host] of text.matchAll(HOSTNAME)) {
    if (SENDING_HOST.test(host) && !EXAMPLE_HOST.test(host) && firstHost(host) !== null) return host;
    if ((seen += 1) === 200) break;
  }
  return sendingPatternIn(text);
}

/**
 * The first submission port (587, 465, 2525) `text` names anywhere, for an article whose windows read
 * none: "SMTP: 587 (STARTTLS), 465 (SSL)", "Use port 465.", "Naudoti 587 serverio prievadą". Like
 * sendingHostIn, only what the hint shows uses it.
 */
export function submissionPortIn(text: string): number | null {
  let seen = 0;
  for (const match of text.matchAll(MAIL_PORT)) {
    const port = Number(match[1]);
    if (isSubmissionPort(port)) return port;
    if ((seen += 1) === 200) break;
  }
  return null;
}

/**
 * What the hint shows on an article: the settings read, and where the windows read none, a sending host
 * or submission port named elsewhere, and the security named right after that port.
 */
export function shownOnArticle(settings: ExtractedSettings, text: string): ExtractedSettings {
  const port = settings.port ?? submissionPortIn(text);
  return {
    ...settings,
    outgoingServer: settings.outgoingServer ?? sendingHostIn(text),
    port,
    security: settings.security ?? (port === null ? null : securityAfterPort(text, port)),
  };
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
    shownIn: [],
    sources: new Set(),
    formSecurity: null,
    boxAnchor: null,
  };
  fromFields(facts.fields, draft);
  fromPairs(facts.pairs, draft);
  draft.anchor ??= draft.boxAnchor;
  fromProse(facts, draft);
  // 465 speaks TLS from its first byte (RFC 8314, section 3.3): text that pairs it with STARTTLS names the
  // other port's kind, and a form's "Use TLS", read as STARTTLS before its port was known, is implicit TLS
  // there. A form's choice that names its mode ("SSL/TLS", "STARTTLS") stays as chosen.
  if (draft.port === 465 && draft.security === 'starttls' && (draft.formSecurity === null || securityOf(draft.formSecurity, 465) === 'tls')) draft.security = 'tls';
  const { sources, formSecurity: _formSecurity, boxAnchor: _boxAnchor, ...settings } = draft;
  return { settings, sources };
}
