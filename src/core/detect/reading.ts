/**
 * One reading of a page for the smells (smells.ts): every vocabulary count and position they share,
 * taken once from the facts within the text budget, so forty rules cost one pass of each pattern.
 */
import { addressTokens, learnedTokens, wordScore, wordWindow, WORD_MODEL } from './learned-words';
import { meaningOf } from './values';
import { isAccountUrl, isHelpUrl, namedPorts, saysPort25Blocked } from './topic';
import { clip } from './fields';
import { CHROME, readBudgetedText } from './text';
import type { LabelledField, PageFacts } from './types';
import {
  addressAround,
  LOCAL_CHAR,
  ADVICE,
  APP_MAIL,
  APP_FETCH,
  APP_NOTICE,
  APP_SENDER_LABEL,
  NO_REPLY_ADDRESS,
  OTHER_SERVICE_HEADLINE,
  CJK_CONTACTS_HEADLINE,
  CONTACTS_HEADLINE,
  APP_CONNECTION_TEST,
  APP_SENDER_POLICY,
  HEADLINE_MAILBOX,
  SENDER_ONLY_LABEL,
  REPLY_TO_LABEL,
  SIGNATURE_LABEL,
  AUTH_WORD,
  CJK_ADVICE,
  CJK_TEST_MAIL,
  APP_TEST_MAIL,
  KEY_SIGNATURE_LABEL,
  ADMIN_LABEL,
  CJK_CONNECTION_TEST,
  HELO_NAME,
  RECIPIENT_LABEL,
  CJK_APP_NOTICE,
  CJK_YOU,
  YOU,
  CANNOT_SEND,
  CJK_CANNOT_SEND,
  SEND_AS,
  SEND_WORD,
  CJK_INCOMING,
  CJK_INCOMING_SIDE,
  CJK_MAIL_CLIENT,
  CJK_OUTGOING,
  CJK_SEND_AS,
  CJK_SETTINGS,
  CJK_STEP,
  EMAIL_ADDRESS,
  INCOMING_SERVER,
  INCOMING_SIDE,
  MAIL_CLIENT,
  OUTBOX,
  PERSON_NOTICE,
  MAIL_PORT,
  MAIL_WORD,
  OUTGOING_SERVER,
  SECURITY_WORD,
  SETUP_WORD,
  SMTP,
  STARTTLS,
  STEP_VERB,
  countMatches,
  countMatchesWhere,
  normalise,
  has,
  matchStarts,
  scanTogether,
  words,
} from './vocabulary';

/** At most this many matches are counted per pattern: a page saying "SMTP" 50 times is no more on topic than at 10. */
const COUNT_LIMIT = 20;

/** Verbs of changing a setting, near which a submission port is advice ("change the port to 587"). */
const CHANGE_VERB = words(
  'change', 'changing', 'switch', 'switching', 'use', 'using', 'try', 'set', 'select', 'enter', 'configure', 'instead',
  'send (?:through|via|over|on)', 'connect (?:to|on)',
  'ändern', 'ändert', 'verwenden', 'nutzen', 'umstellen', 'stattdessen', 'eintragen', 'utilisez', 'utiliser', 'changer',
  'changez', 'modifier', 'modifiez', 'remplacer', 'cambiar', 'cambie', 'cambia', 'usar', 'utilice', 'utiliza', 'en lugar',
  'alterar', 'altere', 'mudar', 'utilize', 'utilizar', 'em vez', 'cambiare', 'usare', 'utilizzare', 'utilizza', 'invece',
  'wijzig', 'wijzigen', 'gebruik', 'gebruiken', 'aanpassen', 'zmień', 'zmienić', 'użyj', 'używać', 'ustaw', 'ändra',
  'använd', 'změňte', 'použijte', 'измените', 'используйте',
  // The same verbs as a participle or an infinitive ("muss auf 587 geändert werden", "deve essere modificata in 465").
  'changed', 'geändert', 'umgestellt', 'modifié', 'modifiée', 'changé', 'cambiado', 'modificar', 'modifique', 'modificare',
  'modificata', 'modificato', 'cambiato', 'alterado', 'alterada', 'veranderen', 'verander', 'gewijzigd', 'zmieniony', 'zmieniona',
  'změnit',
  // The change named as a noun: "alteração da porta de envio (SMTP) para 587", "Änderung des Ports auf 587".
  'alteração', 'mudança', 'änderung', 'umstellung', 'cambio', 'modification', 'wijziging', 'zmiana', 'změna',
);
const CJK_CHANGE = /変更|使用|利用|設定して|に設定|切り替え|改为|변경|으?로 설정/gu;

// A port ends a sentence ("… para 587.") or follows a colon ("Port:587", "192.0.2.10:587": no time of day has
// three digits after its colon); a price or a version ("1.587", "587,90") is no port.
const SUBMISSION_NUMBER = /(?<!\d|\d[.,])(?:587|465|2525)(?!\d|[.,:]\d)/g;

