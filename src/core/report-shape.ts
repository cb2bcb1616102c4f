/**
 * The shape checks for a probe report that came over a boundary: from the probe service's NDJSON, a
 * customer's pasted report, the local helper, or a shared cache. Shared by the extension and the service
 * (which reads reports back from Redis), so it lives in core. Pure.
 */
import { AUTHENTICATIONS, isOneOf, isProbePort, PORT_STATES, SECURITIES, type PortResult, type ProbeReport } from './api';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKeywords(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.every((keyword) => typeof keyword === 'string'));
}

export function isPortResult(value: unknown): value is PortResult {
  return (
    isRecord(value) &&
    isProbePort(value.port) &&
    typeof value.address === 'string' &&
    (value.family === 4 || value.family === 6) &&
    isOneOf(PORT_STATES, value.state) &&
    (value.banner === null || typeof value.banner === 'string') &&
    isRecord(value.ehlo) &&
    isKeywords(value.ehlo.beforeTls) &&
    isKeywords(value.ehlo.afterTls) &&
    typeof value.message === 'string' &&
    isOneOf(SECURITIES, value.security) &&
    Array.isArray(value.auth) &&
    value.auth.every((mechanism) => typeof mechanism === 'string') &&
    (value.tls === null || (isRecord(value.tls) && (value.tls.fingerprint256 === undefined || value.tls.fingerprint256 === null || typeof value.tls.fingerprint256 === 'string')))
  );
}

function isRecommendation(value: unknown): boolean {
  return (
    value === null ||
    (isRecord(value) &&
      typeof value.server === 'string' &&
      typeof value.port === 'number' &&
      isOneOf(SECURITIES, value.security) &&
      // Every login is worded by name (a table per login): one this version does not know is no report.
      isOneOf(AUTHENTICATIONS, value.authentication) &&
      // null is a finding (no other port works there), so a report without it must not read as one.
      (value.alternative === null ||
        (isRecord(value.alternative) &&
          isProbePort(value.alternative.port) &&
          value.alternative.port !== value.port &&
          isOneOf(SECURITIES, value.alternative.security) &&
          value.alternative.security !== 'none')))
  );
}

export function isProbeReport(value: unknown): value is ProbeReport {
  return (
    isRecord(value) &&
    typeof value.target === 'string' &&
    typeof value.server === 'string' &&
    Array.isArray(value.ports) &&
    value.ports.every(isPortResult) &&
    isRecommendation(value.recommendation) &&
    Array.isArray(value.warnings)
  );
}

