/**
 * The per-client limit's counters: in Redis while it can be used (@fastify/rate-limit's own Redis store,
 * so every instance counts the same requests), in this instance's memory while it cannot. A request is
 * never refused or failed because Redis is away; it is counted locally instead.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import { KEY_PREFIX, type SharedRedis } from './redis';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

/** Matches the plug-in's own default LRU size for per-instance counters. */
const LOCAL_KEYS = 5000;

export function sharedRateLimitStore(shared: SharedRedis): FastifyRateLimitStoreCtor {
  class FallbackStore implements FastifyRateLimitStore {
    private readonly remote: FastifyRateLimitStore;
    private readonly local: FastifyRateLimitStore;

    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean }, key = `${KEY_PREFIX}client:`) {
      const continueExceeding = options.continueExceeding === true;
      const exponentialBackoff = options.exponentialBackoff === true;
      this.remote = new RedisStore(continueExceeding, exponentialBackoff, shared.client, key);
      this.local = new LocalStore(continueExceeding, exponentialBackoff, LOCAL_KEYS);
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      if (!shared.usable) return this.local.incr(key, callback, timeWindow, max);
      this.remote.incr(
        key,
        (error, result) => {
          if (error || !result || !Number.isFinite(result.current) || !Number.isFinite(result.ttl)) {
            if (error) shared.failed(error);
            return this.local.incr(key, callback, timeWindow, max);
          }
          shared.succeeded();
          callback(null, result);
        },
        timeWindow,
        max,
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plug-in passes the merged settings with the route under `routeInfo`, as its Redis store reads them.
      const merged = routeOptions as { continueExceeding?: boolean; exponentialBackoff?: boolean; routeInfo?: { method?: unknown; url?: unknown } };
      const route = `${String(merged.routeInfo?.method ?? '')}${String(merged.routeInfo?.url ?? '')}`;
      return new FallbackStore(merged, `${KEY_PREFIX}client:${route}-`);
    }
  }
  return FallbackStore;
}