/** Account and settings words of a headline ("Account settings", "Edit identity", "Mailbox", "Konto"). */
const ACCOUNT_HEADLINE = words(
  'accounts?', 'settings', 'preferences', 'identit(?:y|ies)', 'mailbox(?:es)?', 'e-?mail accounts?', 'edit', 'profile',
  'konto', 'konten', 'einstellungen', 'postfach', 'identität\\p{L}*', 'cuenta', 'cuentas', 'ajustes', 'preferencias',
  'identidad(?:es)?', 'buzón', 'compte', 'comptes', 'paramètres', 'préférences', 'identités?', 'boîte aux lettres',
  'conta', 'contas', 'configurações', 'definições', 'identidades?', 'caixa postal', 'account', 'impostazioni',
  'identità', 'casella', 'instellingen', 'identiteit(?:en)?', 'mailbox', 'ustawienia', 'konta?', 'skrzynk\\p{L}*',
  'inställningar', 'nastavení', 'настройки', 'учетн\\p{L}*', 'client setup', 'mail client', 'configure',
  // The Germanic languages write "account settings" as one word: "Kontoeinstellungen", "Postfacheinstellungen",
  // "Kontoinställningar", "Accountinstellingen", "Kontoinnstillinger", "Kontoindstillinger".
  '\\p{L}+einstellungen', '\\p{L}+inställningar', '\\p{L}+instellingen', '\\p{L}+innstillinger', '\\p{L}+indstillinger',
  'innstillinger', 'indstillinger', 'kontoer', 'konton',
  // An account, a mailbox or editing one in Czech and Slovak ("Úprava schránky", "Nastavenia účtu"), Finnish,
  // Turkish, Hungarian, Romanian, Greek and Russian.
  'úprava', 'schránk\\p{L}*', 'účet', 'účtu', 'účty', 'tili', 'tilin', 'tilit', 'hesab\\p{L}*', 'hesap', 'düzenle',
  'fiók\\p{L}*', 'conturi', 'λογαριασμ\\p{L}*', 'аккаунт\\p{L}*', 'почтов\\p{L}* ящик\\p{L}*',
  // An account named in Japanese, Chinese and Korean ("メールアカウント詳細", "邮箱账户", "메일 계정").
  'アカウント', '账户', '帐户', '賬戶', '帳戶', '账号设置', '帳號設定', '계정',
  // "Edit" in the other languages: "Editar identidad", "Identiteit bewerken".
  'editar', 'bearbeiten', 'modifier', 'modifica', 'bewerken', 'edytuj', 'redigera', 'upravit', 'изменить', '編集',
  // Where a web mail keeps its sender identities: Horde's "Personal Information".
  'personal information', 'données personnelles', 'persönliche (?:daten|angaben|informationen)', 'datos personales',
  'dados pessoais', 'informazioni personali', 'persoonlijke gegevens', 'dane osobowe',
);
/** Protocols of a "client setup" table ("IMAP | 993", "SMTP | 465 | STARTTLS"). */
const PROTOCOL = /(?<![\p{L}\p{N}])(?:smtps?|imaps?|pop3s?|submissions?)(?![\p{L}])/u;
const ANY_NUMBER = /(?<!\d)(?:25|110|143|465|587|993|995|2525)(?!\d)/;
const OTHER_MAIL_PORT = /(?<![\d.,:])(?:110|143|993|995)(?![\d.,:])/g;
export const IMAP_POP_WORD = /(?<![\p{L}\p{N}])(?:imap4?s?|pop3?s?)(?![\p{L}])/gu;
/** POP before SMTP: a way to log in for sending, not a side that fetches mail. */
const POP_BEFORE_SMTP = /(?<![\p{L}\p{N}])(?:pop3?[- ]?(?:before|vor|avant)[- ]?smtp|smtp[- ]?(?:after|nach|après)[- ]?pop3?)(?![\p{L}])/gu;
/** "Mail" in Japanese and Chinese, which MAIL_WORD's word boundaries cannot find. */
const CJK_MAIL_WORD = /メール|邮件|郵件/;
const PROTOCOL_WORD = /(?<![\p{L}\p{N}])(?:imap4?s?|pop3?s?|smtps?)(?![\p{L}])/gu;

const SEARCH_LABEL = /^(?:search|quick ?search|suche|suchen|recherche|rechercher|buscar|búsqueda|cerca|ricerca|zoeken|pesquisar|procurar|szukaj|sök|hledat|поиск|検索)\b/i;

