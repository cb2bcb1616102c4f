/**
 * Which browser origins may call the probe service. Chrome gives the extension one fixed origin
 * (`chrome-extension://<id>`, from the manifest key); Firefox gives every installation its own random
 * `moz-extension://<uuid>`, so no list of exact origins can hold the Firefox users. The rule
 * `moz-extension://*` stands for all of them. A web page can send neither scheme as its Origin, so either
 * form still keeps web pages from using their visitors' browsers against the service.
 */

/** Every Firefox extension origin, whatever the installation's UUID. */
export const ANY_FIREFOX_EXTENSION = 'moz-extension://*';

const ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension|https?):\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
/** Firefox writes the UUID of an installation in lower case, as 8-4-4-4-12 hex digits. */
const FIREFOX_EXTENSION_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why `rule` cannot be an origin rule, or null when it can. */
export function originRuleProblem(rule: string): string | null {
  if (rule === ANY_FIREFOX_EXTENSION || ORIGIN.test(rule)) return null;
  if (/^[a-z-]+:\/\/\*$/i.test(rule)) {
    return `"${rule}" is not accepted: only ${ANY_FIREFOX_EXTENSION} may stand for every id, because only Firefox gives each installation its own; list other extensions by their id.`;
  }
  return `"${rule}" is not an origin like chrome-extension://<id>, moz-extension://<uuid> or ${ANY_FIREFOX_EXTENSION}.`;
}

/** A test for the Origin header a request carries, from the configured rules. */
export function originMatcher(rules: readonly string[]): (origin: string) => boolean {
  const exact = new Set(rules.filter((rule) => rule !== ANY_FIREFOX_EXTENSION));
  const anyFirefox = rules.includes(ANY_FIREFOX_EXTENSION);
  return (origin) => exact.has(origin) || (anyFirefox && FIREFOX_EXTENSION_ORIGIN.test(origin));
}
