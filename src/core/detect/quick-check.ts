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

const HEADINGS = 'h1, h2, h3, summary, [role="heading"]';
const MAX_HEADINGS = 8;

export function mightMatch(document: Document, url: string): boolean {
  if (document.documentElement === null) return false;
  const parts = [url, document.title, document.querySelector('meta[name="description"]')?.getAttribute('content') ?? ''];
  const headings = document.querySelectorAll(HEADINGS);
  for (let index = 0; index < headings.length && index < MAX_HEADINGS; index += 1) {
    parts.push((headings[index]?.textContent ?? '').slice(0, 200));
  }
  const text = parts.join('\n');
  return TOPIC.test(text) || (MAIL.test(text) && SETUP.test(text));
}
