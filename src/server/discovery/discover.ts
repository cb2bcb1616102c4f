/**
 * Finds the outgoing (submission) server of a mail domain the way Thunderbird's account setup does, and
 * records every question asked as a `DiscoveryStep` so a person can follow the reasoning:
 *
 * 1. RFC 6186 SRV records (and RFC 8314 §5.1 `_submissions` for implicit TLS);
 * 2. the domain's own autoconfig file (autoconfig.D, then D/.well-known);
 * 3. Thunderbird's ISPDB;
 * 4. the ISPDB entry of the base domain of the lowest-preference MX (hosted mail: Google, Microsoft...);
 * 5. guesses: smtp.D, mail.D, D — only when nothing above answered.
 *
 * The independent groups run in parallel; within a group the order above holds (Thunderbird stops at the
 * first autoconfig that answers). Nothing here connects to an SMTP port.
 */
import type { DiscoveryResult, DiscoveryStep, IncomingServerCandidate, OutgoingServerCandidate } from '../../core/api';
import { parseTarget } from '../../core/target';
import { dnsErrorCode, isTransientLookupFailure, lookupFailureWords, NO_NAME_CODES, NO_RECORD_CODES, type DnsResolver } from '../dns';
import { parseAutoconfig } from './autoconfig-xml';
import { baseDomain } from '../../core/base-domain';
import { createSafeFetch, type FetchText } from './http-fetch';
import { mayConnect } from '../guard';

export const DEFAULT_ISPDB_URL = 'https://autoconfig.thunderbird.net/v1.1/';

export interface DiscoveryOptions {
  resolver: DnsResolver;
  /** Defaults to the SSRF-filtered, size- and time-capped HTTPS reader. */
  fetch?: FetchText;
  /** Base URL of the ISPDB; the file name is the domain. */
  ispdbUrl?: string;
  /** The domain's own autoconfig URLs, in the order to try. */
  autoconfigUrls?: (domain: string, email: string | null) => string[];
  signal?: AbortSignal;
  /** As the probe allows (CLI --allow-private, PROBE_ALLOW_PRIVATE=1): a guess whose addresses are loopback, RFC 1918 or unique-local still counts. */
  allowPrivate?: boolean;
}

