/**
 * Public entry point: check one port of one already-approved address.
 * The SSRF guard (../guard.ts) decides which addresses may be passed here; this module never
 * resolves a name, so what was approved is exactly what is connected to.
 */
import net from 'node:net';
import { isProbePort, type PortResult, type ProbePort } from '../../core/api';
import { runDialogue } from './dialogue';
import type { ProbeTimeouts } from './timeouts';

export { DEFAULT_TIMEOUTS, type ProbeTimeouts } from './timeouts';

export interface ProbePortOptions {
  /** An IP address (never a name) that the guard approved. */
  address: string;
  family: 4 | 6;
  port: ProbePort;
  /** Name for SNI and the certificate check; may be the IP. */
  hostname: string;
  timeouts?: Partial<ProbeTimeouts>;
  signal?: AbortSignal;
  /** Defaults to the probe's own address literal, e.g. "[192.0.2.7]" (RFC 5321 4.1.4). */
  ehloName?: string;
  /** Speak TLS from the first byte on this port too (a provider that publishes SSL on 587); 465 always does. */
  implicitTls?: boolean;
}

/** Port 465 is implicit TLS (RFC 8314 3.3); the others start in plaintext and upgrade with STARTTLS (RFC 3207). */
function modeOf(port: ProbePort): 'starttls' | 'implicit' {
  return port === 465 ? 'implicit' : 'starttls';
}

/** Never rejects: every failure is a PortResult state with a one-sentence message. */
export async function probePort(options: ProbePortOptions): Promise<PortResult> {
  const { port, address } = options;
  if (!isProbePort(port) || net.isIP(address) === 0) {
    return notContacted(options, isProbePort(port)
      ? `${String(address)} is not an IP address, so port ${port} was not contacted.`
      : `The probe only checks ports 25, 465, 587 and 2525, so port ${String(port)} was not contacted.`);
  }
  const family = net.isIP(address) === 6 ? 6 : 4;
  const result = await runDialogue({ ...options, family, mode: options.implicitTls ? 'implicit' : modeOf(port) });
  return { ...result, port };
}

function notContacted(options: ProbePortOptions, message: string): PortResult {
  return {
    port: options.port,
    address: options.address,
    family: options.family,
    state: 'refused',
    message,
    banner: null,
    ehlo: { beforeTls: null, afterTls: null, usedHelo: false },
    security: 'none',
    tls: null,
    auth: [],
    slowGreeting: false,
    latency: { connectMs: null, greetingMs: null, totalMs: 0 },
  };
}
