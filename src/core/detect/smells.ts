/**
 * The classifier's rules, shaped like Mozilla Fathom's: each smell is a readable question about the
 * page answered with a number from 0 (not at all) to 1 (fully). How much each answer counts for an
 * article or an account page is not written here: weights.json holds the weights and biases that
 * `npm run train:detect` learns from the labelled corpus of real pages (test/corpus/real/).
 *
 * Adding a smell: a line here, then retrain. Renaming one invalidates its weight (the model test says so).
 */
import type { Extraction } from './extract';
import { NEAR_MISSES } from './near-miss';
import { IMAP_POP_WORD, type Reading } from './reading';
import { validPort } from './values';
import { isAccountUrl, isManualUrl, pathOf, topicOf } from './topic';
import type { LabelledField, PageFacts } from './types';
import { CJK_OUTGOING, countMatches, countMatchesWhere, has, PORT_25_BLOCKED, PORT_WORD } from './vocabulary';

export interface Smell {
  /** Stable id, also the key of its weights and the signal it gives ("text:outgoing-server"). */
  id: string;
  /** The question, for people reading weights.json and the classify CLI's signals. */
  about: string;
  measure(reading: Reading, facts: PageFacts, extraction: Extraction): number;
  /**
   * What we believe before seeing data, for smells that are rare in any corpus but decide a page when
   * they fire (a compose form is never an account's settings): training starts from these weights and
   * its penalty pulls back to them rather than to 0. Learned weights are in weights.json.
   */
  prior?: { article?: number; account?: number };
  /**
   * The kinds this smell may speak for, when not both. A form's shape says something about account
   * pages only; letting training give it an article weight would learn the corpus, not the web.
   */
  only?: 'article' | 'account';
  /**
   * Which way the smell may push each kind, fixed by reading it rather than learned: a page naming the
   * outgoing server is never less of an article for it, and a printer's words never make one more.
   * Training learns how much a smell counts, within its sign (0 where the data disagrees). Without a
   * sign, the weight may go either way. Near-miss smells push both kinds down.
   */
  sign?: { article?: 1 | -1; account?: 1 | -1 };
}

/** `count` as a share of `enough`: 0 for none, 1 from `enough` on. */
const upTo = (count: number, enough: number): number => Math.min(count, enough) / enough;
const yes = (value: boolean): number => (value ? 1 : 0);

/** Headlines and URLs about the outgoing server, in every language the vocabulary reads. */
const onTopic = (text: string): boolean => topicOf(text) !== null || has(CJK_OUTGOING, text);
const URL_TOPIC = /smtp|outgoing|outbound|submission|op25b|port-?25|(?:^|[^\d])(?:587|465|2525)(?:[^\d]|$)|postausgang|sortant|saliente|salida|uscita|uitgaand|wychodz/;

const TOPIC_SMELLS: Smell[] = [
  { id: 'title:topic', about: 'The title or main heading names the outgoing server, SMTP or a mail port', measure: (r) => yes(onTopic(r.headline)), sign: { article: 1 } },
  { id: 'title:port-25-blocked', about: 'The title or main heading says port 25 is blocked', measure: (r) => yes(has(PORT_25_BLOCKED, r.headline)), sign: { article: 1 } },
  { id: 'heading:topic', about: 'A further heading names the outgoing server, SMTP or a mail port', measure: (_r, f) => yes(f.headings.some(onTopic)), sign: { article: 1 } },
  { id: 'meta:topic', about: 'The meta description names the outgoing server, SMTP or a mail port', measure: (_r, f) => yes(onTopic(f.description)), sign: { article: 1 } },
  { id: 'url:topic', about: 'The address names SMTP, the outgoing server or a mail port', measure: (_r, f) => yes(URL_TOPIC.test(f.urlText)), sign: { article: 1 } },
  { id: 'title:mail-setup', about: 'The title pairs a mail word with a set-up word ("Configure your email")', measure: (r) => yes(r.headlineMailSetup), sign: { article: 1 } },
];

