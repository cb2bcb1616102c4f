/**
 * The DNS questions the probe asks, as an interface so tests inject answers and run offline.
 * `systemResolver()` answers them with node:dns (the operating system's configured servers).
 */
import { Resolver as NodeResolver } from 'node:dns/promises';

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

export interface DnsResolver {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveMx(name: string): Promise<MxRecord[]>;
  resolveSrv(name: string): Promise<SrvRecord[]>;
}


/** "This name does not exist" (NXDOMAIN), for every record type, as opposed to "no record of this type". */
export const NO_NAME_CODES = new Set(['ENOTFOUND', 'NXDOMAIN', 'ENONAME']);

/** Error codes node:dns uses for "this name has no such record" (no name, or no record of this type), as opposed to a failing lookup. */
export const NO_RECORD_CODES = new Set(['ENODATA', ...NO_NAME_CODES]);

/**
 * Words for node:dns's codes of a lookup that failed in a way that usually passes: a DNS server failing,
 * refusing or silent. Other codes (a malformed question, an unsupported query) are not passing trouble.
 */
const TRANSIENT_WORDS: Record<string, string> = {
  ESERVFAIL: "the name's DNS servers answered with a failure (SERVFAIL)",
  ETIMEOUT: 'no DNS server answered in time',
  ECONNREFUSED: 'the DNS server refused the connection',
  EREFUSED: 'the DNS server refused to answer',
  EBADRESP: 'the DNS server sent an answer that could not be read',
  ECONNRESET: 'the connection to the DNS server was reset',
  EAI_AGAIN: 'the DNS servers could not be reached',
};

export function dnsErrorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** True when the lookup failed in a way that usually passes (see TRANSIENT_WORDS). */
export function isTransientLookupFailure(error: unknown): boolean {
  return Object.hasOwn(TRANSIENT_WORDS, dnsErrorCode(error));
}

/** What went wrong with a lookup, in our words, from the error node:dns threw (its text is never shown). */
export function lookupFailureWords(error: unknown): string {
  return TRANSIENT_WORDS[dnsErrorCode(error)] ?? 'the DNS server could not answer the question';
}

/**
 * A lookup that failed for a reason that usually passes (a DNS server failing or not answering), as
 * opposed to a name that does not exist: not the caller's mistake, so it is told apart from bad input
 * (the service answers 503 with Retry-After, the CLI exits 4).
 */
export class LookupUnavailableError extends Error {
  override readonly name = 'LookupUnavailableError';
  /** Seconds after which trying again is reasonable; the sentences say the same. */
  static readonly RETRY_SECONDS = 30;
}

/** `servers` (address or address:port, as node:dns takes them) replaces the system's DNS servers. */
export function systemResolver(timeoutMs = 5000, servers?: string[]): DnsResolver {
  const resolver = new NodeResolver({ timeout: timeoutMs, tries: 2 });
  if (servers) resolver.setServers(servers);
  return {
    resolve4: (name) => resolver.resolve4(name),
    resolve6: (name) => resolver.resolve6(name),
    resolveMx: (name) => resolver.resolveMx(name),
    resolveSrv: (name) => resolver.resolveSrv(name),
  };
}
