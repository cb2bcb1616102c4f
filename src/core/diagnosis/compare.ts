/**
 * "Is it my network?": the probe service's view of a server (from the internet) beside the customer's own
 * view (the native host, from their network), port by port.
 *
 * A port that answers the service but not the customer is blocked on the way (ISPs filter port 25, RFC 8314
 * and M3AAWG advise submission on 587/465 for that reason); a port that answers both but with another
 * greeting name, another certificate or without the STARTTLS the server offers, has something in the middle
 * (an antivirus mail shield or a provider's transparent proxy) speaking in the server's place.
 */
import type { PortResult, PortState, ProbePort, ProbeReport, Recommendation } from '../api';
import { fill, pick } from '../clients/render';
import type { Locale, Localized } from '../clients/types';
import { describeState } from './describe';

export type ViewVerdict = 'open-from-both' | 'blocked-by-network' | 'closed-at-server' | 'intercepted' | 'local-only' | 'unknown';

export interface PortComparison {
  port: ProbePort;
  verdict: ViewVerdict;
  service: PortState | null;
  local: PortState | null;
  /** One sentence for the customer. */
  sentence: string;
}

export interface ViewComparison {
  ports: PortComparison[];
  /** One sentence for the customer, ending with the port to use when one gets through. */
  summary: string;
  /**
   * The port the summary tells the customer to use, or null when none gets through. With a service report
   * that recommends a port, only that port and its alternative are candidates, so the summary and
   * `adviceForNetwork` always agree.
   */
  best: number | null;
}

/** No SMTP conversation took place: nothing answered, or nothing greeted. */
const SILENT: ReadonlySet<PortState> = new Set(['refused', 'timeout', 'unreachable', 'no-greeting']);

/** What a middlebox that answers in the server's place tends to produce when the server itself is fine. */
const TAMPERED: ReadonlySet<PortState> = new Set(['tls-failed', 'starttls-failed', 'starttls-missing', 'not-smtp', 'protocol', 'tls-expected', 'tls-unexpected']);

/** Submission first (RFC 8314 prefers implicit TLS, but 587 is what most client guides show), port 25 last. */
const PREFERENCE: readonly ProbePort[] = [587, 465, 2525, 25];

/** How a silent port fails locally, for one port and for several. */
const FAILURE_WORDS: Record<string, { one: Localized; many: Localized }> = {
  timeout: { one: { en: 'times out', es: 'no responde a tiempo' }, many: { en: 'time out', es: 'no responden a tiempo' } },
  refused: { one: { en: 'is refused', es: 'rechaza la conexión' }, many: { en: 'are refused', es: 'rechazan la conexión' } },
  unreachable: { one: { en: 'is unreachable', es: 'es inalcanzable' }, many: { en: 'are unreachable', es: 'son inalcanzables' } },
  'no-greeting': { one: { en: 'connects but never greets', es: 'conecta pero nunca saluda' }, many: { en: 'connect but never greet', es: 'conectan pero nunca saludan' } },
};

/** Spanish for the port states inside a sentence (English uses describeState, lower-cased). */
const STATE_ES: Record<PortState, string> = {
  ok: 'abierto, responde SMTP',
  refused: 'cerrado, rechaza la conexión',
  timeout: 'bloqueado o filtrado, sin respuesta',
  unreachable: 'inalcanzable, sin ruta hasta el servidor',
  'no-greeting': 'conecta, pero el servidor nunca saluda',
  'tls-expected': 'quiere TLS desde el primer byte, TLS implícito',
  'tls-unexpected': 'SMTP sin cifrar, no TLS implícito',
  'not-smtp': 'responde algo que no es un servidor de correo',
  rejected: 'abierto, pero el servidor rechaza la conexión',
  'starttls-missing': 'abierto, pero no ofrece STARTTLS',
  'starttls-failed': 'abierto, pero STARTTLS falla',
  'tls-failed': 'abierto, pero el saludo TLS falla',
  protocol: 'abierto, pero el servidor rompe el diálogo SMTP',
};