const PROSE_SMELLS: Smell[] = [
  { id: 'text:outgoing-server', about: 'The text names the outgoing server (up to 4 times)', measure: (r) => upTo(r.outgoing, 4), sign: { article: 1 } },
  { id: 'text:smtp', about: 'The text says SMTP (up to 4 times)', measure: (r) => upTo(r.smtp, 4), sign: { article: 1 } },
  { id: 'text:submission-port', about: 'The text names port 587, 465 or 2525 (up to 3 times)', measure: (r) => upTo(r.submissionPorts, 3), sign: { article: 1 } },
  { id: 'text:port-25', about: 'The text names port 25', measure: (r) => yes(r.port25 > 0) },
  { id: 'text:port-25-blocked', about: 'The text says port 25 is blocked or filtered', measure: (r) => yes(r.port25Blocked), sign: { article: 1 } },
  { id: 'text:change-port', about: 'A submission port stands next to a verb of changing or using it', measure: (r) => yes(r.changePort), sign: { article: 1 } },
  { id: 'text:port-near-server', about: 'A submission port stands near the outgoing server or SMTP (up to twice)', measure: (r) => upTo(r.portNearServer, 2), sign: { article: 1 } },
  { id: 'text:auth', about: 'The text speaks of SMTP authentication', measure: (r) => upTo(r.auth, 2), sign: { article: 1 } },
  { id: 'text:security', about: 'The text names SSL, TLS or STARTTLS (up to 3 times)', measure: (r) => upTo(r.security, 3) },
  { id: 'text:incoming-server', about: 'The text names the incoming (IMAP or POP) server', measure: (r) => upTo(r.incoming, 3) },
  {
    id: 'text:incoming-only',
    about: 'The text names the incoming server but never the outgoing one or SMTP',
    measure: (r) => yes(r.incoming > 0 && r.outgoing === 0 && r.smtp === 0),
    prior: { article: -2 },
    sign: { article: -1 },
  },
  {
    id: 'text:mostly-incoming',
    about: 'Share of the server words that are about fetching mail (IMAP, POP, incoming server) rather than sending it',
    measure: (r) => {
      const incoming = r.imapPop + r.incoming;
      const total = incoming + r.smtp + r.outgoing + r.submissionPorts;
      return total === 0 ? 0 : incoming / total;
    },
    sign: { article: -1 },
  },
  {
    // A mail program fetches and sends, so its set-up pages name both sides; an application that only
    // sends notifications, a news story on port 25 and a router page name the sending side alone.
    id: 'text:both-ways',
    about: 'The text names the sending side (outgoing server, a submission port, SMTP twice) and the fetching side (incoming server, IMAP, POP), the fetching words at most three times the sending ones',
    measure: (r) => {
      const fetching = r.incoming + r.imapPop;
      const sending = r.outgoing + r.smtp + r.submissionPorts;
      return yes((r.outgoing > 0 || r.submissionPorts > 0 || r.smtp >= 2) && fetching > 0 && fetching <= 3 * sending);
    },
    sign: { article: 1 },
  },
  { id: 'text:mail-client', about: 'The text names mail programs (up to 3 times)', measure: (r) => upTo(r.mailClient, 3), sign: { article: 1 } },
  { id: 'text:steps', about: 'The text gives steps: click, select, enter… (up to 5)', measure: (r) => upTo(r.steps, 5) },
  { id: 'text:mail-words', about: 'The text speaks of e-mail (up to 6 times)', measure: (r) => upTo(r.mailWords, 6), sign: { article: 1 } },
  { id: 'text:topic-early', about: 'The first word on the subject comes in the first fifth of the text', measure: (r) => yes(r.firstTopicAt < 0.2), sign: { article: 1 } },
  {
    id: 'text:settings-stated',
    about: 'An outgoing server and a port can be read off the page',
    measure: (_r, _f, e) => (e.settings.outgoingServer !== null ? 0.5 : 0) + (e.settings.port !== null ? 0.5 : 0),
    sign: { article: 1 },
  },
  { id: 'text:advice', about: 'The text advises the reader: you need to, please, we recommend… (up to 3)', measure: (r) => upTo(r.advice, 3), sign: { article: 1 } },
  { id: 'text:you', about: 'The text speaks to the reader (you, your…), up to 10 times per 1,000 characters', measure: (r) => Math.min(r.youDensity, 10) / 10 },
  { id: 'text:sending', about: 'The text speaks of sending mail (up to 3 times)', measure: (r) => upTo(r.sendWords, 3), sign: { article: 1 } },
  { id: 'text:send-as', about: 'The page speaks of sending as another address ("Send mail as")', measure: (r) => yes(r.sendAs), sign: { article: 1 } },
  { id: 'text:cannot-send', about: 'The page speaks of mail that cannot be sent, or of the outbox where it waits', measure: (r) => yes(r.cannotSend), sign: { article: 1 } },
  { id: 'text:short', about: 'The page has under 600 characters of text', measure: (r) => yes(r.textLength < 600) },
  { id: 'text:link-share', about: 'Share of the text inside links (menus, link lists)', measure: (r) => r.linkShare },
  { id: 'url:help', about: 'The address is a help centre, knowledge base or FAQ', measure: (r) => yes(r.helpUrl), sign: { article: 1 } },
  { id: 'url:manual', about: 'The address is a product manual or documentation set', measure: (_r, f) => yes(isManualUrl(f.url)) },
  {
    id: 'text:learned-words',
    about: "The words of the page, weighed by what the train split's articles and other pages taught (words.json): the probability they give an article",
    measure: (r) => r.learnedWords,
    only: 'article',
    sign: { article: 1 },
  },
  { id: 'page:news-meta', about: 'The page declares itself a news article (Open Graph)', measure: (_r, f) => yes(f.newsMeta), sign: { article: -1 } },
];

