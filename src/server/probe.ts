/**
 * One probe, start to finish: what was typed → which outgoing server → which addresses the guard allows →
 * every port on every address at once → advice. Progress goes out as `ProbeEvent`s so the HTTP stream and
 * the CLI can show each port the moment it is known, instead of waiting for the slowest filtered port.
 */
import { DEFAULT_PORTS, PROBE_PORTS, type DiscoveryResult, type PortResult, type ProbeEvent, type ProbePort, type ProbeReport } from '../core/api';
import { recommend } from '../core/diagnosis/recommend';
import { isLocalhostName } from '../core/host-name';
import { cleanDeep } from '../core/sanitize';
import { parseTarget } from '../core/target';
import { LookupUnavailableError, type DnsResolver } from './dns';
import { discover, DNS_FAILED, MX_RECEIVES, NO_MX, type DiscoveryOptions } from './discovery/discover';
import type { FetchText } from './discovery/http-fetch';
import { normalizeHostname, resolveApproved, TargetError, type ApprovedAddress } from './guard';
import { DEFAULT_TIMEOUTS, probePort, type ProbePortOptions, type ProbeTimeouts } from './smtp/probe-port';

export interface ProbeTargetOptions {
  ports?: ProbePort[];
  resolver: DnsResolver;
  fetch?: FetchText;
  ispdbUrl?: string;
  autoconfigUrls?: DiscoveryOptions['autoconfigUrls'];
  allowPrivate?: boolean;
  timeouts?: Partial<ProbeTimeouts>;
  signal?: AbortSignal;
  onEvent?: (event: ProbeEvent) => void;
  /** Look up the outgoing server of an email address or domain first (default true). */
  discover?: boolean;
  /**
   * Called with the addresses chosen, before any connection is made: a service's quota per mail server
   * throws here, so many names for one server (an address, its names, email addresses at its domains)
   * count as one server.
   */
  admit?: (addresses: readonly string[]) => Promise<void>;
  /** Replaces the SMTP engine (tests that need exact timing). */
  probePort?: (options: ProbePortOptions) => Promise<PortResult>;
  ehloName?: string;
}

/** Discovery is advice, not the point: it gets a bounded slice of the probe's time. */
const DISCOVERY_BUDGET_MS = 10_000;

/** The longest a whole probe may run (discovery, then the ports), whatever its servers do. */
export function probeDeadlineMs(totalMs: number): number {
  return DISCOVERY_BUDGET_MS + totalMs + 5000;
}
/** Outgoing servers to try resolving when discovery lists several (first that the guard approves wins). */
const MAX_SERVER_CANDIDATES = 3;

/**
 * Reports whose run was stopped before it finished (the caller's signal or the whole-probe deadline):
 * their ports may read "was cancelled", which says nothing about the server, so such a report is for the
 * caller who was there and must never be reused (cached) for anyone else.
 */
const interrupted = new WeakSet<ProbeReport>();

export function wasInterrupted(report: ProbeReport): boolean {
  return interrupted.has(report);
}

export function invalidTarget(message: string): TargetError {
  return new TargetError('invalid-target', message);
}

/**
 * One address per family, as a client's Happy Eyeballs would pick: IPv4 and IPv6 are reported separately
 * because a port can be open on one and filtered on the other, and the fan-out stays at most 2 × 4.
 */
function pickAddresses(approved: ApprovedAddress[]): ApprovedAddress[] {
  const v4 = approved.find((address) => address.family === 4);
  const v6 = approved.find((address) => address.family === 6);
  return [v4, v6].filter((address): address is ApprovedAddress => address !== undefined);
}

