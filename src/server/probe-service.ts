/**
 * What the HTTP routes need around a probe, kept free of Fastify so it can be read (and tested) on its
 * own: the report cache, the sharing of identical probes in flight, the per-target limit and the cap on
 * probes in flight. Given a Redis (shared-state.ts), the cache, the target limit and the sharing of
 * probes in flight span every instance using it; the cap on probes in flight stays per instance.
 */
import { DEFAULT_PORTS, type DiscoveryResult, type PortResult, type ProbeEvent, type ProbePort, type ProbeReport } from '../core/api';
import { checkHostName, isLocalhostName } from '../core/host-name';
import { checkPortList } from '../core/port-list';
import { cleanDeep } from '../core/sanitize';
import { parseTarget } from '../core/target';
import type { ServiceConfig } from './config';
import type { DnsResolver } from './dns';
import { discover, type DiscoveryOptions } from './discovery/discover';
import type { FetchText } from './discovery/http-fetch';
import { ApiFailure } from './errors';
import { probeTarget, wasInterrupted } from './probe';
import type { SharedRedis } from './redis';
import { FlightCoordinator, SharedReportCache, SharedTargetLimiter, type RunOutcome } from './shared-state';
import type { ProbePortOptions } from './smtp/probe-port';

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

/**
 * One probe run shared by every caller asking the same question (same target, same ports) while it runs.
 * It is stopped only when the last caller has gone; a caller that joins late gets the events so far first.
 */
interface Flight {
  controller: AbortController;
  callers: number;
  events: ProbeEvent[];
  listeners: Set<(event: ProbeEvent) => void>;
  done: Promise<ProbeReport>;
}

/** When a client refused as busy may try again (Retry-After): a probe of its own takes about this long. */
const BUSY_RETRY_SECONDS = 5;

export class ProbeService {
  private readonly cache: SharedReportCache;
  private readonly flights = new Map<string, Flight>();
  private readonly targetLimiter: SharedTargetLimiter;
  /** Identical probes on other instances; null without Redis. */
  private readonly coordinator: FlightCoordinator | null;
  private inFlight = 0;

  constructor(
    private readonly config: ServiceConfig,
    private readonly dependencies: ProbeDependencies,
    shared: SharedRedis | null = null,
  ) {
    this.cache = new SharedReportCache(config.cacheTtlMs, config.cacheMax, shared);
    this.targetLimiter = new SharedTargetLimiter(config.rateLimitTargetPerMinute, shared);
    // A probe ends within discovery's budget, its total timeout and probe.ts's margin; the lock outlives
    // that a little, so only a crashed instance's lock ever expires on its own.
    this.coordinator = shared ? new FlightCoordinator(shared, config.timeouts.totalMs + 20_000) : null;
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
    // The one port-list rule (core/port-list.ts); the request schema has already checked the shape.
    let checkedPorts: ProbePort[] | undefined;
    if (requestedPorts !== undefined) {
      const checked = checkPortList(requestedPorts);
      if (!checked.ok) throw new ApiFailure(400, 'invalid-request', checked.message);
      checkedPorts = checked.ports;
    }
    const ports = [...(checkedPorts ?? DEFAULT_PORTS)].sort((a, b) => a - b);
    const key = `${parsed.value}|${ports.join(',')}|${checkedPorts ? 'exact' : 'default'}`;

    const hit = await this.cache.get(key);
    if (hit) {
      replay(hit.report, options.onEvent);
      return { report: hit.report, json: hit.json };
    }
    // A flight whose callers have all gone is being stopped: its results would read "cancelled", so a
    // newcomer starts a fresh run instead of joining it.
    let flight = this.flights.get(key);
    if (!flight || flight.controller.signal.aborted) flight = this.takeOff(key, target, parsed.kind === 'email' ? parsed.domain : parsed.value, checkedPorts, ports);
    const report = await this.join(flight, options);
    return { report, json: null };
  }

