/**
 * The probe service's state when several instances share one Redis (REDIS_URL): the report cache, the
 * per-target limit and the coalescing of identical probes in flight. Each falls back to this instance's
 * own memory whenever Redis cannot be used (see redis.ts), and without REDIS_URL only the in-memory
 * parts exist, exactly as before.
 *
 * Redis is not trusted more than the network: a value read back is parsed, checked with the same shape
 * check the extension applies to the service's answers, cleaned like any text from elsewhere, and
 * deleted when it does not pass.
 */
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProbeReport } from '../core/api';
import { cleanDeep } from '../core/sanitize';
import { isProbeReport, isRecord } from '../core/report-shape';
import { KEY_PREFIX, type SharedRedis } from './redis';
import { ReportCache } from './report-cache';
import { TargetLimiter } from './target-limit';

/** Keys name a hash of the probe's key: bounded length, and no email address written into Redis key names. */
export function redisKey(kind: 'report' | 'target' | 'flight' | 'result', key: string): string {
  return `${KEY_PREFIX}${kind}:${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
}

/** `{ key, expires?, report }` as written by this module; anything else is null. */
function readValue(raw: string | null, key: string): { report: ProbeReport; expires: number | null } | null {
  if (raw === null || raw.length > 4_000_000) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.key !== key || !isProbeReport(value.report)) return null;
  if (value.expires !== undefined && (typeof value.expires !== 'number' || !Number.isFinite(value.expires))) return null;
  return { report: cleanDeep(value.report), expires: typeof value.expires === 'number' ? value.expires : null };
}

/**
 * Two levels: this instance's LRU (as without Redis) in front of Redis. A report found in Redis is
 * copied into the LRU until the time it expires in Redis, so a popular answer costs one Redis read per
 * instance, not one per request.
 */
export class SharedReportCache {
  private readonly local: ReportCache;

  constructor(
    private readonly ttlMs: number,
    maxEntries: number,
    private readonly shared: SharedRedis | null,
  ) {
    this.local = new ReportCache(ttlMs, maxEntries);
  }

  get size(): number {
    return this.local.size;
  }

  async get(key: string): Promise<{ report: ProbeReport; json: string } | null> {
    const hit = this.local.get(key);
    if (hit || !this.shared || !this.local.enabled) return hit;
    const storeKey = redisKey('report', key);
    const raw = await this.shared.attempt((redis) => redis.get(storeKey), null);
    if (raw === null) return null;
    const value = readValue(raw, key);
    if (!value || value.expires === null) {
      await this.shared.attempt((redis) => redis.del(storeKey), 0);
      return null;
    }
    this.local.set(key, value.report, value.expires);
    return this.local.get(key);
  }

  async set(key: string, report: ProbeReport): Promise<void> {
    if (!this.local.enabled) return;
    const expires = Date.now() + this.ttlMs;
    this.local.set(key, report, expires);
    if (!this.shared) return;
    const value = JSON.stringify({ key, expires, report: { ...report, cached: true } });
    await this.shared.attempt((redis) => redis.set(redisKey('report', key), value, 'PX', this.ttlMs), null);
  }
}

/**
 * The sliding window of target-limit.ts as a sorted set of start times per target, trimmed and counted
 * in one script so two instances cannot both take the last probe. Times come from Redis's clock, so
 * instances whose clocks differ still agree.
 */
const TAKE_SCRIPT = `
local window = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.ceil((tonumber(oldest[2]) + window - now) / 1000))
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0
`;

export class SharedTargetLimiter {
  private readonly local: TargetLimiter;

  constructor(
    private readonly perMinute: number,
    private readonly shared: SharedRedis | null,
  ) {
    this.local = new TargetLimiter(perMinute);
  }

  /** Records a probe of `target`; null when allowed, else the seconds to wait. */
  async take(target: string): Promise<number | null> {
    if (this.perMinute <= 0) return null;
    if (this.shared) {
      const wait = await this.shared.attempt((redis) => redis.eval(TAKE_SCRIPT, 1, redisKey('target', target), 60_000, this.perMinute, randomUUID()), null);
      if (typeof wait === 'number' && Number.isInteger(wait) && wait >= 0) return wait === 0 ? null : wait;
    }
    return this.local.take(target);
  }
}

/** Deletes the lock only if it is still ours (it may have expired and been taken by another run). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** How often a waiting instance looks for the leader's report. */
const POLL_MS = 100;
/** How long a finished run's report stays readable for the instances that waited on it. */
const RESULT_TTL_MS = 30_000;

export interface RunOutcome {
  report: ProbeReport;
  /** Whether the report describes the server (not a run stopped part-way) and may be handed on. */
  keep: boolean;
}

/**
 * Identical probes on different instances run once. The first instance takes a lock per probe key
 * (SET NX PX, with a token naming its run) and runs; the others wait for the report that run leaves
 * under its token. A run that ends without a report worth handing on (stopped, refused) leaves none:
 * the waiting instances then try again, one of them taking the lock. The lock's expiry bounds the
 * wait if the leading instance dies. Whenever Redis cannot be used, an instance simply runs its own.
 */
export class FlightCoordinator {
  constructor(
    private readonly shared: SharedRedis,
    private readonly lockTtlMs: number,
  ) {}

  /**
   * Runs `run` here, or waits for the same probe on another instance. `remote` tells which: a report
   * from elsewhere arrives whole, without the events that led to it.
   */
  async run(key: string, signal: AbortSignal, run: () => Promise<RunOutcome>): Promise<{ report: ProbeReport; remote: boolean }> {
    const lockKey = redisKey('flight', key);
    for (;;) {
      signal.throwIfAborted();
      const token = randomUUID();
      const taken = await this.shared.attempt((redis) => redis.set(lockKey, token, 'PX', this.lockTtlMs, 'NX'), undefined);
      if (taken === undefined) return { report: (await run()).report, remote: false };
      if (taken === 'OK') return { report: await this.lead(key, lockKey, token, run), remote: false };
      const report = await this.follow(key, lockKey, signal);
      if (report === 'unavailable') return { report: (await run()).report, remote: false };
      if (report) return { report: { ...report, cached: false }, remote: true };
    }
  }

  private async lead(key: string, lockKey: string, token: string, run: () => Promise<RunOutcome>): Promise<ProbeReport> {
    try {
      const { report, keep } = await run();
      if (keep) {
        const value = JSON.stringify({ key, report });
        await this.shared.attempt((redis) => redis.set(redisKey('result', token), value, 'PX', RESULT_TTL_MS), null);
      }
      return report;
    } finally {
      await this.shared.attempt((redis) => redis.eval(RELEASE_SCRIPT, 1, lockKey, token), 0);
    }
  }

  /**
   * Waits while the lock is held; the report of the run that held it, null when that run left none (try
   * again), or 'unavailable' when Redis went away meanwhile.
   */
  private async follow(key: string, lockKey: string, signal: AbortSignal): Promise<ProbeReport | null | 'unavailable'> {
    let holder: string | null = null;
    for (;;) {
      // One MGET reads both atomically: a lock gone and no report means the run left none.
      const keys: string[] = holder === null ? [lockKey] : [lockKey, redisKey('result', holder)];
      const values: (string | null)[] | undefined = await this.shared.attempt((redis) => redis.mget(...keys), undefined);
      if (values === undefined) return 'unavailable';
      const lock: string | null = values[0] ?? null;
      const raw: string | null = values[1] ?? null;
      if (holder !== null && raw !== null) {
        const value = readValue(raw, key);
        if (value) return value.report;
      }
      // The run has ended (or its lock expired) and, since its report is written before its lock is
      // released, it left none: try again.
      if (lock === null || (holder !== null && lock !== holder)) return null;
      holder = lock;
      await sleep(POLL_MS, undefined, { signal });
    }
  }
}
