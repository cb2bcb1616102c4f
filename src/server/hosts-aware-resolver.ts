/**
 * node:dns `resolve*` asks DNS servers only and never reads /etc/hosts, so names an administrator pinned
 * in the hosts file would not resolve, while every mail client, which uses getaddrinfo, finds them.
 * ("localhost" itself is answered by the guard, RFC 6761 §6.3.) Addresses therefore fall back to the system's lookup; MX and SRV stay DNS.
 */
import { lookup } from 'node:dns/promises';
import { systemResolver, type DnsResolver } from './dns';

async function withHostsFallback(name: string, family: 4 | 6, viaDns: () => Promise<string[]>): Promise<string[]> {
  try {
    return await viaDns();
  } catch (error) {
    const found = await lookup(name, { family, all: true }).catch(() => []);
    if (found.length > 0) return found.map((entry) => entry.address);
    throw error;
  }
}

export function hostsAwareResolver(base: DnsResolver = systemResolver()): DnsResolver {
  return {
    resolve4: (name) => withHostsFallback(name, 4, () => base.resolve4(name)),
    resolve6: (name) => withHostsFallback(name, 6, () => base.resolve6(name)),
    resolveMx: (name) => base.resolveMx(name),
    resolveSrv: (name) => base.resolveSrv(name),
  };
}
