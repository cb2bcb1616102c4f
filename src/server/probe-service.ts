/**
 * What the HTTP routes need around a probe, kept free of Fastify so it can be read (and tested) on its
 * own: the report cache, the per-target limit and the cap on probes in flight.
 */
import { DEFAULT_PORTS, type DiscoveryResult, type PortResult, type ProbeEvent, type ProbePort, type ProbeReport } from '../core/api';
import { parseTarget } from '../core/target';
import type { ServiceConfig } from './config';
import type { DnsResolver } from './dns';
import { discover, type DiscoveryOptions } from './discovery/discover';
import type { FetchText } from './discovery/http-fetch';
import { ApiFailure } from './errors';
import { probeTarget } from './probe';
import { ReportCache } from './report-cache';
import type { ProbePortOptions } from './smtp/probe-port';
import { TargetLimiter } from './target-limit';

export interface ProbeDependencies {
  resolver: DnsResolver;
  fetch: FetchText;
  autoconfigUrls?: DiscoveryOptions['autoconfigUrls'];
  probePort?: (options: ProbePortOptions) => Promise<PortResult>;
}

export interface ProbeOutcome {
  report: ProbeReport;
  /** The serialised report when it came from the cache (sent as is). */
  json: string | null;
}

export class ProbeService {
  private readonly cache: ReportCache;
  private readonly targetLimiter: TargetLimiter;
  private inFlight = 0;

  constructor(
    private readonly config: ServiceConfig,
    private readonly dependencies: ProbeDependencies,
  ) {
    this.cache = new ReportCache(config.cacheTtlMs, config.cacheMax);
    this.targetLimiter = new TargetLimiter(config.rateLimitTargetPerMinute);
  }

  get stats(): { inFlight: number; cached: number } {
    return { inFlight: this.inFlight, cached: this.cache.size };
  }

  /** Throws ApiFailure (400 invalid target, 429 target limit, 503 busy) or whatever probeTarget throws. */
  async probe(
    target: string,
    requestedPorts: ProbePort[] | undefined,
    options: { signal?: AbortSignal; onEvent?: (event: ProbeEvent) => void },
  ): Promise<ProbeOutcome> {
    const parsed = parseTarget(target);
    if (!parsed.ok) throw new ApiFailure(400, 'invalid-target', parsed.message);
    const ports = [...(requestedPorts ?? DEFAULT_PORTS)].sort((a, b) => a - b);
    const key = `${parsed.value}|${ports.join(',')}|${requestedPorts ? 'exact' : 'default'}`;

    const hit = this.cache.get(key);
    if (hit) {
      replay(hit.report, options.onEvent);
      return { report: hit.report, json: hit.json };
    }
    const report = await this.limited(parsed.kind === 'email' ? parsed.domain : parsed.value, () =>
      probeTarget(target, {
        resolver: this.dependencies.resolver,
        fetch: this.dependencies.fetch,
        ispdbUrl: this.config.ispdbUrl,
        ...(this.dependencies.autoconfigUrls ? { autoconfigUrls: this.dependencies.autoconfigUrls } : {}),
        ...(this.dependencies.probePort ? { probePort: this.dependencies.probePort } : {}),
        ...(requestedPorts ? { ports } : {}),
        allowPrivate: this.config.allowPrivate,
        timeouts: this.config.timeouts,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      }),
    );
    this.cache.set(key, report);
    return { report, json: null };
  }

  async discover(address: string, signal?: AbortSignal): Promise<DiscoveryResult> {
    const parsed = parseTarget(address);
    if (!parsed.ok) throw new ApiFailure(400, 'invalid-target', parsed.message);
    if (parsed.domain === parsed.host && parsed.kind === 'host' && !parsed.host.includes('.')) {
      throw new ApiFailure(400, 'invalid-target', 'Discovery needs an email address or a mail domain, not a single-label name.');
    }
    if (/^[\d.]+$|:/.test(parsed.domain)) {
      throw new ApiFailure(400, 'invalid-target', 'Discovery needs an email address or a mail domain, not an IP address.');
    }
    return this.limited(parsed.domain, () =>
      discover(parsed.domain, parsed.kind === 'email' ? parsed.value : null, {
        resolver: this.dependencies.resolver,
        fetch: this.dependencies.fetch,
        ispdbUrl: this.config.ispdbUrl,
        ...(this.dependencies.autoconfigUrls ? { autoconfigUrls: this.dependencies.autoconfigUrls } : {}),
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
      }),
    );
  }

  /** Busy is checked before the target's quota so a refused request does not use it up. */
  private async limited<T>(target: string, work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.config.maxInFlight) {
      throw new ApiFailure(503, 'busy', 'The probe service is busy with other checks; try again in a few seconds.');
    }
    const wait = this.targetLimiter.take(target);
    if (wait !== null) {
      throw new ApiFailure(429, 'rate-limited', `${target} was checked several times in the last minute; wait ${wait} s before checking it again.`, wait);
    }
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
    }
  }
}

/** A cached report told as the same event sequence a live probe produces. */
function replay(report: ProbeReport, onEvent: ((event: ProbeEvent) => void) | undefined): void {
  if (!onEvent) return;
  const addresses = [...new Set(report.ports.map((result) => result.address))];
  const ports = [...new Set(report.ports.map((result) => result.port))];
  onEvent({ type: 'start', target: report.target, server: report.server, kind: report.kind, ports, addresses });
  if (report.discovery) onEvent({ type: 'discovery', discovery: report.discovery });
  for (const result of report.ports) onEvent({ type: 'port', result });
  onEvent({ type: 'done', report });
}
