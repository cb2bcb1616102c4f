/**
 * The one Redis connection an instance shares its state through (REDIS_URL), and whether it can be used
 * right now. Every caller asks `usable` first and falls back to its own in-memory state when it is not,
 * so a Redis that goes away costs sharing, never answers:
 * - commands are never queued while disconnected (`enableOfflineQueue: false`) and give up after
 *   COMMAND_TIMEOUT_MS, so a request waits at most that long on Redis;
 * - a command that times out on a connection that still looks open (a stalled Redis) pauses Redis use
 *   for PAUSE_MS instead of making every request wait for its own timeout;
 * - ioredis reconnects by itself, at most RECONNECT_MAX_MS apart; the first command that succeeds again
 *   switches the instance back to shared state.
 * Each change of state is logged once, and `/healthz` shows it with the time it began.
 */
import { Redis } from 'ioredis';

export const COMMAND_TIMEOUT_MS = 500;
const PAUSE_MS = 5000;
const RECONNECT_MAX_MS = 2000;

/** Every key this service writes starts with this, so it can share a Redis with other programs. */
export const KEY_PREFIX = 'spa:';

export type RedisState = 'connected' | 'unavailable';

export interface RedisHealth {
  state: RedisState;
  /** When the current state began (ISO 8601). */
  since: string;
}

export interface StateLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export class SharedRedis {
  readonly client: Redis;
  /** `starting` until the first connection succeeds or fails, so that one is logged too. */
  private state: RedisState | 'starting' = 'starting';
  private since = new Date();
  private pausedUntil = 0;
  private everConnected = false;

  constructor(
    url: string,
    private readonly log: StateLog,
  ) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, RECONNECT_MAX_MS),
      // Fail at once instead of holding a command for a reconnection that may never come.
      autoResendUnfulfilledCommands: false,
      lazyConnect: false,
    });
    this.client.on('ready', () => this.mark('connected', null));
    this.client.on('close', () => this.mark('unavailable', 'connection closed'));
    // ioredis reports every failed reconnection here; only the change of state is logged.
    this.client.on('error', (error: Error) => this.mark('unavailable', error.message.slice(0, 200)));
  }

  /** Whether a command is worth sending now; when false, use this instance's own state. */
  get usable(): boolean {
    return this.client.status === 'ready' && Date.now() >= this.pausedUntil;
  }

  get health(): RedisHealth {
    return { state: this.state === 'connected' && this.usable ? 'connected' : 'unavailable', since: this.since.toISOString() };
  }

  /**
   * Runs one Redis operation; on any failure returns `fallback` (the caller then uses its own state).
   * A timeout on an open connection pauses Redis use for a while.
   */
  async attempt<T, F>(operation: (redis: Redis) => Promise<T>, fallback: F): Promise<T | F> {
    if (!this.usable) return fallback;
    try {
      const result = await operation(this.client);
      this.succeeded();
      return result;
    } catch (error) {
      this.failed(error);
      return fallback;
    }
  }

  /** For callers that use the client directly (the rate-limit store): a command went through. */
  succeeded(): void {
    if (this.state !== 'connected') this.mark('connected', null);
  }

  /**
   * For callers that use the client directly: a command failed. A timeout on a connection that looks
   * open means a stalled Redis; the next command after the pause tells whether it answers again.
   */
  failed(error: unknown): void {
    if (this.client.status === 'ready' && /timed? ?out/i.test(error instanceof Error ? error.message : String(error))) {
      this.pausedUntil = Date.now() + PAUSE_MS;
      this.mark('unavailable', 'commands time out');
    }
  }

  private mark(state: RedisState, reason: string | null): void {
    if (state === this.state) return;
    this.state = state;
    this.since = new Date();
    if (state === 'connected') {
      this.log.info({ redis: 'connected' }, this.everConnected ? 'Redis is back: limits, cache and in-flight probes are shared again' : 'Redis connected: limits, cache and in-flight probes are shared');
      this.everConnected = true;
    } else {
      this.log.warn({ redis: 'unavailable', reason }, 'Redis unavailable: limits, cache and in-flight probes are per instance until it returns');
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
