/**
 * Hosts that help texts give as patterns, not servers: "mail.yourdomain.com", "smtp.ihre-domain.tld",
 * "smtp.example.com", "smtp.xxxxx.com". The page hint shows such a host as the page's pattern and never
 * offers to check it; the check form asks before checking one typed or pasted. Pure and small, so the
 * popup can import it without the page classifier.
 */
import { baseDomain } from './base-domain';

/**
 * Example hosts in many languages' help ("smtp.example.com", "smtp.exemplo.com", "smtp.beispiel.de"): an
 * error message or an illustration, not a server to check, where no outgoing server's name stands by.
 */
export const EXAMPLE_HOST = /(?:^|\.)(?:example|exemple|exemplo|examplo|beispiel|ejemplo|esempio|voorbeeld|przyklad|priklad|primer|sample)\./;
/**
 * A label that stands for the reader's own domain in a help text's pattern: "yourdomain", "ihre-domain",
 * "votre-domaine", "tudominio", "uwdomein", "twojadomena", "aminhaempresa". "my…" is left out: mydomain,
 * myserver and the like are real names.
 */
const PATTERN_LABEL =
  /^(?:(?:your|yours|ihre?|deine?|eure|votre|tu|su|seu|sua|a-?minha|minha|tuo|il-?tuo|vostro|uw|jouw|twoja|tvoje|vase)[-_]?(?:own[-_]?)?(?:domain-?name|domain|domäne|domaene|domaine|dominio|domena|domein|doména|site|website|company|isp|provider|firma|empresa|entreprise|azienda|bedrijf)s?|your[-_]server|moja-?domena)$/;
/**
 * A bare "domain" word, or a name that says what goes there ("domainname", "nom-de-domaine", "hostname",
 * "company-name"): a pattern only as the name registered under the suffix: smtp.domain.com, not
 * mail.domain.hostpoint.ch.
 */
const DOMAIN_WORD =
  /^(?:(?:domain|domaine|dominio|domena|domein|doména)(?:-?name)?|(?:example|sample)-?domain|nom-?de-?domaine|nombre-?de-?dominio|nome-?(?:do-?|de-?)?dominio|(?:host|server|company|isp|provider)-?name)$/;
/**
 * A label masked out: "smtp.xxxxx.com", "mail.xxx.ne.jp", a server number after a short prefix ("wpXXX",
 * "svXXXX", "mailxxx1"), and the Japanese stand-in words "hogehoge", "fugafuga".
 */
const MASKED_LABEL = /^(?:[a-z]{0,6}x{3,}\d?|hogehoge|fugafuga|piyopiyo)$/;
/**
 * A host a help text gives as a pattern, not one to check: "mail.yourdomain.com", "smtp.ihre-domain.tld",
 * "smtp.domain.com", "smtp.example.com". A host under the page's own site (`pageHost`) is never one: a
 * registrar whose name is a pattern word names its own real servers.
 */
/** "example.co.uk" → "co.uk": the public suffix under a registered name. */
const suffixOf = (site: string): string => site.slice(site.indexOf('.') + 1);

/**
 * The reader's domain written in brackets or words ("mail.[yourdomain]", "smtp.{domain}", "smtp.お客様のドメイン名"),
 * or a label masked with stars, circles or question marks ("sv***.xserver.jp", "sv○○○○.xserver.jp", "pro?.mail.host.net").
 */
const MARKED_PATTERN = /[[\]{}<>＜＞*?○●]|ドメイン/;

export function isPlaceholderHost(host: string, pageHost = ''): boolean {
  const lower = host.toLowerCase();
  if (MARKED_PATTERN.test(lower)) return true;
  const site = baseDomain(lower);
  if (pageHost !== '' && baseDomain(pageHost) === site) return false;
  return (
    EXAMPLE_HOST.test(lower) ||
    lower.endsWith('.tld') ||
    lower.split('.').some((label) => PATTERN_LABEL.test(label)) ||
    // Masks up to the registered name, not in the suffix: a ".xxx" domain is a real one.
    lower.slice(0, lower.length - suffixOf(site).length - 1).split('.').some((label) => MASKED_LABEL.test(label)) ||
    DOMAIN_WORD.test(site.split('.')[0] ?? '')
  );
}