/** The subject line: what a message being written has and a sender identity (which may have a Bcc) has not. */
const SUBJECT_WORDS = ['subject', 'betreff', 'objet', 'asunto', 'assunto', 'oggetto', 'onderwerp', 'temat', 'ämne', 'předmět', 'тема', '件名'];
const SUBJECT_LABEL = words(...SUBJECT_WORDS);
/** Labels of a message being written: its recipients and its subject. */
const COMPOSE_LABEL = words(
  'to', 'cc', 'bcc', 'an', 'kopie', 'à', 'para', 'a', 'aan', 'do', 'till', 'komu', 'кому', 'копия', '宛先', ...SUBJECT_WORDS,
);
/** Labels of a sender identity. */
const IDENTITY_LABEL = words(
  'display name', 'your name', 'full name', 'real ?name', 'name', 'reply-?to', 'signature', 'organi[sz]ation', 'sender name',
  'from name', 'anzeigename', 'ihr name', 'echter name', 'antwort an', 'signatur', 'organisation',
  // A person's name as a phrase: the bare "nom", "nome", "nombre" and "nazwa" also head a user name, a number
  // ("nombre de jours") or a thing's name ("nazwa pliku").
  'nom (?:affiché|complet|réel)', 'votre nom', 'répondre à', 'nombre (?:para mostrar|visible|completo|real)', 'responder a',
  'respuesta a', 'firma', 'organización', 'nome (?:de exibição|completo|visualizzato|reale?)', 'assinatura', 'organização',
  'organizzazione', 'organisatie', 'organizacja', 'organizace', 'организация',
  'rispondi a', 'reply(?:-to)? address', 'adresse de réponse', 'antwortadresse', 'dirección de respuesta',
  'endereço de resposta', 'indirizzo di risposta', 'antwoordadres', 'weergavenaam', 'naam', 'antwoord(?:-| )aan',
  'handtekening', 'ondertekening', 'nazwa (?:wyświetlana|właściciela|rzeczywista)', 'imię i nazwisko', 'podpis',
  'odpowiedz do', 'namn', 'visningsnamn', 'jméno', 'имя', 'подпись', '名前', '表示名', '署名',
);
/** Mail-account words of a field's label. */
const MAIL_LABEL = words(
  'e-?mail(?: address)?', 'mail', 'server', 'host(?:name)?', 'ports?', 'ssl', 'tls', 'starttls', 'security', 'encryption',
  'imaps?', 'pop3?', 'smtps?', 'user ?name', 'login', 'password', 'mailbox', 'quota', 'alias(?:es)?', 'forward\\p{L}*',
  'authentication', 'account', 'identity', 'signature', 'domain', 'benutzername', 'passwort', 'postfach', 'konto', 'servidor',
  'puerto', 'usuario', 'contraseña', 'cuenta', 'buzón', 'serveur', 'identifiant', 'mot de passe', 'compte', 'boîte',
  'porta', 'utente', 'casella', 'senha', 'conta', 'gebruikersnaam', 'wachtwoord', 'poort', 'serwer', 'hasło', 'konto',
  'użytkownik', 'サーバー?', 'ポート', 'パスワード', 'アカウント', 'ユーザー名', 'メールアドレス',
);
/** Labels of other control-panel forms: DNS records, FTP, databases, web sites, files. */
const OTHER_LABEL = words(
  'record', 'ttl', 'priority', 'cname', 'txt', 'zone', 'ip address', 'ipv[46]', 'directory', 'path', 'database', 'db name',
  'document root', 'php version', 'proxy', 'cron', 'schedule', 'backup', 'file name', 'ftp', 'ssh key', 'web ?site',
  'url', 'redirect', 'subdomain', 'nameservers?', 'chmod', 'permissions',
);

export interface Reading {
  headline: string;
  textLength: number;
  /** Counts of each vocabulary in the budgeted text (at most COUNT_LIMIT). */
  outgoing: number;
  smtp: number;
  incoming: number;
  submissionPorts: number;
  port25: number;
  port25Blocked: boolean;
  changePort: boolean;
  portNearServer: number;
  auth: number;
  security: number;
  mailClient: number;
  steps: number;
  mailWords: number;
  /** Where the first outgoing-server, SMTP or submission-port word stands, as a share of the text (1 when none). */
  firstTopicAt: number;
  helpUrl: boolean;
  headlineAccount: boolean;
  headlineMailSetup: boolean;
  addressShown: boolean;
  /** Different e-mail addresses in the text (up to 10): a list of mailboxes or users shows many. */
  addresses: number;
  protocolRows: number;
  /** Share of the text's lines with at most 40 characters: labels and values rather than prose. */
  shortLines: number;
  linkShare: number;
  formServer: boolean;
  formOutgoingServer: boolean;
  formOutgoingPort: boolean;
  formPort: boolean;
  formSecurity: boolean;
  formUser: boolean;
  textFields: number;
  password: boolean;
  pairsOutgoingServer: boolean;
  pairsOutgoingPort: boolean;
  pairsIncoming: boolean;
  pairsUser: boolean;
  composeFields: number;
  /** Whether a field is labelled as a message's subject. */
  composeSubject: boolean;
  identityFields: number;
  otherFields: number;
  /** Share of labelled fields whose label is a mail-account word. */
  mailLabelShare: number;
  protocols: number;
  /** IMAP and POP named in the text (not SMTP). */
  imapPop: number;
  otherMailPorts: number;
  sendWords: number;
  cannotSend: boolean;
  /** The words the learned words read (learned-words.ts), and their probability that the page is an article. */
  words: string[];
  learnedWords: number;
  /** The page is about sending as another address through its SMTP server ("Send mail as"). */
  sendAs: boolean;
  /**
   * An application's own mail settings, not someone's account: a form (or a configuration summary's
   * rows) sets up a sending server with at most a person's name and address beside it (the application's
   * own sender fields, "From", "Administrator", "No-reply", do not count, and none does beside a no-reply
   * sender address), the headline names no mailbox, and either nothing names an incoming side (no field,
   * word, tab or column; POP before SMTP is a way to log in for sending) and a menu or radio group of the
   * form offers SMTP among the application's other ways of sending (PHP's mail function, sendmail, a
   * sending service's API, a chat: `offersAppTransport`), or the page speaks of a test
   * mail, a mailer, sendmail, a relay or mass mail, its form of the notifications and alerts it mails
   * (`saysAppMail`), or a field or a heading in the form names whom it mails them to (`namesRecipient`),
   * or its sender takes no replies; or the application fetches its own mailbox and says twice what for
   * (APP_FETCH: tickets, bounces, a monitored inbox).
   */
  appMail: boolean;
  /**
   * A headline line names another service's account and no mail ("Create FTP account", "Adding
   * database", "Edit DNS record"), or a contact where the page shows no mail settings ("Edit contact"):
   * the form asks for a user name, a password or a person's name and address too, but it is no
   * mailbox's settings (`namesOtherService`).
   */
  otherService: boolean;
  /** The page belongs to someone: a sign-out control, an account-area address, their own address shown. */
  inAccount: boolean;
  advice: number;
  /** Words addressing the reader per 1,000 characters of text. */
  youDensity: number;
}

