/**
 * The service's settings, read from the environment once at start and checked, so a typo stops the
 * service with one clear sentence instead of running with a surprising value.
 */
import { DEFAULT_TIMEOUTS, type ProbeTimeouts } from './smtp/probe-port';
import { DEFAULT_ISPDB_URL } from './discovery/discover';

export interface ServiceConfig {
  host: string;
  port: number;
  /** Let probes reach loopback and private addresses (local testing only). */
  allowPrivate: boolean;
  /** How long a report is reused; 0 turns the cache off. */
  cacheTtlMs: number;
  cacheMax: number;
  /** Probes running at once; more get 503 busy. */
  maxInFlight: number;
  timeouts: ProbeTimeouts;
  /** Requests per minute per client address; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Probes per minute per target (cache hits excluded); 0 turns the limit off. */
  rateLimitTargetPerMinute: number;
  /** Origins allowed by CORS: the extension's own, by default the Chrome Web Store id. */
  corsOrigins: string[];
  ispdbUrl: string;
  /**
   * redis:// or rediss:// URL of a Redis shared by several instances (client and target limits, report
   * cache, probes in flight); null keeps all of it in this process's memory.
   */
  redisUrl: string | null;
}

export const DEFAULT_CORS_ORIGINS = ['chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb'];

export const DEFAULT_CONFIG: ServiceConfig = {
  host: '127.0.0.1',
  port: 8587,
  allowPrivate: false,
  cacheTtlMs: 60_000,
  cacheMax: 1000,
  maxInFlight: 16,
  timeouts: DEFAULT_TIMEOUTS,
  rateLimitPerMinute: 30,
  rateLimitTargetPerMinute: 6,
  corsOrigins: DEFAULT_CORS_ORIGINS,
  ispdbUrl: DEFAULT_ISPDB_URL,
  redisUrl: null,
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return Number(raw);
}

function flag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}".`);
}

/** An origin is scheme://host[:port] with nothing after it, exactly as a browser sends it. */
function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return DEFAULT_CORS_ORIGINS;
  const list = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const origin of list) {
    if (!/^(chrome-extension|moz-extension|safari-web-extension|https?):\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      throw new ConfigError(`${name} must be a comma-separated list of origins like chrome-extension://<id>, not "${origin}".`);
    }
  }
  return list;
}

function url(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an https:// URL, not "${raw}".`);
  }
  if (parsed.protocol !== 'https:') throw new ConfigError(`${name} must be an https:// URL, not "${raw}".`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** The URL as it may be printed: a password never appears in an error message or a log. */
function redacted(parsed: URL): string {
  if (parsed.password === '') return parsed.href;
  const copy = new URL(parsed.href);
  copy.password = '***';
  return copy.href;
}

function redisUrl(env: Env, name: string): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  const example = 'redis://host:6379, rediss://host:6380 or redis://:password@host:6379/0';
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    // Not echoed: a malformed URL may still hold a password.
    throw new ConfigError(`${name} is not a URL; write it like ${example}.`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigError(`${name} must start with redis:// (or rediss:// for TLS), not "${parsed.protocol}//"; write it like ${example}.`);
  }
  if (parsed.hostname === '') throw new ConfigError(`${name} names no host: "${redacted(parsed)}"; write it like ${example}.`);
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new ConfigError(`${name} takes no query or fragment: "${redacted(parsed)}"; write it like ${example}.`);
  }
  const database = parsed.pathname.replace(/^\//, '');
  if (database !== '' && (!/^\d{1,5}$/.test(database) || Number(database) > 65_535)) {
    throw new ConfigError(`${name} may end with a database number (/0, /1...), not "/${database}": "${redacted(parsed)}".`);
  }
  return parsed.href;
}

export function loadConfig(env: Env = process.env): ServiceConfig {
  const day = 86_400_000;
  const timeouts: ProbeTimeouts = {
    connectMs: integer(env, 'PROBE_CONNECT_TIMEOUT_MS', DEFAULT_TIMEOUTS.connectMs, 100, 120_000),
    greetingMs: integer(env, 'PROBE_GREETING_TIMEOUT_MS', DEFAULT_TIMEOUTS.greetingMs, 100, 300_000),
    slowGreetingMs: integer(env, 'PROBE_SLOW_GREETING_TIMEOUT_MS', DEFAULT_TIMEOUTS.slowGreetingMs, 100, 300_000),
    commandMs: integer(env, 'PROBE_COMMAND_TIMEOUT_MS', DEFAULT_TIMEOUTS.commandMs, 100, 300_000),
    totalMs: integer(env, 'PROBE_TOTAL_TIMEOUT_MS', DEFAULT_TIMEOUTS.totalMs, 500, 600_000),
  };
  return {
    host: env.HOST?.trim() || DEFAULT_CONFIG.host,
    port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0, 65_535),
    allowPrivate: flag(env, 'PROBE_ALLOW_PRIVATE'),
    cacheTtlMs: integer(env, 'PROBE_CACHE_TTL_MS', DEFAULT_CONFIG.cacheTtlMs, 0, day),
    cacheMax: integer(env, 'PROBE_CACHE_MAX', DEFAULT_CONFIG.cacheMax, 1, 1_000_000),
    maxInFlight: integer(env, 'PROBE_MAX_IN_FLIGHT', DEFAULT_CONFIG.maxInFlight, 1, 10_000),
    timeouts,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_CONFIG.rateLimitPerMinute, 0, 10_000_000),
    rateLimitTargetPerMinute: integer(env, 'RATE_LIMIT_TARGET_PER_MINUTE', DEFAULT_CONFIG.rateLimitTargetPerMinute, 0, 10_000_000),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    ispdbUrl: url(env, 'ISPDB_URL', DEFAULT_CONFIG.ispdbUrl),
    redisUrl: redisUrl(env, 'REDIS_URL'),
  };
}
