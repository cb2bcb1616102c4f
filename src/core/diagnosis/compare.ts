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
}

/** No SMTP conversation took place: nothing answered, or nothing greeted. */
const SILENT: ReadonlySet<PortState> = new Set(['refused', 'timeout', 'unreachable', 'no-greeting']);

/** What a middlebox that answers in the server's place tends to produce when the server itself is fine. */
const TAMPERED: ReadonlySet<PortState> = new Set(['tls-failed', 'starttls-failed', 'starttls-missing', 'not-smtp', 'protocol', 'tls-expected', 'tls-unexpected']);

/** Submission first (RFC 8314 prefers implicit TLS, but 587 is what most client guides show), port 25 last. */
const PREFERENCE: readonly ProbePort[] = [587, 465, 2525, 25];

const FAILURE_WORDS: Record<string, { one: string; many: string }> = {
  timeout: { one: 'times out', many: 'time out' },
  refused: { one: 'is refused', many: 'are refused' },
  unreachable: { one: 'is unreachable', many: 'are unreachable' },
  'no-greeting': { one: 'connects but never greets', many: 'connect but never greet' },
};

function resultsOf(view: ProbeReport | PortResult[]): PortResult[] {
  return Array.isArray(view) ? view : view.ports;
}

/** "25", "25 and 465", "25, 465 and 587" */
function listPorts(ports: readonly number[]): string {
  if (ports.length <= 1) return ports.join('');
  return `${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
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
function interception(service: PortResult, local: PortResult): string | null {
  const serviceName = greetingName(service.banner);
  const localName = greetingName(local.banner);
  if (serviceName && localName && serviceName !== localName) return `greets as ${localName} instead of ${serviceName}`;
  const serviceCert = service.tls?.fingerprint256 ?? null;
  const localCert = local.tls?.fingerprint256 ?? null;
  if (serviceCert && localCert && serviceCert !== localCert) return 'shows a different certificate than your server does';
  if (offersStartTls(service.ehlo.beforeTls) === true && offersStartTls(local.ehlo.beforeTls) === false) return 'hides the STARTTLS your server offers';
  if (service.state === 'ok' && TAMPERED.has(local.state)) return `fails where your server works (${describeState(local.state).toLowerCase()})`;
  return null;
}

function comparePort(port: ProbePort, service: PortResult | null, local: PortResult | null): PortComparison {
  const base = { port, service: service?.state ?? null, local: local?.state ?? null };
  if (!service || !local) {
    const checked = service ? 'from the internet' : local ? 'from your network' : 'from neither side';
    return { ...base, verdict: 'unknown', sentence: `Port ${port} was only checked ${checked}, so the two views cannot be compared.` };
  }
  const serviceSilent = SILENT.has(service.state);
  const localSilent = SILENT.has(local.state);
  if (serviceSilent && localSilent) {
    return { ...base, verdict: 'closed-at-server', sentence: `Port ${port} answers neither from the internet nor from your network, so it is closed or filtered at the server, not by your network.` };
  }
  if (localSilent) {
    const failure = FAILURE_WORDS[local.state]!.one;
    return { ...base, verdict: 'blocked-by-network', sentence: `Port ${port} answers from the internet, but from your network it ${failure}, so your provider or a firewall on your network blocks it.` };
  }
  if (serviceSilent) {
    return {
      ...base,
      verdict: 'local-only',
      sentence: `Port ${port} answers from your network but not from the internet: either the server only lets your network in, or something on your network answers in its place.`,
    };
  }
  const reason = interception(service, local);
  if (reason) {
    return { ...base, verdict: 'intercepted', sentence: `On port ${port}, what answers your network ${reason}: an antivirus program or your provider's proxy is in the middle.` };
  }
  if (service.state === local.state) {
    const how = service.state === 'ok' ? 'the same way' : `the same way (${describeState(service.state).toLowerCase()})`;
    return { ...base, verdict: 'open-from-both', sentence: `Port ${port} answers from the internet and from your network ${how}, so your network is not in the way.` };
  }
  return {
    ...base,
    verdict: 'unknown',
    sentence: `Port ${port} answers both ways but differently (from the internet: ${describeState(service.state).toLowerCase()}; from your network: ${describeState(local.state).toLowerCase()}), which may be the server treating your address differently.`,
  };
}

/** Ports of one verdict, grouped by how they fail locally: "port 25 times out and port 2525 is refused". */
function blockedClause(blocked: PortComparison[]): string {
  const groups = new Map<string, number[]>();
  for (const entry of blocked) groups.set(entry.local!, [...(groups.get(entry.local!) ?? []), entry.port]);
  const parts = [...groups].map(([state, ports]) => {
    const words = FAILURE_WORDS[state]!;
    return ports.length === 1 ? `port ${ports[0]} ${words.one}` : `ports ${listPorts(ports)} ${words.many}`;
  });
  return `from your network ${parts.join(' and ')}, so your provider blocks ${blocked.length === 1 ? 'it' : 'them'}`;
}