/**
 * A name inside a host name or an address ("outlook.office365.com", "smtp-mail.outlook.com",
 * "me@outlook.com"): an application's settings page names a provider's server this way, which says
 * nothing about a mail program. Checked on each match's neighbours, so the whole text is never rewritten.
 */
const HOST_NEXT = /^\.[a-z0-9]/;
function notInHostName(text: string): (start: number, end: number) => boolean {
  return (start, end) => {
    const before = text[start - 1];
    return before !== '.' && before !== '@' && !HOST_NEXT.test(text.slice(end, end + 2));
  };
}

/**
 * A word that is no part of an address or host name: "noreply@…", "noreply-billing@…", "mailer-daemon@…"
 * and "alerts.example.net" are names.
 */
function notInAddress(text: string): (start: number, end: number) => boolean {
  const inHostName = notInHostName(text);
  return (start, end) => {
    if (!inHostName(start, end)) return false;
    let at = end;
    while (at < text.length && at - end < 64 && LOCAL_CHAR.test(text[at]!)) at += 1;
    return text[at] !== '@';
  };
}

/** The characters (and as many nodes) of the sending form read for the notifications it mails. */
const FORM_TEXT_LIMIT = 4000;
/** A select's choices are not the form's own words: a folder list names "Alerts". */
const CHOICES = new Set(['SELECT', 'OPTION', 'DATALIST']);
/** The page's menus and banners, which a form of its own never holds. */
const PAGE_PARTS = `${CHROME}, header, [role="banner"]`;

/**
 * The form or dialog (or, short of one, the fieldset) the sending field sits in, unless it holds the
 * page's menus too: a page wrapped in one ASP.NET <form> says nothing of the form's own.
 */
function sendingBox(field: Element | null): Element | null {
  const box = field?.closest('dialog, [role="dialog"], form') ?? field?.closest('fieldset') ?? null;
  if (box === null || box.querySelector(PAGE_PARTS) !== null) return null;
  return box;
}

/** The box's own visible words, as the page's text is read (no hidden parts), without its choices; normalised. */
function ownText(box: Element): string {
  return normalise(readBudgetedText(box.ownerDocument, box, FORM_TEXT_LIMIT, CHOICES).text);
}

/** A label or heading that is a recipient's, as its first words say ("Recipient", "Send alerts to"; not "Always Bcc recipient"). */
function namesRecipient(label: string): boolean {
  const line = label.trim();
  return line.length <= 40 && matchStarts(RECIPIENT_LABEL, line, 1)[0] === 0;
}

/** A heading or legend inside the sending form that names a recipient, over the fields of whom the application mails. */
function recipientHeading(box: Element | null): boolean {
  if (box === null) return false;
  return [...box.querySelectorAll('h1, h2, h3, h4, h5, h6, legend, [role="heading"]')].slice(0, 20).some((heading) => namesRecipient(normalise(heading.textContent ?? '')));
}

/** A choice that sends through an SMTP server ("SMTP", "SMTP/TLS", "Other SMTP server"). */
const SMTP_CHOICE = /(?<![\p{L}\p{N}])smtps?(?![\p{L}\p{N}])/u;
/**
 * The other ways an application may hand over its mail, as one menu or radio group of its sending form offers
 * them beside SMTP: its language's mail function ("PHP", "PHP mail()", "Mail"), the local sendmail or qmail, a
 * log for testing, a sending service's API; or, for a monitor's alerts, the chat channels it may post to instead
 * ("Email (SMTP)", "Telegram", "Slack"). Whole choices only: "Log in" or "Ses" (Turkish "sound") are none of them.
 * Desktop mail programs offer sendmail too (KMail, Evolution), but their account dialogs set up an incoming
 * side beside it, and this is read only where none is shown.
 */
const APP_TRANSPORT_CHOICE =
  /^(?:php(?: mail(?: ?\(\))?| mailer)?(?: \([^)]*\))?|mail ?\(\)|mail|sendmail(?: \([^)]*\))?|qmail|log(?: e-?mails?)?(?: \([^)]*\))?|mailgun(?: api)?|amazon ses(?: .*)?|sendgrid(?: api)?|postmark(?: api)?|sparkpost|mandrill|mailjet|telegram|discord|slack|microsoft teams|pushover|gotify|ntfy|webhooks?)$/u;
