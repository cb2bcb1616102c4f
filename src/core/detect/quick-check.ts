/**
 * The content-script bootstrap's cheap pre-check: a few regular expressions over the URL, title, meta
 * description and the first headings, before the classifier is loaded. It must say yes to every page
 * the classifier would call an article or account page; saying yes to some others only costs a load.
 * Kept free of imports so the bootstrap bundle stays a few hundred bytes.
 */

/** The outgoing server or a mail port, in the seven languages the classifier reads. */
const TOPIC =
  /smtp|outgoing|outbound|saliente|de salida|postausgang|ausgangsserver|sortant|d'envoi|sa[íi]da|de envio|in uscita|uitgaand|\b(?:port|puerto|porta|poort)\W{1,3}(?:25|465|587)\b/i;
const MAIL = /mail|correo|courriel|messagerie|posta|postfach/i;
const SETUP =
  /setting|set ?up|config|client|account|param|einstell|einricht|instell|impostaz|defini[çc]|ajuste|r[ée]glage|serverdaten|konto|cuenta|compte|conta\b|casella|program|app\b|applica|android|iphone|ipad|phone|celular|m[óo]vil|handy|telefoon/i;

const HEADING_TAGS = /^(?:h1|h2|h3|summary)$/;
const MAX_HEADINGS = 8;
/** Elements looked at for those headings: a page's first headings come early, and a miss must stay cheap. */
const MAX_ELEMENTS = 6000;
/** SHOW_ELEMENT, as a number because linkedom defines no NodeFilter global. */
const SHOW_ELEMENT = 1;

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
  const text = parts.join('\n');
  return TOPIC.test(text) || (MAIL.test(text) && SETUP.test(text));
}
