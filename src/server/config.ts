/**
 * The service's settings, read from the environment once at start and checked, so a typo stops the
 * service with one clear sentence instead of running with a surprising value.
 */
import { DEFAULT_TIMEOUTS, type ProbeTimeouts } from './smtp/probe-port';
import { DEFAULT_ISPDB_URL } from './discovery/discover';
import { ANY_FIREFOX_EXTENSION, originRuleProblem } from './origins';

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
  /**
   * Origins allowed by CORS: exact origins, or `moz-extension://*` for every Firefox installation (each has
   * its own random UUID). By default the Chrome Web Store id and every Firefox extension.
   */
  corsOrigins: string[];
  ispdbUrl: string;
}

export const DEFAULT_CORS_ORIGINS = ['chrome-extension://ikehcnennomcpfnjkffadlilflcmppbb', ANY_FIREFOX_EXTENSION];

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

/** An origin is scheme://host[:port] with nothing after it, exactly as a browser sends it, or moz-extension://*. */
function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return DEFAULT_CORS_ORIGINS;
  const list = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const origin of list) {
    const problem = originRuleProblem(origin);
    if (problem) throw new ConfigError(`${name} must be a comma-separated list of origins: ${problem}`);
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
  };
}