  private takeOff(key: string, target: string, limitKey: string, requestedPorts: ProbePort[] | undefined, ports: ProbePort[]): Flight {
    const controller = new AbortController();
    const events: ProbeEvent[] = [];
    const listeners = new Set<(event: ProbeEvent) => void>();
    const broadcast = (event: ProbeEvent) => {
      events.push(event);
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          /* one caller's closed stream is not the others' problem */
        }
      }
    };
    const run = async (): Promise<RunOutcome> => {
      const report = await this.limited(limitKey, () =>
        probeTarget(target, {
          resolver: this.dependencies.resolver,
          fetch: this.dependencies.fetch,
          ispdbUrl: this.config.ispdbUrl,
          ...(this.dependencies.autoconfigUrls ? { autoconfigUrls: this.dependencies.autoconfigUrls } : {}),
          ...(this.dependencies.probePort ? { probePort: this.dependencies.probePort } : {}),
          ...(requestedPorts ? { ports } : {}),
          allowPrivate: this.config.allowPrivate,
          timeouts: this.config.timeouts,
          signal: controller.signal,
          onEvent: broadcast,
          admit: (addresses) => this.admitServer(addresses),
        }),
      );
      // A run stopped part-way (every caller left, or its deadline passed) describes the stop, not the
      // server: it is never served to anyone else, here or on another instance.
      const keep = !controller.signal.aborted && !wasInterrupted(report);
      if (keep) await this.cache.set(key, report);
      return { report, keep };
    };
    // Another instance's run arrives as its report alone; its callers here get it told as events.
    const shared = this.coordinator
      ? this.coordinator.run(key, controller.signal, run).then(({ report, remote }) => {
          if (remote) replay(report, broadcast);
          return report;
        })
      : run().then(({ report }) => report);
    const done = shared.finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    // Nobody may be waiting any more when it settles (all callers left); that is not an unhandled error.
    done.catch(() => {});
    const flight: Flight = { controller, callers: 0, events, listeners, done };
    this.flights.set(key, flight);
    return flight;
  }

  /** Waits for the flight's report as one of its callers; leaving (the caller's signal) stops it only if nobody else waits. */
  private join(flight: Flight, options: { signal?: AbortSignal; onEvent?: (event: ProbeEvent) => void }): Promise<ProbeReport> {
    const { signal, onEvent } = options;
    flight.callers += 1;
    if (onEvent) {
      for (const event of flight.events) onEvent(event);
      flight.listeners.add(onEvent);
    }
    return new Promise<ProbeReport>((resolve, reject) => {
      let present = true;
      const leave = (stopIfLast: boolean) => {
        if (!present) return;
        present = false;
        signal?.removeEventListener('abort', onAbort);
        if (onEvent) flight.listeners.delete(onEvent);
        flight.callers -= 1;
        if (stopIfLast && flight.callers === 0) flight.controller.abort();
      };
      function onAbort() {
        leave(true);
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('The caller went away.', 'AbortError'));
      }
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.done.then(
        (report) => {
          leave(false);
          resolve(report);
        },
        (error: unknown) => {
          leave(false);
          reject(error);
        },
      );
    });
  }

  async discover(address: string, signal?: AbortSignal): Promise<DiscoveryResult> {
    const parsed = parseTarget(address);
    if (!parsed.ok) throw new ApiFailure(400, 'invalid-target', parsed.message);
    if (parsed.domain === parsed.host && parsed.kind === 'host' && !parsed.host.includes('.')) {
      throw new ApiFailure(400, 'invalid-target', 'Discovery needs an email address or a mail domain, not a single-label name.');
    }
    const host = checkHostName(parsed.domain);
    if (host.ok && host.kind !== 'name') {
      throw new ApiFailure(400, 'invalid-target', 'Discovery needs an email address or a mail domain, not an IP address.');
    }
    if (isLocalhostName(parsed.domain)) {
      throw new ApiFailure(400, 'invalid-target', 'Discovery needs an email address or a mail domain, not a name for this computer (localhost).');
    }
    // What other people's servers wrote (autoconfig files, DNS answers) is cleaned before it is sent on.
    return this.limited(parsed.domain, async () =>
      cleanDeep(
        await discover(parsed.domain, parsed.kind === 'email' ? parsed.value : null, {
          resolver: this.dependencies.resolver,
          fetch: this.dependencies.fetch,
          ispdbUrl: this.config.ispdbUrl,
          ...(this.dependencies.autoconfigUrls ? { autoconfigUrls: this.dependencies.autoconfigUrls } : {}),
          signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
          allowPrivate: this.config.allowPrivate,
        }),
      ),
    );
  }

  /**
   * The target's quota counts the name asked for; this one counts the server reached, whatever it was
   * called (its address, its names, addresses at domains it serves), so wildcard DNS or many spellings
   * cannot turn the service against one mail server. The address is not said back.
   */
  private async admitServer(addresses: readonly string[]): Promise<void> {
    for (const address of addresses) {
      const wait = await this.targetLimiter.take(`address:${address}`);
      if (wait !== null) {
        throw new ApiFailure(429, 'rate-limited', `That mail server was checked several times in the last minute, under this or another name; wait ${wait} s before checking it again.`, wait);
      }
    }
  }

  /** Busy is checked before the target's quota so a refused request does not use it up. */
  private async limited<T>(target: string, work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.config.maxInFlight) {
      throw new ApiFailure(503, 'busy', `The probe service is busy with other checks; try again in ${BUSY_RETRY_SECONDS} s.`, BUSY_RETRY_SECONDS);
    }
    // Counted before the (possibly remote) quota check, so the checks in progress cannot overshoot the cap.
    this.inFlight += 1;
    try {
      const wait = await this.targetLimiter.take(target);
      if (wait !== null) {
        throw new ApiFailure(429, 'rate-limited', `${target} was checked several times in the last minute; wait ${wait} s before checking it again.`, wait);
      }
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
