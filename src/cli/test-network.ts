/**
 * A simulated "other network" for tests on one machine, loopback only. The probe service and the local
 * side (CLI or native host) normally see the same loopback Postfix; these two switches make the local side
 * see what a customer behind a filtering provider or an intercepting antivirus would see:
 *
 * - SMTP_PROBE_TEST_BLOCK_PORTS=25[,465...]: connections to those ports get a socket that never connects,
 *   exactly what a dropped SYN looks like to the client, so the probe's own connect timeout turns it into
 *   `timeout` (no packet leaves the machine; no firewall rules, no root, nothing to clean up);
 * - SMTP_PROBE_TEST_REDIRECT=465=127.0.0.1:40123[,25=...]: connections to that port go to a loopback
 *   interceptor instead, which can present its own banner and certificate.
 *
 * - SMTP_PROBE_TEST_DNS=127.0.0.1:40053: the probe's DNS questions (addresses, MX, SRV) go to that server
 *   alone (no hosts file), so a test can give it a DNS server that fails or never answers; discovery's web
 *   reads still use the system's lookup.
 *
 * All are read only when --allow-private is given too (a probe of public servers can never be bent), and
 * a redirect or DNS server may only be a loopback address. A network namespace with nftables would be more
 * faithful, but needs root and `nft`, which the test machines do not all have.
 */
import net from 'node:net';
import { isProbePort, isTcpPort, type PortResult, type ProbePort } from '../core/api';
import { checkPortText } from '../core/port-list';
import { systemResolver, type DnsResolver } from '../server/dns';
import { hostsAwareResolver } from '../server/hosts-aware-resolver';
import type { OpenSocket } from '../server/smtp/connect';
import { runDialogue } from '../server/smtp/dialogue';
import type { ProbePortOptions } from '../server/smtp/probe-port';

export interface TestNetwork {
  blocked: Set<ProbePort>;
  redirects: Map<ProbePort, { host: string; port: number }>;
  /** The only DNS server to ask (address:port, loopback), or null for the system's. */
  dns?: string | null;
}

export class TestNetworkError extends Error {}

function parsePortList(text: string, variable: string): Set<ProbePort> {
  const checked = checkPortText(text);
  if (!checked.ok) throw new TestNetworkError(`${variable}: ${checked.message}`);
  return new Set(checked.ports);
}

function parseRedirects(text: string, variable: string): TestNetwork['redirects'] {
  const redirects: TestNetwork['redirects'] = new Map();
  for (const item of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^(\d+)=(127\.\d+\.\d+\.\d+|\[::1\]):(\d{1,5})$/.exec(item);
    const port = Number(match?.[1]);
    const to = Number(match?.[3]);
    if (!match || !isProbePort(port) || !isTcpPort(to)) {
      throw new TestNetworkError(`${variable}: "${item}" must look like 465=127.0.0.1:40123 (a probe port, then a loopback address and port).`);
    }
    redirects.set(port, { host: match[2]!.replace(/^\[|\]$/g, ''), port: to });
  }
  return redirects;
}

function parseDnsServer(text: string, variable: string): string {
  const match = /^(127\.\d+\.\d+\.\d+|\[::1\]):(\d{1,5})$/.exec(text.trim());
  if (!match || !isTcpPort(Number(match[2])) || net.isIP(match[1]!.replace(/^\[|\]$/g, '')) === 0) {
    throw new TestNetworkError(`${variable}: "${text.trim()}" must look like 127.0.0.1:40053 (a loopback address and port).`);
  }
  return text.trim();
}

/** Reads the simulation from the environment; null when it is off (always, without allowPrivate). */
export function testNetworkFromEnv(env: NodeJS.ProcessEnv, allowPrivate: boolean): TestNetwork | null {
  const block = env.SMTP_PROBE_TEST_BLOCK_PORTS;
  const redirect = env.SMTP_PROBE_TEST_REDIRECT;
  const dns = env.SMTP_PROBE_TEST_DNS;
  if (!allowPrivate || (!block && !redirect && !dns)) return null;
  return {
    blocked: block ? parsePortList(block, 'SMTP_PROBE_TEST_BLOCK_PORTS') : new Set(),
    redirects: redirect ? parseRedirects(redirect, 'SMTP_PROBE_TEST_REDIRECT') : new Map(),
    dns: dns ? parseDnsServer(dns, 'SMTP_PROBE_TEST_DNS') : null,
  };
}

/** The resolver the CLI and the native host use: the system's (with the hosts file), or the test network's DNS server. */
export function resolverFor(network: TestNetwork | null): DnsResolver {
  return network?.dns ? systemResolver(1000, [network.dns]) : hostsAwareResolver();
}

function openSocketFor(network: TestNetwork): OpenSocket {
  return ({ host, port, family }) => {
    if (network.blocked.has(port as ProbePort)) return new net.Socket();
    const redirect = network.redirects.get(port as ProbePort);
    if (redirect) return net.connect({ host: redirect.host, port: redirect.port });
    return net.connect({ host, port, family });
  };
}

/** A drop-in for `probePort` that opens sockets through the simulated network. */
export function probePortThrough(network: TestNetwork): (options: ProbePortOptions) => Promise<PortResult> {
  const openSocket = openSocketFor(network);
  return async (options) => {
    // Port 465 is implicit TLS (RFC 8314 3.3), the others STARTTLS, as in probePort itself.
    const result = await runDialogue({ ...options, mode: options.port === 465 || options.implicitTls ? 'implicit' : 'starttls', openSocket });
    return { ...result, port: options.port };
  };
}
