import type { PortResult, Recommendation, Security } from '../api';

/**
 * The other good submission setting (RFC 8314): implicit TLS on 465 when the first choice is 587
 * (or anything else), STARTTLS on 587 when it is 465. What to try when the first one fails.
 */
export function otherSubmission(port: number): { port: number; security: Security } {
  return port === 465 ? { port: 587, security: 'starttls' } : { port: 465, security: 'tls' };
}

/** A port and its security, as a fallback to try. */
export interface Submission {
  port: number;
  security: Security;
}

/** What a server check found beside the port it recommends: the ports it tried, and the other one that works. */
export interface CheckedFallback {
  ports: number[];
  alternative: Submission | null;
}

/** The check's fallback, from its report's ports and its recommendation (held against the customer's network). */
export function checkedFallback(ports: readonly Pick<PortResult, 'port'>[], recommendation: Pick<Recommendation, 'alternative'>): CheckedFallback {
  return { ports: [...new Set(ports.map((result) => result.port))].sort((a, b) => a - b), alternative: recommendation.alternative };
}

/**
 * The port to try when `port` fails: the one a check found working; null when the check found none
 * though it tried the usual other port; else (no check, or one that never tried that port) the usual one.
 */
export function fallbackFor(port: number, checked: CheckedFallback | undefined): Submission | null {
  const usual = otherSubmission(port);
  if (!checked) return usual;
  if (checked.alternative) return checked.alternative;
  return checked.ports.includes(usual.port) ? null : usual;
}