/** Choices read from one menu or radio group: enough for any transport list. */
const CHOICES_READ = 40;

/**
 * A menu or radio group of the sending form that offers SMTP among an application's other ways of sending
 * (`APP_TRANSPORT_CHOICE`): ownCloud's "Send mode: php / smtp", a CMS's "Mailer: PHP mail / Sendmail / SMTP",
 * Laravel's mail drivers. Only the form's own fields are read, never the page's other menus; a radio group is
 * the radios of one form that share a name (radios without one are no group).
 */
function offersAppTransport(fields: readonly LabelledField[], box: Element | null): boolean {
  if (box === null) return false;
  const groups: string[][] = [];
  const radios = new Map<Element, Map<string, string[]>>();
  for (const field of fields) {
    if (!box.contains(field.element)) continue;
    if (field.tag === 'select') {
      // An option's words as a field's value is read (fields.ts `clip`); a radio's label is read so already.
      groups.push(Array.from(field.element.querySelectorAll('option')).slice(0, CHOICES_READ).map((option) => clip(option.textContent)));
    } else if (field.type === 'radio') {
      const name = field.element.getAttribute('name') ?? '';
      if (name === '') continue;
      const owner = field.element.closest('form') ?? box;
      const byName = radios.get(owner) ?? new Map<string, string[]>();
      radios.set(owner, byName);
      const group = byName.get(name) ?? [];
      byName.set(name, group);
      if (group.length < CHOICES_READ) group.push(field.label);
    }
  }
  for (const byName of radios.values()) groups.push(...byName.values());
  return groups.some((choices) => choices.some((choice) => SMTP_CHOICE.test(choice)) && choices.some((choice) => !SMTP_CHOICE.test(choice) && APP_TRANSPORT_CHOICE.test(choice)));
}

/** How the page shows its sending side, for `saysAppMail`. */
interface SendingSide {
  /** Only as rows, no field: a host's rows for a person's mailbox may sit beside its sender policy. */
  rowsOnly: boolean;
  /** POP before SMTP is offered: a person's mail program may test its connection too. */
  popBeforeSmtp: boolean;
  /** A person's own sender identity stands beside the form: its test mail is theirs. */
  personalSender: boolean;
}

/**
 * Whether the page says what only an application's own mail settings say anywhere (APP_MAIL; a test
 * mail, APP_TEST_MAIL, unless a person's own sender identity stands beside the form; a connection test,
 * APP_CONNECTION_TEST, unless POP before SMTP is offered; a sender policy, APP_SENDER_POLICY, unless the
 * sending side is only rows), or its sending form's own words speak of the notifications and alerts it
 * mails (APP_NOTICE), not of a person's read receipts and delivery notices (PERSON_NOTICE).
 */
function saysAppMail(text: string, box: Element | null, side: SendingSide): boolean {
  const outsideAddresses = notInAddress(text);
  if (countMatchesWhere(APP_MAIL, text, outsideAddresses, 1) > 0) return true;
  if (!side.personalSender && (countMatchesWhere(APP_TEST_MAIL, text, outsideAddresses, 1) > 0 || has(CJK_TEST_MAIL, text))) return true;
  if (!side.popBeforeSmtp && (countMatchesWhere(APP_CONNECTION_TEST, text, outsideAddresses, 1) > 0 || has(CJK_CONNECTION_TEST, text))) return true;
  if (!side.rowsOnly && countMatchesWhere(APP_SENDER_POLICY, text, outsideAddresses, 1) > 0) return true;
  if (box === null) return false;
  const own = ownText(box);
  const personal: Array<[number, number]> = [];
  countMatchesWhere(PERSON_NOTICE, own, (start, end) => {
    personal.push([start, end]);
    return false;
  });
  const outside = (start: number, end: number) => !personal.some(([from, to]) => start >= from && end <= to);
  const keep = notInAddress(own);
  return countMatchesWhere(APP_NOTICE, own, (start, end) => keep(start, end) && outside(start, end), 1) > 0 || has(CJK_APP_NOTICE, own);
}

const ADDRESSES = new RegExp(EMAIL_ADDRESS.source, 'g');
/**
 * A headline line (the title or the heading) that names another service ("Create FTP account"), or a
 * contact where the page shows no mail settings ("Edit contact"; a settings dialog may be open over the
 * contacts view), and no mail or mailbox. A mailbox's own address ("contact@…", "kontakt@…") names no
 * contact.
 */
function namesOtherService(headlineLine: string, mailSettingsShown: boolean): boolean {
  const line = headlineLine.replace(ADDRESSES, ' ');
  const named =
    has(OTHER_SERVICE_HEADLINE, line) || (!mailSettingsShown && (has(CONTACTS_HEADLINE, line) || has(CJK_CONTACTS_HEADLINE, line)));
  return named && !has(MAIL_WORD, line) && !has(HEADLINE_MAILBOX, line) && !CJK_MAIL_WORD.test(line);
}

