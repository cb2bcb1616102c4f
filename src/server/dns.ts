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

/** Error codes node:dns uses for "this name has no such record", as opposed to a failing lookup. */
export const NO_RECORD_CODES = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN', 'ENONAME']);

export function systemResolver(timeoutMs = 5000): DnsResolver {
  const resolver = new NodeResolver({ timeout: timeoutMs, tries: 2 });
  return {
    resolve4: (name) => resolver.resolve4(name),
    resolve6: (name) => resolver.resolve6(name),
    resolveMx: (name) => resolver.resolveMx(name),
    resolveSrv: (name) => resolver.resolveSrv(name),
  };
}