const ACCOUNT_SMELLS: Smell[] = [
  { id: 'form:outgoing-server', about: 'A form field is labelled as the outgoing server', measure: (r) => yes(r.formOutgoingServer), prior: { account: 2 }, sign: { account: 1 } },
  { id: 'form:outgoing-port', about: 'A form field is the outgoing port', measure: (r) => yes(r.formOutgoingPort), sign: { account: 1 } },
  { id: 'form:server', about: 'A form field is labelled as a server or host', measure: (r) => yes(r.formServer), sign: { account: 1 } },
  { id: 'form:port', about: 'A form field is labelled as a port', measure: (r) => yes(r.formPort), sign: { account: 1 } },
  { id: 'form:security', about: 'A form field chooses the connection security', measure: (r) => yes(r.formSecurity), sign: { account: 1 } },
  { id: 'form:user', about: 'A form field is the user name or login', measure: (r) => yes(r.formUser), only: 'account', sign: { account: 1 } },
  { id: 'form:fields', about: 'Text fields and choices on the page (up to 8)', measure: (r) => upTo(r.textFields, 8), only: 'account' },
  {
    id: 'form:no-settings',
    about: 'No text field, choice, server row or protocol port: a list or a message, not settings',
    measure: (r) => yes(r.textFields === 0 && r.protocolRows === 0 && !r.pairsOutgoingServer && !r.pairsIncoming),
    prior: { account: -2 },
    only: 'account',
    sign: { account: -1 },
  },
  { id: 'form:password', about: 'The page has a password field', measure: (r) => yes(r.password), only: 'account' },
  { id: 'pairs:outgoing-server', about: 'A table or list row gives the outgoing server', measure: (r) => yes(r.pairsOutgoingServer), prior: { account: 1 }, sign: { account: 1 } },
  { id: 'pairs:outgoing-port', about: 'A table or list row gives the outgoing port', measure: (r) => yes(r.pairsOutgoingPort), sign: { account: 1 } },
  { id: 'pairs:incoming-server', about: 'A table or list row gives the incoming server', measure: (r) => yes(r.pairsIncoming) },
  { id: 'pairs:user', about: 'A table or list row gives the user name', measure: (r) => yes(r.pairsUser), sign: { account: 1 } },
  { id: 'pairs:protocol-ports', about: 'Rows or lines pair a mail protocol with its port (up to 3)', measure: (r) => upTo(r.protocolRows, 3) },
  { id: 'account:sign-out', about: 'The page has a sign-out link or button', measure: (_r, f) => yes(f.signOut), sign: { account: 1 } },
  { id: 'url:account', about: 'The address is a settings route, control panel or "my account" area', measure: (_r, f) => yes(isAccountUrl(f.url)), sign: { account: 1 } },
  {
    // One person's identities list their few addresses too, but beside the form that edits one of them.
    id: 'account:address-list',
    about: 'The text shows three or more different e-mail addresses and no form edits a sender or a server: a list of mailboxes or users',
    measure: (r) => yes(r.addresses >= 3 && r.identityFields === 0 && !r.formServer && !r.formPort),
    sign: { account: -1 },
  },
  {
    // Rare and decisive, like a compose form: it fires on lists of mailboxes and on no account screen of the train and
    // validation splits. With the prior of -1, weights learned at neutral addresses too left it at -2.7 and an admin's
    // mailbox list at 0.62, above a panel's mailbox form served from 127.0.0.1 (0.55); from -5 both came right.
    id: 'account:address-rows',
    about: "Three or more of one table's own rows each hold their own e-mail address: a list of many people's mailboxes, not one account",
    measure: (_r, f) => yes(f.addressRows >= 3),
    prior: { account: -5 },
    only: 'account',
    sign: { account: -1 },
  },
  { id: 'account:address-shown', about: 'An e-mail address is in a field or in the headline', measure: (r) => yes(r.addressShown), sign: { account: 1 } },
  { id: 'title:account', about: 'The headline speaks of accounts, settings, identities or mailboxes', measure: (r) => yes(r.headlineAccount) },
  { id: 'form:compose', about: 'Form fields are a message being written (To, Cc, Subject)', measure: (r) => yes(r.composeFields >= 2 && r.composeSubject), prior: { account: -3 }, only: 'account', sign: { account: -1 } },
  { id: 'form:identity', about: 'Form fields describe a sender: name, address, reply-to, signature', measure: (r) => upTo(r.identityFields, 2), only: 'account', sign: { account: 1 } },
  { id: 'form:mail-labels', about: 'Share of the form fields whose labels are mail-account words (server, port, login, mailbox…)', measure: (r) => r.mailLabelShare, only: 'account' },
  { id: 'form:other-labels', about: 'Form fields are DNS records, files, databases or web sites', measure: (r) => upTo(r.otherFields, 2), prior: { account: -2 }, only: 'account', sign: { account: -1 } },
  { id: 'text:protocols', about: 'The text names IMAP, POP3 and SMTP (up to 4 times)', measure: (r) => upTo(r.protocols, 4) },
  { id: 'text:mail-ports', about: 'The text names mail ports 110, 143, 993 or 995 too', measure: (r) => yes(r.otherMailPorts > 0) },
  { id: 'text:terse', about: 'Share of the text lines that are short (labels and values rather than sentences)', measure: (r) => r.shortLines },
];