/** Different e-mail addresses in the first 20,000 characters, counting up to 10 (each read by `addressAround`). */
function distinctAddresses(text: string): number {
  const seen = new Set<string>();
  const end = Math.min(text.length, 20_000);
  for (let at = text.indexOf('@'); at !== -1 && at < end && seen.size < 10; at = text.indexOf('@', at + 1)) {
    const address = addressAround(text, at);
    if (address !== null) seen.add(address);
  }
  return seen.size;
}

const WIDE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu;
/** A line's length as it reads: a Japanese or Chinese character says as much as two Latin letters. */
function visualWidth(line: string): number {
  return line.length + (line.match(WIDE)?.length ?? 0);
}

function count(pattern: RegExp, text: string): number {
  return countMatches(pattern, text, COUNT_LIMIT);
}

// The word lists `readPage` counts over the page's text, one after another: found in one scan (vocabulary.ts).
scanTogether([
  OUTGOING_SERVER, INCOMING_SERVER, SMTP, CHANGE_VERB, AUTH_WORD, STARTTLS, SECURITY_WORD, MAIL_CLIENT, STEP_VERB, MAIL_WORD,
  SEND_WORD, ADVICE, YOU, APP_MAIL, APP_TEST_MAIL, APP_CONNECTION_TEST, APP_SENDER_POLICY,
]);

/** Positions of a global pattern's matches (at most COUNT_LIMIT). */
const positions = (pattern: RegExp, text: string): number[] => matchStarts(pattern, text, COUNT_LIMIT);

/** How many positions of `a` lie within `distance` characters of some position of `b`. */
function near(a: readonly number[], b: readonly number[], distance: number): number {
  let hits = 0;
  for (const x of a) if (b.some((y) => Math.abs(x - y) <= distance)) hits += 1;
  return hits;
}