function summarize(ports: PortComparison[], preferred: number | null): string {
  const compared = ports.filter((entry) => entry.service !== null && entry.local !== null);
  if (compared.length === 0) return 'The check from the internet and the check from your network have no port in common, so they cannot be compared.';
  const of = (verdict: ViewVerdict) => compared.filter((entry) => entry.verdict === verdict);
  const answering = compared.filter((entry) => !SILENT.has(entry.service!)).map((entry) => entry.port);
  const blocked = of('blocked-by-network');
  const intercepted = of('intercepted');
  const differing = of('unknown');
  const localOnly = of('local-only');
  const order = preferred === null ? PREFERENCE : [preferred, ...PREFERENCE.filter((port) => port !== preferred)];
  const best = order.find((port) => compared.some((entry) => entry.port === port && entry.verdict === 'open-from-both' && entry.local === 'ok'));

  if (answering.length === 0 && localOnly.length === 0) {
    return `Your server answers on none of ports ${listPorts(compared.map((entry) => entry.port))}, from the internet or from your network, so the problem is at the server, not your network.`;
  }
  const problems: string[] = [];
  if (blocked.length > 0) problems.push(blockedClause(blocked));
  if (intercepted.length > 0) {
    const ports = intercepted.map((entry) => entry.port);
    problems.push(`on ${ports.length === 1 ? 'port' : 'ports'} ${listPorts(ports)} something on your network (an antivirus program or your provider's proxy) answers in your server's place`);
  }
  if (differing.length > 0) {
    const ports = differing.map((entry) => entry.port);
    problems.push(`${ports.length === 1 ? 'port' : 'ports'} ${listPorts(ports)} ${ports.length === 1 ? 'answers' : 'answer'} your network differently`);
  }
  if (localOnly.length > 0) {
    const ports = localOnly.map((entry) => entry.port);
    problems.push(`${ports.length === 1 ? 'port' : 'ports'} ${listPorts(ports)} ${ports.length === 1 ? 'answers' : 'answer'} only from your network`);
  }
  const start = answering.length > 0 ? `Your server answers on ${listPorts(answering)}` : 'From the internet your server answers on no checked port';
  const middle = problems.length > 0 ? `, but ${problems.join(', and ')}` : ' from the internet and from your network alike';
  let end: string;
  const instead = preferred !== null && best !== preferred && compared.some((entry) => entry.port === preferred);
  if (best !== undefined) end = instead ? `: use ${best} instead of ${preferred}.` : `: use ${best}.`;
  else if (blocked.length > 0 || intercepted.length > 0) end = ': no port reaches your server unchanged from your network, so ask your provider to unblock 587 or try another network.';
  else end = '.';
  return `${start}${middle}${end}`;
}

/**
 * Compares the service's view (`service`) with the customer's own (`local`), port by port. The summary's
 * advice starts from the service's recommended port, when `service` is a report with one.
 */
export function compareViews(service: ProbeReport | PortResult[], local: ProbeReport | PortResult[]): ViewComparison {
  const serviceResults = resultsOf(service);
  const localResults = resultsOf(local);
  const ports = [...new Set([...serviceResults, ...localResults].map((result) => result.port))].sort((a, b) => a - b);
  const comparisons = ports.map((port) => {
    const [serviceResult, localResult] = pair(
      serviceResults.filter((result) => result.port === port),
      localResults.filter((result) => result.port === port),
    );
    return comparePort(port, serviceResult, localResult);
  });
  const preferred = Array.isArray(service) ? null : (service.recommendation?.port ?? null);
  return { ports: comparisons, summary: summarize(comparisons, preferred) };
}

/**
 * The service's recommendation, held against the customer's own view: when its port does not get through
 * from their network but the alternative does, the alternative becomes the advice (and the blocked port the
 * alternative). Otherwise it stands as it is: nothing better is known.
 */
export function adviceForNetwork(recommendation: Recommendation, comparison: ViewComparison): Recommendation {
  const entry = (port: number) => comparison.ports.find((candidate) => candidate.port === port);
  const main = entry(recommendation.port);
  if (!main || main.local === null || main.verdict === 'open-from-both') return recommendation;
  const alternative = recommendation.alternative;
  const other = alternative ? entry(alternative.port) : undefined;
  if (!alternative || other?.verdict !== 'open-from-both' || other.local !== 'ok') return recommendation;
  return {
    ...recommendation,
    port: alternative.port,
    security: alternative.security,
    summary: `Use port ${alternative.port}: port ${recommendation.port} does not reach the server unchanged from this network.`,
    alternative: { port: recommendation.port, security: recommendation.security },
  };
}
