/**
 * The service's settings, read from the environment once at start and checked, so a typo stops the
 * service with one clear sentence instead of running with a surprising value.
 */
import { DEFAULT_TIMEOUTS, type ProbeTimeouts } from './smtp/probe-port';
import { DEFAULT_ISPDB_URL } from './discovery/discover';
import { ANY_FIREFOX_EXTENSION, originRuleProblem } from './origins';
import { probeDeadlineMs } from './probe';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

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
  /**
   * Which peers may say who the client is (X-Forwarded-For), as Fastify's `trustProxy` takes it: false
   * (nobody: the socket's address is the client), a number of proxy hops, or proxy addresses and CIDRs.
   */
  trustProxy: false | number | string[];
  /** Node's HTTP server timeouts, so a slow or silent client cannot hold a socket for minutes. */
  http: HttpTimeouts;
  /** On SIGTERM, how long running probes may take to finish before the process exits anyway. */
  shutdownTimeoutMs: number;
  /**
   * redis:// or rediss:// URL of a Redis shared by several instances (client and target limits, report
   * cache, probes in flight); null keeps all of it in this process's memory.
   */
  redisUrl: string | null;
  /**
   * Tests only (PROBE_TEST_DNS, with PROBE_ALLOW_PRIVATE): the one DNS server the probes ask, a loopback
   * address:port, so a test can give the service names of its own or a DNS that fails. Null: the system's.
   */
  testDns: string | null;
}

export interface HttpTimeouts {
  /** The whole request (headers and body) must have arrived within this. */
  requestTimeoutMs: number;
  /** The headers must have arrived within this (a connection that sends nothing included). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way for this long is closed; longer than the longest probe. */
  idleTimeoutMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  requestTimeoutMs: 10_000,
  headersTimeoutMs: 5000,
  keepAliveTimeoutMs: 5000,
  idleTimeoutMs: probeDeadlineMs(DEFAULT_TIMEOUTS.totalMs) + 15_000,
};

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
  trustProxy: false,
  http: DEFAULT_HTTP_TIMEOUTS,
  shutdownTimeoutMs: probeDeadlineMs(DEFAULT_TIMEOUTS.totalMs) + 5000,
  redisUrl: null,
  testDns: null,
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

/** proxy-addr's names for whole ranges, which Fastify's trustProxy also takes. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: empty or "false" for nobody; a whole number of hops (the client is that many addresses
 * from the right of X-Forwarded-For); or a comma-separated list of proxy addresses and CIDRs. "true"
 * (believe any peer) is refused: anyone could then pick the address their requests are counted under.
 */
function trustProxy(env: Env, name: string): false | number | string[] {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '' || raw.toLowerCase() === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(`${name} as a hop count must be from 1 to 10, not "${raw}".`);
    return hops;
  }
  if (raw.toLowerCase() === 'true') {
    throw new ConfigError(`${name}=true would believe X-Forwarded-For from anyone; give the proxy's address (e.g. 127.0.0.1 or 10.0.0.0/8) or the number of proxies in front of the service.`);
  }
  const list = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  for (const item of list) {
    if (PROXY_RANGE_NAMES.includes(item)) continue;
    const [address = '', prefix] = item.split('/');
    const valid = isPlainAddress(address) && (prefix === undefined || isCidr(item));
    if (!valid) {
      throw new ConfigError(`${name} must be a hop count or a comma-separated list of proxy addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8), not "${item}".`);
    }
  }
  return list;
}

/** The usual spellings only: dotted-quad IPv4 or IPv6, not the other forms ipaddr.js also reads. */
function isPlainAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || (text.includes(':') && ipaddr.IPv6.isValid(text));
}

function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}

/** The URL as it may be printed: a password never appears in an error message or a log. */
function redacted(parsed: URL): string {
  if (parsed.password === '') return parsed.href;
  const copy = new URL(parsed.href);
  copy.password = '***';
  return copy.href;
}

/** A loopback DNS server for tests, only beside PROBE_ALLOW_PRIVATE: a public service can never be pointed elsewhere. */
function testDns(env: Env, name: string, allowPrivate: boolean): string | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  if (!allowPrivate) throw new ConfigError(`${name} is for tests only and needs PROBE_ALLOW_PRIVATE=1 beside it.`);
  const match = /^(127\.(?:\d{1,3}\.){2}\d{1,3}|\[::1\]):(\d{1,5})$/.exec(raw);
  const port = Number(match?.[2]);
  if (!match || !isIP(match[1]!.replace(/^\[|\]$/g, '')) || port < 1 || port > 65_535) {
    throw new ConfigError(`${name} must be a loopback address and port such as 127.0.0.1:40053, not "${raw.slice(0, 80)}".`);
  }
  return raw;
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
  const deadline = probeDeadlineMs(timeouts.totalMs);
  const http: HttpTimeouts = {
    requestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs, 100, 600_000),
    headersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs, 100, 600_000),
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.keepAliveTimeoutMs, 100, 600_000),
    idleTimeoutMs: integer(env, 'HTTP_IDLE_TIMEOUT_MS', deadline + 15_000, 100, 3_600_000),
  };
  // Node refuses a headers timeout longer than the request timeout; say so in our words first.
  if (http.headersTimeoutMs > http.requestTimeoutMs) {
    throw new ConfigError(`HTTP_HEADERS_TIMEOUT_MS (${http.headersTimeoutMs}) must not be longer than HTTP_REQUEST_TIMEOUT_MS (${http.requestTimeoutMs}).`);
  }
  // A JSON probe answer says nothing until the probe is done: a shorter idle timeout would cut it off.
  if (http.idleTimeoutMs <= deadline) {
    throw new ConfigError(`HTTP_IDLE_TIMEOUT_MS (${http.idleTimeoutMs}) must be longer than the longest probe (${deadline} ms with PROBE_TOTAL_TIMEOUT_MS=${timeouts.totalMs}).`);
  }
  const allowPrivate = flag(env, 'PROBE_ALLOW_PRIVATE');
  return {
    host: env.HOST?.trim() || DEFAULT_CONFIG.host,
    port: integer(env, 'PORT', DEFAULT_CONFIG.port, 0, 65_535),
    allowPrivate,
    cacheTtlMs: integer(env, 'PROBE_CACHE_TTL_MS', DEFAULT_CONFIG.cacheTtlMs, 0, day),
    cacheMax: integer(env, 'PROBE_CACHE_MAX', DEFAULT_CONFIG.cacheMax, 1, 1_000_000),
    maxInFlight: integer(env, 'PROBE_MAX_IN_FLIGHT', DEFAULT_CONFIG.maxInFlight, 1, 10_000),
    timeouts,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_CONFIG.rateLimitPerMinute, 0, 10_000_000),
    rateLimitTargetPerMinute: integer(env, 'RATE_LIMIT_TARGET_PER_MINUTE', DEFAULT_CONFIG.rateLimitTargetPerMinute, 0, 10_000_000),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    ispdbUrl: url(env, 'ISPDB_URL', DEFAULT_CONFIG.ispdbUrl),
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    http,
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', probeDeadlineMs(timeouts.totalMs) + 5000, 0, 3_600_000),
    redisUrl: redisUrl(env, 'REDIS_URL'),
    testDns: testDns(env, 'PROBE_TEST_DNS', allowPrivate),
  };
}
