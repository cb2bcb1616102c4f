import type { Security } from '../api';

/**
 * The other good submission setting (RFC 8314): implicit TLS on 465 when the first choice is 587
 * (or anything else), STARTTLS on 587 when it is 465. What to try when the first one fails.
 */
export function otherSubmission(port: number): { port: number; security: Security } {
  return port === 465 ? { port: 587, security: 'starttls' } : { port: 465, security: 'tls' };
}