export function readPage(facts: PageFacts): Reading {
  const { text } = facts;
  const headline = `${facts.title}\n${facts.mainHeading}`;
  const ports = namedPorts(text);
  const submissionAt = positions(SUBMISSION_NUMBER, text);
  const mailPortsAlone = count(MAIL_PORT, text);
  const outgoingAt = [...positions(OUTGOING_SERVER, text), ...positions(CJK_OUTGOING, text), ...positions(SMTP, text)];
  const changeAt = [...positions(CHANGE_VERB, text), ...positions(CJK_CHANGE, text)];
  const firstTopicWord = Math.min(...outgoingAt, text.length);
  const firstTopic = Math.min(firstTopicWord, ...submissionAt);
  // A bare number is weaker evidence of where the subject starts than a word: "Paragraph 465" is no port.
  const words = learnedTokens(text, wordWindow(text.length, firstTopicWord < text.length ? firstTopicWord : firstTopic), addressTokens(facts.url));

  let formServer = false;
  let formOutgoingServer = false;
  let formOutgoingPort = false;
  let formPort = false;
  let formSecurity = false;
  let formUser = false;
  let textFields = 0;
  let password = false;
  let composeFields = 0;
  let composeSubject = false;
  let identityFields = 0;
  let otherFields = 0;
  let mailLabels = 0;
  let labelled = 0;
  /** A server or port field of the fetching side, and the first field of the sending side (for `appMail`). */
  let formIncoming = false;
  /** Identity fields that are an application's sender ("From name", "Administrator email"), not a person's. */
  let appSenderFields = 0;
  /** A sender field that holds a no-reply address (Keycloak's "From": no-reply@…), and one labelled no-reply too. */
  let noReplySender = false;
  let noReplyLabel = false;
  /** Fields labelled as a sender ("From", "Sender", "Administrator"), whatever they hold. */
  let senderLabelled = 0;
  /** Fields only a sender identity has (reply-to, Bcc, signature): no contact's card has them. */
  let senderOnlyFields = 0;
  /** A reply-to field, a signature box and an administrator's sender field (see `personalSender`). */
  let replyToField = false;
  let signatureField = false;
  let adminSender = false;
  let heloField = false;
  /** A field for whom the application mails its alerts (`namesRecipient`). */
  let recipientField = false;
  let sendingField: Element | null = null;
  let firstServerField: Element | null = null;
  // A kit's menu or a chosen script-built radio, read for the settings alone, is no form field to the smells
  // (fields.ts `frameworkMenu`, `chosenRadio`).
  const formFields = facts.fields.filter((field) => field.settingsOnly !== true);
  for (const field of formFields) {
    const label = field.label.trim();
    // A search box is on every page of a web mail and says nothing about settings.
    if (SEARCH_LABEL.test(label)) continue;
    // A check box or radio button chooses something ("search in: Name, E-mail"); it never holds a sender's name.
    const choice = field.type === 'radio' || field.type === 'checkbox';
    if (label !== '') {
      labelled += 1;
      if (has(MAIL_LABEL, label)) mailLabels += 1;
      const identity = !choice && has(IDENTITY_LABEL, label);
      // A message's own fields have short labels ("To:", "Cc", "Subject").
      const short = label.length <= 12 ? label.replace(/:$/, '') : null;
      // "Reply-To" and "Antwoord-aan" hold a "to"; they are a sender's, not a recipient's.
      if (short !== null && !identity && has(COMPOSE_LABEL, short)) composeFields += 1;
      if (short !== null && !choice && has(SUBJECT_LABEL, short)) composeSubject = true;
      if (identity) identityFields += 1;
      const sender = !choice && has(APP_SENDER_LABEL, label);
      if (sender) senderLabelled += 1;
      if (sender && identity) appSenderFields += 1;
      if (sender && NO_REPLY_ADDRESS.test(field.value)) {
        noReplySender = true;
        if (/no-?reply/.test(label)) noReplyLabel = true;
      }
      if (!choice && has(SENDER_ONLY_LABEL, label)) senderOnlyFields += 1;
      if (!choice && has(REPLY_TO_LABEL, label)) replyToField = true;
      if (field.tag === 'textarea' && has(SIGNATURE_LABEL, label) && !has(KEY_SIGNATURE_LABEL, label)) signatureField = true;
      if (identity && has(ADMIN_LABEL, label)) adminSender = true;
      // The name it greets the server with (listmonk's "HELO hostname", in every language it speaks): no person's account sets it.
      // Read in labels only: "Helo" in running text greets the reader in Malay and Welsh.
      if (!choice && HELO_NAME.test(label)) heloField = true;
      if (!choice && namesRecipient(label)) recipientField = true;
      if (has(OTHER_LABEL, label)) otherFields += 1;
    }
    if (field.type === 'password') password = true;
    if (field.type === 'text' || field.type === 'email' || field.type === 'number' || field.tag === 'select') textFields += 1;
    const meaning = meaningOf(field.label, field.context);
    if ((meaning.role === 'server' && !choice) || meaning.role === 'port') {
      if (meaning.direction === 'incoming') formIncoming = true;
      if (meaning.direction === 'outgoing') sendingField ??= field.element;
      firstServerField ??= field.element;
    }
    if (meaning.role === 'server' && !choice) {
      formServer = true;
      if (meaning.direction === 'outgoing') formOutgoingServer = true;
    } else if (meaning.role === 'port') {
      formPort = true;
      if (meaning.direction === 'outgoing') formOutgoingPort = true;
    } else if (meaning.role === 'security') {
      formSecurity = true;
    } else if (meaning.role === 'user') {
      formUser = true;
    }
  }

  // A message being written may carry a Reply-To or its sender's name; that makes it no sender identity.
  if (composeSubject && composeFields >= 2) identityFields = 0;

  let pairsOutgoingServer = false;
  let pairsOutgoingPort = false;
  let pairsIncoming = false;
  let pairsUser = false;
  let protocolRows = 0;
  for (const pair of facts.pairs) {
    const meaning = meaningOf(pair.key, pair.context);
    if (meaning.role === 'server' && meaning.direction === 'outgoing') pairsOutgoingServer = true;
    else if (meaning.role === 'port' && meaning.direction === 'outgoing') pairsOutgoingPort = true;
    else if (meaning.role === 'server' && meaning.direction === 'incoming') pairsIncoming = true;
    else if (meaning.role === 'user') pairsUser = true;
    const row = `${pair.key} ${pair.value}`;
    if (PROTOCOL.test(row) && ANY_NUMBER.test(row)) protocolRows += 1;
  }
  // The symptoms a page answers may stand in its headline only ("Can't send mail?"): read both, joined once.
  const headlineAndText = `${headline}\n${text}`;
  const textLines = text.split('\n', 2000);
  // Labelled lines outside tables ("SMTP: mail.example.net:465", "IMAP port 993") count as rows too.
  if (protocolRows === 0) {
    protocolRows = textLines.slice(0, 400).filter((line) => line.length <= 80 && PROTOCOL.test(line) && ANY_NUMBER.test(line)).length;
  }

  const lines = textLines.filter((line) => line.trim() !== '');
  const shortLines = lines.length === 0 ? 0 : lines.filter((line) => visualWidth(line) <= 40).length / lines.length;
  const addressInValues = formFields.some((field) => EMAIL_ADDRESS.test(field.value));
  const imapPop = count(IMAP_POP_WORD, text);
  const protocols = count(PROTOCOL_WORD, text);
  const incoming = count(INCOMING_SERVER, text) + count(CJK_INCOMING, text);
  const smtp = count(SMTP, text);
  // A no-reply sender is the application's where no person's identity field stands beside it, beside a second sender
  // field of its own (Keycloak's "From display name", GLPI's administrator) or under a label that says no-reply; a
  // person's "Send mail as" or identity with a no-reply From has reply-to and name fields and one "From".
  const appNoReply =
    noReplySender && !has(SEND_AS, headlineAndText) && (identityFields === appSenderFields || senderLabelled >= 2 || noReplyLabel);
  // A sending form of the application's own; beside it at most a person's name and address, and its own sender fields
  // (all of them its own beside its no-reply sender: GLPI's reply-to and signature). A headline that names the mailbox
  // ("Outbound mail for ops@…") makes the form that mailbox's account.
  const sendingForm =
    (formOutgoingServer || formOutgoingPort || pairsOutgoingServer || (formServer && (smtp > 0 || appNoReply))) &&
    (identityFields - appSenderFields <= 2 || appNoReply) &&
    !EMAIL_ADDRESS.test(headline);
  // A reply-to and a signature box, with no no-reply sender and no administrator's, are a person's own identity: their
  // test mail is no sign of an application (a CRM user's own e-mail configuration: Zurmo's, on the train split; of the
  // corpus and fixture pages with both, all are accounts but GLPI's notification sender, a no-reply one). The
  // application's other signs (a mailer, a notice in the form, a HELO name, a mailbox it fetches) still tell.
  const personalSender = replyToField && signatureField && !noReplySender && !adminSender;
  const popBeforeSmtp = sendingForm ? count(POP_BEFORE_SMTP, text) : 0;
  // Whom the application mails its alerts to: a field, or a heading over the sending form's fields ("Recipient" over
  // "Primary email"). Not where a message is being written (its subject field), nor beside a person's own identity.
  const sending = sendingForm ? sendingBox(sendingField ?? firstServerField) : null;
  const mailsRecipient = sendingForm && !composeSubject && !personalSender && (recipientField || recipientHeading(sending));
  const rowsOnly = !(formOutgoingServer || formOutgoingPort || formServer);
  // With no incoming side, the words of an application's mail settings tell; with one, the application fetches its own
  // mailbox (a helpdesk's tickets, a mailing tool's bounces) and says what for, twice. Read only beside such a form.
  const appMail =
    sendingForm &&
    (!formIncoming && imapPop - popBeforeSmtp <= 0 && incoming === 0 && !pairsIncoming && !has(INCOMING_SIDE, text) && !has(CJK_INCOMING_SIDE, text)
      ? appNoReply || heloField || mailsRecipient || offersAppTransport(formFields, sending) ||
        saysAppMail(headlineAndText, sending, { rowsOnly, popBeforeSmtp: popBeforeSmtp > 0, personalSender })
      : countMatches(APP_FETCH, headlineAndText, 2) >= 2);
  // Mail settings on the page, which a contact's card never shows: server, port or security fields, a mail
  // account's rows, a sender identity's own fields, or the protocols named thrice.
  const mailSettingsShown =
    formServer || formPort || formSecurity || pairsIncoming || pairsOutgoingServer || pairsOutgoingPort || protocolRows > 0 ||
    senderOnlyFields > 0 || protocols >= 3;

  return {
    headline,
    textLength: text.length,
    outgoing: count(OUTGOING_SERVER, text) + count(CJK_OUTGOING, text),
    smtp,
    incoming,
    submissionPorts: Math.min(COUNT_LIMIT, ports.filter((port) => port === 587 || port === 465 || port === 2525).length + (mailPortsAlone > 0 ? 1 : 0)),
    port25: ports.filter((port) => port === 25).length,
    port25Blocked: saysPort25Blocked(text, ports),
    changePort: near(submissionAt, changeAt, 80) > 0,
    portNearServer: near(submissionAt, outgoingAt, 120),
    auth: count(AUTH_WORD, text),
    security: count(STARTTLS, text) + count(SECURITY_WORD, text),
    mailClient: countMatchesWhere(MAIL_CLIENT, text, notInHostName(text), COUNT_LIMIT) + count(CJK_MAIL_CLIENT, text),
    steps: count(STEP_VERB, text) + count(CJK_STEP, text),
    mailWords: count(MAIL_WORD, text),
    firstTopicAt: text.length === 0 ? 1 : firstTopic / text.length,
    helpUrl: isHelpUrl(facts.url),
    headlineAccount: has(ACCOUNT_HEADLINE, headline),
    headlineMailSetup: (has(MAIL_WORD, headline) || CJK_MAIL_WORD.test(headline)) && (has(SETUP_WORD, headline) || has(CJK_SETTINGS, headline)),
    addressShown: addressInValues || EMAIL_ADDRESS.test(headline),
    addresses: distinctAddresses(text),
    protocolRows,
    shortLines,
    linkShare: text.length === 0 ? 0 : facts.textStats.linkChars / text.length,
    formServer,
    formOutgoingServer,
    formOutgoingPort,
    formPort,
    formSecurity,
    formUser,
    textFields,
    password,
    pairsOutgoingServer,
    pairsOutgoingPort,
    pairsIncoming,
    pairsUser,
    composeFields,
    composeSubject,
    identityFields,
    otherFields,
    mailLabelShare: labelled === 0 ? 0 : mailLabels / labelled,
    protocols,
    imapPop,
    otherMailPorts: count(OTHER_MAIL_PORT, text),
    sendWords: count(SEND_WORD, text),
    advice: count(ADVICE, text) + count(CJK_ADVICE, text),
    inAccount: facts.signOut || isAccountUrl(facts.url) || addressInValues || EMAIL_ADDRESS.test(headline) || EMAIL_ADDRESS.test(text.slice(0, 2000)),
    youDensity: text.length === 0 ? 0 : ((countMatches(YOU, text, 200) + countMatches(CJK_YOU, text, 200)) * 1000) / Math.max(text.length, 500),
    cannotSend: has(CANNOT_SEND, headlineAndText) || has(CJK_CANNOT_SEND, headlineAndText) || has(OUTBOX, headlineAndText),
    sendAs: has(SEND_AS, headlineAndText) || has(CJK_SEND_AS, headlineAndText),
    appMail,
    otherService: headline.split('\n').some((line) => namesOtherService(line, mailSettingsShown)),
    words,
    learnedWords: wordScore(WORD_MODEL, words),
  };
}