/** Rules that combine others, where one alone says little: settings on a help site, a form in someone's account. */
const showsServer = (r: Reading): boolean => r.formOutgoingServer || r.formServer || r.pairsOutgoingServer || r.protocolRows > 0;
const COMBINED_SMELLS: Smell[] = [
  {
    id: 'help:settings',
    about: 'A help address (or step-by-step text) that states an outgoing server or port',
    measure: (r, _f, e) => yes((r.helpUrl || r.steps >= 3) && (e.settings.outgoingServer !== null || e.settings.port !== null || r.portNearServer > 0)),
    sign: { article: 1 },
  },
  { id: 'account:server-shown', about: 'In someone\'s account area, the page shows a server, port or protocol', measure: (r) => yes(r.inAccount && showsServer(r)), sign: { account: 1 } },
  { id: 'account:context', about: 'The page belongs to someone\'s account: sign-out, account address or their own e-mail address', measure: (r) => yes(r.inAccount), sign: { account: 1 } },
  {
    id: 'account:protocols',
    about: 'In someone\'s account area, the text names the mail protocols (IMAP, POP3, SMTP) several times',
    measure: (r) => (r.inAccount ? upTo(r.protocols, 6) : 0),
    prior: { account: 1.5 },
    only: 'account',
    sign: { account: 1 },
  },
];