async function runDiscovery(domain: string, email: string | null, options: ProbeTargetOptions): Promise<DiscoveryResult> {
  const budget = AbortSignal.timeout(DISCOVERY_BUDGET_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
  try {
    return await discover(domain, email, {
      resolver: options.resolver,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.ispdbUrl ? { ispdbUrl: options.ispdbUrl } : {}),
      ...(options.autoconfigUrls ? { autoconfigUrls: options.autoconfigUrls } : {}),
      signal,
      allowPrivate: options.allowPrivate === true,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return {
      domain,
      candidates: [],
      steps: [{ source: 'input', query: domain, outcome: 'error', message: `Discovery gave up after ${DISCOVERY_BUDGET_MS / 1000} s; the domain itself is checked instead.` }],
    };
  }
}

async function chooseServer(
  names: string[],
  options: ProbeTargetOptions,
): Promise<{ server: string; addresses: ApprovedAddress[]; total: number }> {
  let firstError: unknown = null;
  let lookupFailure: LookupUnavailableError | null = null;
  for (const name of names.slice(0, MAX_SERVER_CANDIDATES)) {
    try {
      const server = normalizeHostname(name);
      const approved = await resolveApproved(server, { resolver: options.resolver, allowPrivate: options.allowPrivate ?? false });
      const addresses = pickAddresses(approved);
      if (addresses.length > 0) return { server, addresses, total: approved.length };
    } catch (error) {
      firstError ??= error;
      if (error instanceof LookupUnavailableError) lookupFailure ??= error;
    }
    if (options.signal?.aborted) break;
  }
  // A name that does not exist may be a published one the person never typed; when DNS failed for another
  // candidate, "try again" is the truer answer than "check the spelling". A refusal (SSRF guard) still wins.
  if (lookupFailure && firstError instanceof TargetError && firstError.code === 'invalid-target') throw lookupFailure;
  throw firstError ?? invalidTarget(`${names[0] ?? 'The server'} has no address to connect to.`);
}

/**
 * Why a domain has no server to check, when discovery knows better than "the name has no address": its
 * DNS failed while the outgoing server was looked for (try again), or it receives mail but publishes no
 * outgoing server and has no usual name for one (the person did not mistype it).
 */
function whyNoServer(error: unknown, discovery: DiscoveryResult, typed: 'email address' | 'domain'): unknown {
  if (!(error instanceof TargetError) || error.code !== 'invalid-target' || discovery.candidates.length > 0) return error;
  const { domain, steps } = discovery;
  // A DNS question that failed (discover.ts words it so); a name that is not there is "not-found". Only the
  // MX question and the usual names count: home routers fail SRV questions for names that exist and for typos alike.
  const failed = steps.filter((step) => step.source !== 'srv' && step.outcome === 'error' && step.message.startsWith(DNS_FAILED)).map((step) => step.query);
  if (failed.length > 0) {
    return new LookupUnavailableError(
      `The outgoing server of ${domain} could not be looked for: DNS failed for ${[...new Set(failed)].join(', ')}. This is usually temporary; try again in 30 seconds.`,
    );
  }
  const receivesMail = steps.some((step) => step.source === 'mx' && step.message.startsWith(MX_RECEIVES));
  // Nothing at all for the domain, as DNS answered (not a discovery that gave up or an MX question the server
  // could not answer): the address (or domain) as typed is the likelier mistake, said in those words.
  const noMx = steps.some((step) => step.source === 'mx' && step.outcome === 'not-found' && step.message === NO_MX);
  if (!receivesMail) return noMx ? new TargetError('invalid-target', `${domain} has no mail server and no address in DNS; check the spelling of the ${typed}.`) : error;
  return new TargetError(
    'invalid-target',
    `${domain} receives mail, but no outgoing server was found for it: it publishes none (no SRV record or autoconfig file), and smtp.${domain}, mail.${domain} and ${domain} itself have no address. Ask the email provider for its outgoing server's name and check that name.`,
  );
}

/**
 * Whether the provider publishes implicit TLS (SSL) for this server on a port that normally starts in
 * plaintext, like SSL on 587: then the probe speaks TLS first there, as the customer's client will.
 */
function publishedImplicitTls(discovery: DiscoveryResult | null, server: string, port: ProbePort): boolean {
  if (port === 465) return false;
  return (discovery?.candidates ?? []).some(
    (candidate) => candidate.hostname === server && candidate.port === port && candidate.security === 'tls' && candidate.source !== 'guess',
  );
}

export async function probeTarget(input: string, callerOptions: ProbeTargetOptions): Promise<ProbeReport> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const parsed = parseTarget(input);
  if (!parsed.ok) throw invalidTarget(parsed.message);
  // Refused before any network work (no DNS, no discovery): localhost names are this computer.
  if (isLocalhostName(parsed.host) && callerOptions.allowPrivate !== true) {
    throw new TargetError('refused-target', `"${parsed.host}" names this computer itself (the loopback range), which the probe does not connect to.`);
  }
  const timeouts: ProbeTimeouts = { ...DEFAULT_TIMEOUTS, ...callerOptions.timeouts };
  // The whole probe has a deadline too, so nothing (a DNS server that never answers included) can hang it.
  const deadline = AbortSignal.timeout(probeDeadlineMs(timeouts.totalMs));
  const signal = callerOptions.signal ? AbortSignal.any([callerOptions.signal, deadline]) : deadline;
  const options: ProbeTargetOptions = { ...callerOptions, signal };
  // A listener that fails (a closed HTTP stream) must not break the probe for the others.
  const emit = (event: ProbeEvent) => {
    try {
      callerOptions.onEvent?.(event);
    } catch {
      /* the listener's own problem; the report is still returned */
    }
  };

  let discovery: DiscoveryResult | null = null;
  if (parsed.kind !== 'host' && options.discover !== false) {
    // Discovery quotes other people's servers (autoconfig files, DNS answers): cleaned as it enters.
    discovery = cleanDeep(await runDiscovery(parsed.domain, parsed.kind === 'email' ? parsed.value : null, options));
  }
  const names = [...new Set([...(discovery?.candidates.map((candidate) => candidate.hostname) ?? []), parsed.host])];
  const { server, addresses, total } = await chooseServer(names, options).catch((error: unknown) => {
    throw discovery ? whyNoServer(error, discovery, parsed.kind === 'email' ? 'email address' : 'domain') : error;
  });
  await options.admit?.(addresses.map((address) => address.address));

  // A port the provider published (say 2525) is worth checking even when the caller kept the defaults.
  const ports = [...(options.ports ?? DEFAULT_PORTS)];
  const published = discovery?.candidates.find((candidate) => candidate.hostname === server)?.port;
  if (!options.ports && PROBE_PORTS.includes(published as ProbePort) && !ports.includes(published as ProbePort)) {
    ports.push(published as ProbePort);
  }
  ports.sort((a, b) => a - b);

  emit({ type: 'start', target: parsed.value, server, kind: parsed.kind, ports, addresses: addresses.map((a) => a.address) });
  if (discovery) emit({ type: 'discovery', discovery });

  const probe = options.probePort ?? probePort;
  const results = await Promise.all(
    ports.flatMap((port) =>
      addresses.map(async ({ address, family }) => {
        const base = { address, family, port, hostname: server, timeouts, signal, ...(options.ehloName ? { ehloName: options.ehloName } : {}) };
        let result = await probe({ ...base, ...(publishedImplicitTls(discovery, server, port) ? { implicitTls: true } : {}) });
        // The provider's file may be out of date: a plain SMTP server where it promised TLS gets the usual STARTTLS try.
        if (result.state === 'tls-unexpected' && port !== 465 && !signal.aborted) result = await probe(base);
        // Banners, EHLO lines, AUTH lists and certificate names are the mail server's own text: control
        // and bidi characters are dropped here, before any event, advice or cache sees them.
        result = cleanDeep(result);
        emit({ type: 'port', result });
        return result;
      }),
    ),
  );
  results.sort((a, b) => a.port - b.port || a.family - b.family);

  const { recommendation, warnings } = recommend(results, { server, discovery, addressCount: total });
  const report: ProbeReport = {
    target: parsed.value,
    kind: parsed.kind,
    server,
    discovery,
    ports: results,
    recommendation,
    warnings,
    startedAt,
    durationMs: Date.now() - started,
    cached: false,
  };
  if (signal.aborted) interrupted.add(report);
  emit({ type: 'done', report });
  return report;
}