/** A port's result inside a sentence: lower-cased at its start only, so STARTTLS, TLS and SMTP keep their capitals. */
function stateWords(result: PortResult, locale: Locale): string {
  // Plain text where TLS belonged, and no greeting on a plain connection: not "plain SMTP".
  if (result.state === 'tls-unexpected' && result.banner === null) return locale === 'es' ? 'no es TLS y no hay saludo SMTP' : 'not TLS, and no SMTP greeting';
  if (locale === 'es') return STATE_ES[result.state];
  const words = describeState(result.state);
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** Every sentence of the comparison, in English and Spanish; {placeholders} are filled by `say`. */
const WORDS = {
  onlyChecked: { en: 'Port {port} was only checked {side}, so the two views cannot be compared.', es: 'El puerto {port} solo se comprobó {side}, así que las dos vistas no se pueden comparar.' },
  fromInternet: { en: 'from the internet', es: 'desde internet' },
  fromNetwork: { en: 'from your network', es: 'desde su red' },
  fromNeither: { en: 'from neither side', es: 'desde ningún lado' },
  closed: {
    en: 'Port {port} answers neither from the internet nor from your network, so it is closed or filtered at the server, not by your network.',
    es: 'El puerto {port} no responde ni desde internet ni desde su red, así que está cerrado o filtrado en el servidor, no por su red.',
  },
  blocked: {
    en: 'Port {port} answers from the internet, but from your network it {failure}, so your provider or a firewall on your network blocks it.',
    es: 'El puerto {port} responde desde internet, pero desde su red {failure}, así que su proveedor o un cortafuegos de su red lo bloquea.',
  },
  localOnly: {
    en: 'Port {port} answers from your network but not from the internet: either the server only lets your network in, or something on your network answers in its place.',
    es: 'El puerto {port} responde desde su red pero no desde internet: o el servidor solo deja entrar a su red, o algo en su red responde en su lugar.',
  },
  intercepted: {
    en: "On port {port}, what answers your network {reason}: an antivirus program or your provider's proxy is in the middle.",
    es: 'En el puerto {port}, lo que responde a su red {reason}: un antivirus o el proxy de su proveedor está en medio.',
  },
  greetsAs: { en: 'greets as {local} instead of {service}', es: 'se presenta como {local} en lugar de {service}' },
  otherCertificate: { en: 'shows a different certificate than your server does', es: 'muestra un certificado distinto del de su servidor' },
  hidesStartTls: { en: 'hides the STARTTLS your server offers', es: 'oculta el STARTTLS que ofrece su servidor' },
  failsWhereWorks: { en: 'fails where your server works ({state})', es: 'falla donde su servidor funciona ({state})' },
  sameOk: {
    en: 'Port {port} answers from the internet and from your network the same way, so your network is not in the way.',
    es: 'El puerto {port} responde igual desde internet que desde su red, así que su red no estorba.',
  },
  sameState: {
    en: 'Port {port} answers from the internet and from your network the same way ({state}), so your network is not in the way.',
    es: 'El puerto {port} responde igual desde internet que desde su red ({state}), así que su red no estorba.',
  },
  differently: {
    en: 'Port {port} answers both ways but differently (from the internet: {service}; from your network: {local}), which may be the server treating your address differently.',
    es: 'El puerto {port} responde por ambos lados pero de distinta forma (desde internet: {service}; desde su red: {local}), quizá porque el servidor trata su dirección de otra manera.',
  },
  and: { en: 'and', es: 'y' },
  port: { en: 'port {ports}', es: 'el puerto {ports}' },
  ports: { en: 'ports {ports}', es: 'los puertos {ports}' },
  blockedClause: { en: 'from your network {parts}, so your provider blocks {them}', es: 'desde su red {parts}, así que su proveedor {them}' },
  it: { en: 'it', es: 'lo bloquea' },
  them: { en: 'them', es: 'los bloquea' },
  noneInCommon: {
    en: 'The check from the internet and the check from your network have no port in common, so they cannot be compared.',
    es: 'La comprobación desde internet y la de su red no tienen ningún puerto en común, así que no se pueden comparar.',
  },
  serverDown: {
    en: 'Your server answers on none of ports {ports}, from the internet or from your network, so the problem is at the server, not your network.',
    es: 'Su servidor no responde en ninguno de los puertos {ports}, ni desde internet ni desde su red, así que el problema está en el servidor, no en su red.',
  },
  interceptedClause: {
    en: "on {which} something on your network (an antivirus program or your provider's proxy) answers in your server's place",
    es: 'en {which} algo en su red (un antivirus o el proxy de su proveedor) responde en lugar de su servidor',
  },
  differingOne: { en: 'port {ports} answers your network differently', es: 'el puerto {ports} responde a su red de otra forma' },
  differingMany: { en: 'ports {ports} answer your network differently', es: 'los puertos {ports} responden a su red de otra forma' },
  localOnlyOne: { en: 'port {ports} answers only from your network', es: 'el puerto {ports} solo responde desde su red' },
  localOnlyMany: { en: 'ports {ports} answer only from your network', es: 'los puertos {ports} solo responden desde su red' },
  answersOn: { en: 'Your server answers on {ports}', es: 'Su servidor responde en {ports}' },
  answersOnNone: { en: 'From the internet your server answers on no checked port', es: 'Desde internet su servidor no responde en ningún puerto comprobado' },
  but: { en: ', but {problems}', es: ', pero {problems}' },
  andClause: { en: ', and ', es: ', y ' },
  alike: { en: ' from the internet and from your network alike', es: ' desde internet y desde su red por igual' },
  use: { en: ': use {best}.', es: ': use el {best}.' },
  useInstead: { en: ': use {best} instead of {preferred}.', es: ': use el {best} en lugar del {preferred}.' },
  submissionBlocked: {
    en: ': the ports for mail programs ({ports}) do not get through from your network, so ask your provider to unblock {first} or try another network.',
    es: ': los puertos para programas de correo ({ports}) no pasan desde su red, así que pida a su proveedor que desbloquee el {first} o pruebe con otra red.',
  },
  nothingGetsThrough: {
    en: ': no port reaches your server unchanged from your network, so ask your provider to unblock 587 or try another network.',
    es: ': ningún puerto llega a su servidor sin cambios desde su red, así que pida a su proveedor que desbloquee el 587 o pruebe con otra red.',
  },
} satisfies Record<string, Localized>;

function say(text: Localized, locale: Locale, values: Record<string, string | number> = {}): string {
  return fill(pick(text, locale), values);
}

function resultsOf(view: ProbeReport | PortResult[]): PortResult[] {
  return Array.isArray(view) ? view : view.ports;
}

/** "25", "25 and 465", "25, 465 and 587" (Spanish: "25, 465 y 587") */
function listPorts(ports: readonly number[], locale: Locale): string {
  if (ports.length <= 1) return ports.join('');
  return `${ports.slice(0, -1).join(', ')} ${say(WORDS.and, locale)} ${ports[ports.length - 1]}`;
}

/**
 * One result per side for a port. A server can answer on IPv4 and be filtered on IPv6, so both sides are
 * read in the same family when they share one (IPv4 first, as most customer networks still use it).
 */
function pair(service: PortResult[], local: PortResult[]): [PortResult | null, PortResult | null] {
  const families = ([4, 6] as const).filter((family) => service.some((r) => r.family === family) && local.some((r) => r.family === family));
  const family = families[0];
  const pick = (results: PortResult[]) => (family ? results.find((r) => r.family === family) : results[0]) ?? null;
  return [pick(service), pick(local)];
}

/** The name a server greets with: the first word of its banner (RFC 5321 4.3.1, "220 domain text"). */
function greetingName(banner: string | null): string | null {
  const name = banner?.trim().split(/\s+/)[0];
  return name ? name.toLowerCase() : null;
}

function offersStartTls(keywords: string[] | null): boolean | null {
  return keywords === null ? null : keywords.some((keyword) => keyword.toUpperCase() === 'STARTTLS');
}

/** Why the local view looks like someone else answered, or null when nothing says so. */
function interception(service: PortResult, local: PortResult, locale: Locale): string | null {
  const serviceName = greetingName(service.banner);
  const localName = greetingName(local.banner);
  if (serviceName && localName && serviceName !== localName) return say(WORDS.greetsAs, locale, { local: localName, service: serviceName });
  const serviceCert = service.tls?.fingerprint256 ?? null;
  const localCert = local.tls?.fingerprint256 ?? null;
  if (serviceCert && localCert && serviceCert !== localCert) return say(WORDS.otherCertificate, locale);
  if (offersStartTls(service.ehlo.beforeTls) === true && offersStartTls(local.ehlo.beforeTls) === false) return say(WORDS.hidesStartTls, locale);
  if (service.state === 'ok' && TAMPERED.has(local.state)) return say(WORDS.failsWhereWorks, locale, { state: stateWords(local, locale) });
  return null;
}

function comparePort(port: ProbePort, service: PortResult | null, local: PortResult | null, locale: Locale): PortComparison {
  const base = { port, service: service?.state ?? null, local: local?.state ?? null };
  if (!service || !local) {
    const side = say(service ? WORDS.fromInternet : local ? WORDS.fromNetwork : WORDS.fromNeither, locale);
    return { ...base, verdict: 'unknown', sentence: say(WORDS.onlyChecked, locale, { port, side }) };
  }
  const serviceSilent = SILENT.has(service.state);
  const localSilent = SILENT.has(local.state);
  if (serviceSilent && localSilent) return { ...base, verdict: 'closed-at-server', sentence: say(WORDS.closed, locale, { port }) };
  if (localSilent) {
    const failure = pick(FAILURE_WORDS[local.state]!.one, locale);
    return { ...base, verdict: 'blocked-by-network', sentence: say(WORDS.blocked, locale, { port, failure }) };
  }
  if (serviceSilent) return { ...base, verdict: 'local-only', sentence: say(WORDS.localOnly, locale, { port }) };
  const reason = interception(service, local, locale);
  if (reason) return { ...base, verdict: 'intercepted', sentence: say(WORDS.intercepted, locale, { port, reason }) };
  if (service.state === local.state) {
    const sentence = service.state === 'ok' ? say(WORDS.sameOk, locale, { port }) : say(WORDS.sameState, locale, { port, state: stateWords(service, locale) });
    return { ...base, verdict: 'open-from-both', sentence };
  }
  return {
    ...base,
    verdict: 'unknown',
    sentence: say(WORDS.differently, locale, { port, service: stateWords(service, locale), local: stateWords(local, locale) }),
  };
}

/** "port 25" / "ports 25 and 465" (Spanish: "el puerto 25" / "los puertos 25 y 465"). */
function portsWords(ports: readonly number[], locale: Locale): string {
  return say(ports.length === 1 ? WORDS.port : WORDS.ports, locale, { ports: listPorts(ports, locale) });
}

/** Ports of one verdict, grouped by how they fail locally: "port 25 times out and port 2525 is refused". */
function blockedClause(blocked: PortComparison[], locale: Locale): string {
  const groups = new Map<string, number[]>();
  for (const entry of blocked) groups.set(entry.local!, [...(groups.get(entry.local!) ?? []), entry.port]);
  const parts = [...groups].map(([state, ports]) => {
    const words = FAILURE_WORDS[state]!;
    return `${portsWords(ports, locale)} ${pick(ports.length === 1 ? words.one : words.many, locale)}`;
  });
  return say(WORDS.blockedClause, locale, { parts: parts.join(` ${say(WORDS.and, locale)} `), them: say(blocked.length === 1 ? WORDS.it : WORDS.them, locale) });
}

/** Gets through from the customer's network as well, and works there. */
function getsThrough(entry: PortComparison): boolean {
  return entry.verdict === 'open-from-both' && entry.local === 'ok';
}

/**
 * `candidates` are the ports the advice may name; `recommended` says they are the service's recommendation
 * and its alternative rather than the general order.
 */
function summarize(ports: PortComparison[], candidates: readonly number[], recommended: boolean, best: number | null, locale: Locale): string {
  const preferred = recommended ? (candidates[0] ?? null) : null;
  const compared = ports.filter((entry) => entry.service !== null && entry.local !== null);
  if (compared.length === 0) return say(WORDS.noneInCommon, locale);
  const of = (verdict: ViewVerdict) => compared.filter((entry) => entry.verdict === verdict).map((entry) => entry.port);
  const answering = compared.filter((entry) => !SILENT.has(entry.service!)).map((entry) => entry.port);
  const blocked = compared.filter((entry) => entry.verdict === 'blocked-by-network');
  const intercepted = of('intercepted');
  const differing = of('unknown');
  const localOnly = of('local-only');

  if (answering.length === 0 && localOnly.length === 0) {
    return say(WORDS.serverDown, locale, { ports: listPorts(compared.map((entry) => entry.port), locale) });
  }
  const problems: string[] = [];
  if (blocked.length > 0) problems.push(blockedClause(blocked, locale));
  if (intercepted.length > 0) problems.push(say(WORDS.interceptedClause, locale, { which: portsWords(intercepted, locale) }));
  if (differing.length > 0) problems.push(say(differing.length === 1 ? WORDS.differingOne : WORDS.differingMany, locale, { ports: listPorts(differing, locale) }));
  if (localOnly.length > 0) problems.push(say(localOnly.length === 1 ? WORDS.localOnlyOne : WORDS.localOnlyMany, locale, { ports: listPorts(localOnly, locale) }));
  const start = answering.length > 0 ? say(WORDS.answersOn, locale, { ports: listPorts(answering, locale) }) : say(WORDS.answersOnNone, locale);
  const middle = problems.length > 0 ? say(WORDS.but, locale, { problems: problems.join(say(WORDS.andClause, locale)) }) : say(WORDS.alike, locale);
  const instead = preferred !== null && best !== preferred && compared.some((entry) => entry.port === preferred);
  let end: string;
  if (best !== null) end = instead ? say(WORDS.useInstead, locale, { best, preferred: preferred! }) : say(WORDS.use, locale, { best });
  else if (recommended && compared.some(getsThrough)) end = say(WORDS.submissionBlocked, locale, { ports: listPorts(candidates, locale), first: candidates[0]! });
  else if (blocked.length > 0 || intercepted.length > 0) end = say(WORDS.nothingGetsThrough, locale);
  else end = '.';
  return `${start}${middle}${end}`;
}

/**
 * Compares the service's view (`service`) with the customer's own (`local`), port by port. The summary's
 * advice starts from the service's recommended port, when `service` is a report with one.
 */
export function compareViews(service: ProbeReport | PortResult[], local: ProbeReport | PortResult[], locale: Locale = 'en'): ViewComparison {
  const serviceResults = resultsOf(service);
  const localResults = resultsOf(local);
  const ports = [...new Set([...serviceResults, ...localResults].map((result) => result.port))].sort((a, b) => a - b);
  const comparisons = ports.map((port) => {
    const [serviceResult, localResult] = pair(
      serviceResults.filter((result) => result.port === port),
      localResults.filter((result) => result.port === port),
    );
    return comparePort(port, serviceResult, localResult, locale);
  });
  const recommendation = Array.isArray(service) ? null : service.recommendation;
  const candidates = recommendation ? [recommendation.port, ...(recommendation.alternative ? [recommendation.alternative.port] : [])] : PREFERENCE;
  const best = candidates.find((port) => comparisons.some((entry) => entry.port === port && getsThrough(entry))) ?? null;
  return { ports: comparisons, summary: summarize(comparisons, candidates, recommendation !== null, best, locale), best };
}

/** The ports compared from both sides that do not get through from the customer's network. */
export function blockedHere(comparison: ViewComparison): number[] {
  return comparison.ports.filter((entry) => entry.service !== null && entry.local !== null && !getsThrough(entry)).map((entry) => entry.port);
}

/**
 * The service's recommendation, held against the customer's own view: when its port does not get through
 * from their network but the alternative does, the alternative becomes the advice, with no fallback left;
 * an alternative that does not get through from there is dropped. Otherwise it stands as it is.
 */
export function adviceForNetwork(recommendation: Recommendation, comparison: ViewComparison): Recommendation {
  const alternative = recommendation.alternative;
  if (!alternative) return recommendation;
  if (comparison.best === alternative.port && comparison.best !== recommendation.port) {
    return {
      ...recommendation,
      port: alternative.port,
      security: alternative.security,
      summary: `Use port ${alternative.port}: port ${recommendation.port} does not reach the server unchanged from this network.`,
      // The first choice does not get through from here, so it is no fallback either.
      alternative: null,
    };
  }
  // Nor is an alternative that was compared and does not get through.
  return blockedHere(comparison).includes(alternative.port) ? { ...recommendation, alternative: null } : recommendation;
}