const NEAR_MISS_SMELLS: Smell[] = NEAR_MISSES.map((category) => ({
  id: `near-miss:${category.id}`,
  prior: { article: -category.penalty * 4, account: -category.penalty * 2 },
  sign: { article: -1, account: -1 },
  about: `The page reads like ${category.id.replace(/-/g, ' ')} (up to ${category.atLeast * 2} of its words)`,
  measure: (r: Reading, facts: PageFacts) => {
    const text = `${facts.title}\n${facts.mainHeading}\n${facts.text}`;
    const enough = category.atLeast * 2;
    const unspaced = category.unspaced ? countMatches(category.unspaced, text, enough) : 0;
    // "Send mail as" pages name the sender's address throughout: there it is the subject, not an application's.
    const exempt = r.sendAs ? (category.notWhenSendingAs ?? null) : null;
    const seen = new Set<string>();
    const found =
      category.distinct || exempt !== null
        ? countMatchesWhere(
            category.pattern,
            text,
            (start, end) => {
              const word = text.slice(start, end);
              if (exempt !== null && has(exempt, word)) return false;
              return !category.distinct || (!seen.has(word) && Boolean(seen.add(word)));
            },
            enough,
          )
        : countMatches(category.pattern, text, enough);
    return upTo(found + unspaced, enough);
  },
}));

/** Every smell, in a fixed order: weights.json is keyed by id, so the order only matters for reading. */
export const SMELLS: readonly Smell[] = [...TOPIC_SMELLS, ...PROSE_SMELLS, ...ACCOUNT_SMELLS, ...COMBINED_SMELLS, ...NEAR_MISS_SMELLS];

/** The address's path or query says SMTP or OP25B (its host name does not count). */
const pathSaysSmtp = (url: string): boolean => /smtp|op25b/i.test(pathOf(url));

/**
 * A page about mail programs that may yet come to sending: the text names mail programs twice or more
 * (the list counts phones and their systems too, so what passes is still judged by the weights) and
 * either never names IMAP or POP (a translated Thunderbird guide cut short as its manual set-up begins,
 * Office help on changing an account's settings, a program's troubleshooting page), or names them and
 * gives steps or has a set-up headline: a mail program's account set-up told from its fetching side
 * first. Such a guide goes on to the outgoing server, but its opening (all a short excerpt, a page cut
 * short or a first part holds) may not say so yet. A "POP or IMAP?" explainer seldom names a program
 * twice and gives steps; what passes here is still judged by the weights (text:incoming-only,
 * text:mostly-incoming).
 * Not so a page whose own headline is about IMAP or POP, that lays the incoming server's settings out as
 * labelled rows (`pairsIncoming`) and has no word of sending at all (the gate asks this only of pages that
 * name no outgoing server, SMTP or mail port): a provider's "Receiving mail by IMAP" page with its table of
 * server, port and encryption sets up fetching alone. A first part of a set-up guide ("Thunderbird, part 1")
 * or a guide whose sending step the word lists miss still passes: its headline names no fetching protocol.
 * The content script's pre-check lets such a page through by two mail programs' names (quick-check.ts
 * `MAIL_PROGRAM`).
 */
const clientSetup = (r: Reading): boolean =>
  r.mailClient >= 2 &&
  (r.imapPop === 0 ||
    ((r.headlineMailSetup || r.steps >= 2) && !(r.pairsIncoming && r.sendWords === 0 && has(IMAP_POP_WORD, r.headline))));

