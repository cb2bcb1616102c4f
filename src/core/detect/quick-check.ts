/**
 * The content-script bootstrap's cheap pre-check, before the classifier is loaded: a few regular
 * expressions over the URL, title, meta description, the first headings and a bounded slice of the
 * page's text. It must say yes to every page the classifier would call an article or account page
 * (real pages often have a generic title and no heading on the subject, so the text slice is read
 * too); saying yes to some others only costs a load.
 * Kept free of imports so the bootstrap bundle stays small.
 */

/** The outgoing server, SMTP, a mail port or port 25 blocking, in the languages the classifier reads. */
const TOPIC = new RegExp(
  [
    'smtp', 'imap', 'pop3', 'outgoing (?:mail|e-?mail|server)', 'outbound (?:mail|server|port)', 'mail ?server', 'mailserver', 'saliente', 'de salida',
    'postausgang', 'ausgangsserver', 'ausgehende', 'sortant', "d'envoi", 'sa[íi]da', 'de envio', 'in uscita', 'uitgaand',
    'wychodz', 'utgående', 'udgående', 'odchozí', 'lähtevä', 'исходящ', 'giden', 'op25b', '送信', 'サブミッション',
    '(?:port|puerto|porta|poort|portu|ポート|порт)\\W{0,3}(?:25|465|587|2525)(?!\\d)', '(?:25|465|587)\\s?番',
  ].join('|'),
  'i',
);
const MAIL = /mail|correo|courriel|messagerie|posta|postfach|poczt|メール|почт/i;
const SETUP =
  /setting|set ?up|config|client|account|identit|pr[ée]f[ée]ren|voorkeur|param|einstell|einricht|instell|impostaz|defini[çc]|ajuste|r[ée]glage|serverdaten|konto|cuenta|compte|conta\b|casella|program|app\b|applica|android|iphone|ipad|phone|celular|m[óo]vil|handy|telefoon|ustawieni|設定|настройк/i;

/** Soft hyphens and zero-width characters: invisible, but they split the words the patterns look for. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** The text as the classifier's `normalise` reads it, for what these patterns need: words whole, hyphens plain. */
const asRead = (text: string): string => text.replace(INVISIBLE, '').replace(/[\u2010\u2011]/g, '-');

const HEADING_TAGS = /^(?:h1|h2|h3|summary)$/;
const MAX_HEADINGS = 8;
/** Elements looked at for those headings: a page's first headings come early, and a miss must stay cheap. */
const MAX_ELEMENTS = 6000;
/** Characters and text nodes of the page's text read: enough for the opening of an article after its menus. */
const MAX_TEXT = 24_000;
const MAX_TEXT_NODES = 3000;
/** SHOW_ELEMENT and SHOW_TEXT, as numbers because linkedom defines no NodeFilter global. */
const SHOW_ELEMENT = 1;
const SHOW_TEXT = 4;
const NOT_TEXT = /^(?:script|style|noscript|template|svg)$/i;

/** The first MAX_TEXT characters of the page's text, without scripts and styles. */
function textSlice(document: Document): string {
  const root = document.body ?? document.documentElement;
  if (root === null) return '';
  const walker = document.createTreeWalker(root, SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node !== null && length < MAX_TEXT && nodes < MAX_TEXT_NODES; node = walker.nextNode()) {
    nodes += 1;
    const parent = node.parentElement;
    if (parent !== null && NOT_TEXT.test(parent.localName)) continue;
    const data = (node as CharacterData).data ?? '';
    parts.push(data.length > MAX_TEXT - length ? data.slice(0, MAX_TEXT - length) : data);
    length += data.length;
  }
  return parts.join(' ');
}

export function mightMatch(document: Document, url: string): boolean {
  const root = document.documentElement;
  if (root === null) return false;
  const parts = [url, document.title];
  const walker = document.createTreeWalker(document, SHOW_ELEMENT);
  let headings = 0;
  // The meta description too comes from this walk: a stray tag in <head> makes parsers move it to <body>.
  for (let seen = 0, node = walker.nextNode(); node !== null && seen < MAX_ELEMENTS && headings < MAX_HEADINGS; seen += 1, node = walker.nextNode()) {
    const element = node as Element;
    if (element.localName === 'meta') {
      if (element.getAttribute('name') === 'description') parts.push(element.getAttribute('content') ?? '');
    } else if (HEADING_TAGS.test(element.localName) || element.getAttribute('role') === 'heading') {
      parts.push((element.textContent ?? '').slice(0, 200));
      headings += 1;
    }
  }
  const head = asRead(parts.join('\n'));
  if (TOPIC.test(head) || (MAIL.test(head) && SETUP.test(head))) return true;
  return TOPIC.test(asRead(textSlice(document)));
}
