/** Time limits of one port check; every wait in the dialogue is bounded by one of these. */
export interface ProbeTimeouts {
  /** TCP connect. Silence here usually means a firewall drops the packets. */
  connectMs: number;
  /** From connect (or from the end of the implicit TLS handshake) to the final 220 line. */
  greetingMs: number;
  /** A greeting slower than this is reported as slow (postscreen and tarpits delay on purpose). */
  slowGreetingMs: number;
  /** Each command's reply, and each TLS handshake. */
  commandMs: number;
  /** The whole check of one port, follow-up connections included. */
  totalMs: number;
  /**
   * Silence after connect on a plaintext port before a second connection tries TLS in parallel (a port
   * that waits for a ClientHello says nothing). At most half the greeting wait, so the try always runs.
   */
  tlsTryAfterMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<ProbeTimeouts> = {
  connectMs: 8000,
  greetingMs: 15000,
  slowGreetingMs: 5000,
  commandMs: 10000,
  totalMs: 30000,
  tlsTryAfterMs: 2000,
};

/** Fills in missing limits and ignores values that are not positive finite numbers. */
export function resolveTimeouts(partial: Partial<ProbeTimeouts> | undefined): Required<ProbeTimeouts> {
  const result = { ...DEFAULT_TIMEOUTS };
  for (const key of Object.keys(DEFAULT_TIMEOUTS) as (keyof ProbeTimeouts)[]) {
    const value = partial?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) result[key] = value;
  }
  return result;
}

/** "8 s", "1.5 s", "300 ms": how long a limit was, in the words of a message. */
export function describeDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}