/** A field's value that only mail uses: a mail port, or a host named for sending or fetching mail. */
const MAIL_VALUE = /^\s*(?:(?:25|26|465|587|2525|2526|3535|8025|110|143|993|995)|(?:smtps?|imaps?|pop3?s?|mail)\d*\.[a-z0-9.-]+)\s*$/i;
/** A port field holding a port no mail service listens on (8443, 5060, 3128…): another service's connection. */
const OTHER_PORT = (field: LabelledField): boolean =>
  has(PORT_WORD, field.label) && /^\s*\d{1,5}\s*$/.test(field.value) && !MAIL_VALUE.test(field.value) && validPort(Number(field.value)) !== null;
/**
 * A form whose port field holds a port no mail service uses (`OTHER_PORT`), on a page that names no mail at all:
 * no mail word, protocol, outgoing or incoming server in its text, no field or row read as the outgoing server or
 * port (a placeholder's "Server SMTP in uscita" counts) or as the incoming side, no e-mail address in its fields
 * or headline, and no field holding a mail port or a mail host (`MAIL_VALUE`), which a form in a language whose
 * mail words the lists lack would still show. It connects something else (a webhook's address on 8443 with TLS, a
 * website's ports), however like a mail account its fields look. A form with its port left empty, or a person's
 * identity form (a name, a reply-to, a signature), is not concerned.
 */
const connectsElsewhere = (r: Reading, facts: PageFacts): boolean =>
  facts.fields.some(OTHER_PORT) &&
  !facts.fields.some((field) => MAIL_VALUE.test(field.value)) &&
  !r.addressShown &&
  !r.formOutgoingServer &&
  !r.formOutgoingPort &&
  !r.pairsOutgoingServer &&
  !r.pairsOutgoingPort &&
  !r.pairsIncoming &&
  r.mailWords + r.protocols + r.smtp + r.outgoing + r.incoming + r.imapPop === 0;

/**
 * What a page must show before the weights may call it a kind at all, whatever else it says. An
 * article about sending mail names the outgoing server, SMTP or a mail port, speaks of mail that
 * cannot be sent or waits in the outbox, or names mail programs twice (`clientSetup`),
 * or else its headline names the subject or its path says SMTP ("…?title=POP,_IMAP,_SMTP_Clients"), as a
 * reader takes the subject from the title: so a page cut short before its text reaches the outgoing
 * server still gets weighed (the content script's pre-check reads the address and title too; the host
 * name is left out, or every page of an SMTP relay vendor's site would pass); an
 * account page shows a setting: a server, port, login or sender field, a server row, a protocol with
 * its port, or an outgoing server and port in labelled lines, or, in someone's account, the mail
 * protocols it may use. A signed-in inbox or address book has neither, however much it looks like
 * someone's account.
 */
export function possibleKinds(reading: Reading, extraction: Extraction, facts: PageFacts): { article: boolean; account: boolean } {
  const r = reading;
  return {
    article:
      r.outgoing + r.smtp + r.submissionPorts + r.port25 > 0 || r.port25Blocked || r.cannotSend || clientSetup(r) ||
      pathSaysSmtp(facts.url) || onTopic(r.headline),
    // An application's own sending form (Mattermost's SMTP console, a CMS's mailer, a relay host: `appMail`)
    // is never someone's account, however much its server, port and login fields look like one.
    // Nor is a panel's form for another service's account (FTP, a database, DNS: `otherService`), nor a connection
    // form on a page that never speaks of mail (`connectsElsewhere`).
    account:
      !r.appMail &&
      !r.otherService &&
      !connectsElsewhere(r, facts) &&
      (r.formServer || r.formPort || r.formSecurity || r.formUser || r.identityFields > 0 || r.pairsOutgoingServer ||
      r.pairsOutgoingPort || r.pairsIncoming || r.pairsUser || r.protocolRows > 0 || (r.textFields >= 2 && r.mailLabelShare >= 0.5) ||
      (extraction.settings.outgoingServer !== null && extraction.settings.port !== null) || (r.inAccount && r.protocols >= 3)),
  };
}

/** The smells' answers for one page, in SMELLS order. */
export function measureSmells(reading: Reading, facts: PageFacts, extraction: Extraction): number[] {
  return SMELLS.map((smell) => {
    const value = smell.measure(reading, facts, extraction);
    return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  });
}