/** https://wiki.mozilla.org/Thunderbird:Autoconfiguration#Implementation */
export function standardAutoconfigUrls(domain: string, email: string | null): string[] {
  const query = email ? `?emailaddress=${encodeURIComponent(email)}` : '';
  return [
    `https://autoconfig.${domain}/mail/config-v1.1.xml${query}`,
    `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

interface StepResult {
  steps: DiscoveryStep[];
  candidates: OutgoingServerCandidate[];
  /** Incoming servers from a configuration file (SRV for IMAP/POP is not asked). */
  incoming?: IncomingServerCandidate[];
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A usable host name for a candidate: a DNS name or an IP literal, never an email address or junk. */
function isServerName(hostname: string): boolean {
  const parsed = parseTarget(hostname);
  return parsed.ok && parsed.kind !== 'email';
}

/** How a discovery step that met a failing DNS server begins (probe.ts tells it from a name that is not there). */
export const DNS_FAILED = 'The DNS lookup failed:';
/** How the MX step begins when the domain receives mail, and its whole sentence when it has no MX (probe.ts reads both). */
export const MX_RECEIVES = 'Mail is received by';
export const NO_MX = 'The domain has no MX record, so it receives no mail.';

/** A failed question: passing trouble (SERVFAIL, no answer) begins with DNS_FAILED; a question the server could not read does not. */
function dnsFailureMessage(error: unknown): string {
  return isTransientLookupFailure(error) ? `${DNS_FAILED} ${lookupFailureWords(error)}.` : `The DNS server could not answer the question (${lookupFailureWords(error)}).`;
}

/** RFC 2782 order: lowest priority first, then the heavier weight. */
async function srvStep(resolver: DnsResolver, name: string, security: 'tls' | 'starttls'): Promise<StepResult> {
  const kind = security === 'tls' ? 'implicit TLS' : 'STARTTLS';
  try {
    const records = (await resolver.resolveSrv(name)).sort((a, b) => a.priority - b.priority || b.weight - a.weight);
    // RFC 6186 §3.1 / RFC 2782: a single record with target "." says the service is decidedly not offered.
    const offered = records.filter((record) => record.name !== '' && record.name !== '.');
    if (records.length > 0 && offered.length === 0) {
      return { steps: [{ source: 'srv', query: name, outcome: 'not-found', message: `The domain states (target ".") that it offers no ${kind} submission.` }], candidates: [] };
    }
    const candidates = offered
      .map((record): OutgoingServerCandidate => ({
        hostname: record.name.toLowerCase().replace(/\.$/, ''),
        port: record.port,
        security,
        authentication: 'password',
        source: 'srv',
        detail: `SRV ${name}`,
      }))
      .filter((candidate) => isServerName(candidate.hostname) && candidate.port > 0);
    if (candidates.length === 0) {
      return { steps: [{ source: 'srv', query: name, outcome: 'not-found', message: `No SRV record for ${kind} submission.` }], candidates: [] };
    }
    const first = candidates[0]!;
    return {
      steps: [{ source: 'srv', query: name, outcome: 'found', message: `Published ${kind} submission at ${first.hostname} port ${first.port}.` }],
      candidates,
    };
  } catch (error) {
    if (NO_RECORD_CODES.has(dnsErrorCode(error))) {
      return { steps: [{ source: 'srv', query: name, outcome: 'not-found', message: `No SRV record for ${kind} submission.` }], candidates: [] };
    }
    return { steps: [{ source: 'srv', query: name, outcome: 'error', message: dnsFailureMessage(error) }], candidates: [] };
  }
}

async function configFileStep(
  fetch: FetchText,
  url: string,
  source: 'autoconfig' | 'ispdb',
  domain: string,
  email: string | null,
  signal: AbortSignal | undefined,
  userDomain: string = domain,
): Promise<StepResult> {
  // The email address is personal data: the step shows the URL without its query.
  const query = url.split('?')[0] ?? url;
  try {
    const answer = await fetch(url, signal ? { signal } : {});
    if (answer.status === 404 || answer.status === 410) {
      return { steps: [{ source, query, outcome: 'not-found', message: 'No configuration file there.' }], candidates: [] };
    }
    if (answer.status !== 200) {
      return { steps: [{ source, query, outcome: 'error', message: `The web server answered HTTP ${answer.status}.` }], candidates: [] };
    }
    const parsed = parseAutoconfig(answer.text, { domain, email, userDomain });
    if (!parsed.ok) return { steps: [{ source, query, outcome: 'error', message: parsed.message }], candidates: [] };
    const candidates = parsed.servers
      .filter((server) => isServerName(server.hostname))
      .map((server): OutgoingServerCandidate => ({ ...server, source, detail: query }));
    if (candidates.length === 0) {
      return { steps: [{ source, query, outcome: 'error', message: 'The file names no valid outgoing server.' }], candidates: [] };
    }
    const first = candidates[0]!;
    return {
      steps: [{ source, query, outcome: 'found', message: `Lists outgoing server ${first.hostname} port ${first.port}.` }],
      candidates,
      incoming: parsed.incoming.map((server): IncomingServerCandidate => ({ ...server, source, detail: query })),
    };
  } catch (error) {
    return { steps: [{ source, query, outcome: 'error', message: `Could not read it: ${reason(error)}` }], candidates: [] };
  }
}

/** Tries addresses in order and stops at the first that lists a server; the rest are shown as skipped. */
async function firstFound(attempts: Array<{ query: string; run: () => Promise<StepResult> }>): Promise<StepResult> {
  const result: StepResult = { steps: [], candidates: [] };
  for (const attempt of attempts) {
    if (result.candidates.length > 0) {
      result.steps.push({ source: 'autoconfig', query: attempt.query, outcome: 'skipped', message: 'Not needed: the previous address already answered.' });
      continue;
    }
    const next = await attempt.run();
    result.steps.push(...next.steps);
    result.candidates.push(...next.candidates);
    if (next.incoming) result.incoming = [...(result.incoming ?? []), ...next.incoming];
  }
  return result;
}

async function mxStep(
  resolver: DnsResolver,
  domain: string,
  readIspdb: (domain: string) => Promise<StepResult>,
): Promise<StepResult> {
  let exchange: string;
  try {
    const records = (await resolver.resolveMx(domain)).filter((record) => record.exchange !== '' && record.exchange !== '.');
    records.sort((a, b) => a.priority - b.priority);
    if (records.length === 0) {
      return { steps: [{ source: 'mx', query: domain, outcome: 'not-found', message: NO_MX }], candidates: [] };
    }
    exchange = records[0]!.exchange.toLowerCase().replace(/\.$/, '');
  } catch (error) {
    const notFound = NO_RECORD_CODES.has(dnsErrorCode(error));
    return {
      steps: [{
        source: 'mx',
        query: domain,
        outcome: notFound ? 'not-found' : 'error',
        message: notFound ? NO_MX : dnsFailureMessage(error),
      }],
      candidates: [],
    };
  }
  const base = baseDomain(exchange);
  if (base === domain || !isServerName(base)) {
    return {
      steps: [{ source: 'mx', query: domain, outcome: 'not-found', message: `${MX_RECEIVES} ${exchange}, inside the domain itself; no hosting provider to look up.` }],
      candidates: [],
    };
  }
  const step: DiscoveryStep = { source: 'mx', query: domain, outcome: 'found', message: `${MX_RECEIVES} ${exchange}, so the provider is probably ${base}.` };
  const provider = await readIspdb(base);
  return {
    steps: [step, ...provider.steps.map((s) => ({ ...s, source: 'mx' as const }))],
    candidates: provider.candidates.map((candidate) => ({ ...candidate, source: 'mx' as const, detail: `MX ${exchange} → ${candidate.detail}` })),
    incoming: (provider.incoming ?? []).map((server) => ({ ...server, source: 'mx' as const, detail: `MX ${exchange} → ${server.detail}` })),
  };
}

/**
 * A guessed name counts when it has an address and every address is one the probe may connect to (as
 * `resolveApproved` holds it). A name with none and a name the probe would refuse read alike and its
 * addresses are never said: behind a split-horizon resolver they would map the internal DNS.
 */
async function guessStep(resolver: DnsResolver, name: string, allowPrivate: boolean): Promise<StepResult> {
  const settled = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  const addresses = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
  const failure = settled.find((result) => result.status === 'rejected' && isTransientLookupFailure(result.reason));
  // NXDOMAIN for either question says the name does not exist, whatever the other one met (guard.ts does the same).
  const missing = settled.some((result) => result.status === 'rejected' && NO_NAME_CODES.has(dnsErrorCode(result.reason)));
  if (addresses.length === 0 && failure?.status === 'rejected' && !missing) {
    return { steps: [{ source: 'guess', query: name, outcome: 'error', message: `${DNS_FAILED} ${lookupFailureWords(failure.reason)}.` }], candidates: [] };
  }
  if (addresses.length === 0 || !addresses.every((address) => mayConnect(address, allowPrivate))) {
    return { steps: [{ source: 'guess', query: name, outcome: 'not-found', message: 'This name has no public address.' }], candidates: [] };
  }
  return {
    steps: [{ source: 'guess', query: name, outcome: 'found', message: 'This name has an address; it may be the outgoing server.' }],
    // RFC 8314 §3.3 makes 465 the preferred port, but 587 is still the most widely configured guess.
    candidates: [{ hostname: name, port: 587, security: 'starttls', authentication: 'password', source: 'guess', detail: `guess: ${name} has an address` }],
  };
}

function withAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function dedupe(candidates: OutgoingServerCandidate[]): OutgoingServerCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = `${candidate.hostname}|${candidate.port}|${candidate.security}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `domain` must already be a valid, lower-case domain name (see parseTarget); `email` is only used for
 * the autoconfig query, %EMAILLOCALPART% and the candidates' user names, and is never put into a step.
 */
export async function discover(domain: string, email: string | null, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const fetch = options.fetch ?? createSafeFetch();
  const ispdbUrl = options.ispdbUrl ?? DEFAULT_ISPDB_URL;
  const autoconfigUrls = (options.autoconfigUrls ?? standardAutoconfigUrls)(domain, email);
  const { resolver, signal } = options;
  const readIspdb = (name: string) =>
    configFileStep(fetch, new URL(encodeURIComponent(name), ispdbUrl.endsWith('/') ? ispdbUrl : `${ispdbUrl}/`).href, 'ispdb', name, email, signal, domain);

  const groups = await withAbort(
    Promise.all([
      srvStep(resolver, `_submissions._tcp.${domain}`, 'tls'),
      srvStep(resolver, `_submission._tcp.${domain}`, 'starttls'),
      firstFound(
        autoconfigUrls.map((url) => ({
          query: url.split('?')[0] ?? url,
          run: () => configFileStep(fetch, url, 'autoconfig', domain, email, signal),
        })),
      ),
      readIspdb(domain),
      mxStep(resolver, domain, readIspdb),
    ]),
    signal,
  );

  const steps = groups.flatMap((group) => group.steps);
  let candidates = groups.flatMap((group) => group.candidates);
  const guesses = [`smtp.${domain}`, `mail.${domain}`, domain];
  if (candidates.length === 0) {
    // Guesses go in order and stop at the first name that exists, as a person would try them.
    for (const name of guesses) {
      const guess = await withAbort(guessStep(resolver, name, options.allowPrivate === true), signal);
      steps.push(...guess.steps);
      if (guess.candidates.length > 0) {
        candidates = guess.candidates;
        break;
      }
    }
  } else {
    steps.push({ source: 'guess', query: guesses.join(', '), outcome: 'skipped', message: 'Not needed: a published setting was found above.' });
  }
  // Incoming servers in the same order of trust as the outgoing ones: autoconfig, ISPDB, then the MX's provider.
  const incoming = groups.flatMap((group) => group.incoming ?? []);
  return { domain, candidates: dedupe(candidates), steps, incoming };
}
