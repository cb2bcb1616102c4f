/**
 * The state of one server check as the background keeps it (in storage.session) and the popup and
 * agent panel show it. Events from the probe service are network input: `parseProbeEvent` checks
 * their shape before anything uses them. Pure.
 */
import { isProbePort, type ProbeEvent, type ProbePort, type ProbeReport, type PortResult } from '../../core/api';
import { isPortResult, isProbeReport, isRecord } from '../../core/report-shape';

export { isPortResult, isProbeReport };

export type CheckErrorKind = 'unreachable' | 'rate-limited' | 'invalid' | 'refused' | 'timeout' | 'busy' | 'dns' | 'server';

export interface CheckError {
  kind: CheckErrorKind;
  /** The service's own sentence where it gave one (refused targets), else empty. */
  detail: string;
  retryAfterSeconds: number | null;
}

export interface CheckState {
  id: string;
  input: string;
  status: 'running' | 'done' | 'error';
  startedAt: number;
  finishedAt: number | null;
  server: string | null;
  ports: ProbePort[];
  /** The addresses the service will probe each port on (IPv4 and IPv6 are reported separately). */
  addresses: string[];
  results: PortResult[];
  report: ProbeReport | null;
  error: CheckError | null;
  /** The same check from this computer through the local helper; null when it was not asked for. */
  local: LocalCheck | null;
}

/** The customer's own view of the same target (src/extension/check/local-probe.ts). */
export interface LocalCheck {
  status: 'running' | 'done' | 'error';
  report: ProbeReport | null;
  /**
   * missing: the helper is not installed; restart: the browser granted the permission but wants the
   * extension restarted before it can reach the helper; failed: it ran and said why (detail), or did not answer.
   */
  /** `code`: the helper's error code (native-protocol.ts), when it answered with one. */
  error: { kind: 'missing' | 'restart' | 'failed' | 'dns'; detail: string; code?: string } | null;
}

export const CHECK_KEY = 'check';

export function startCheck(id: string, input: string, ports: ProbePort[], now: number): CheckState {
  return { id, input, status: 'running', startedAt: now, finishedAt: null, server: null, ports, addresses: [], results: [], report: null, error: null, local: null };
}

export function parseProbeEvent(value: unknown): ProbeEvent | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'start':
      return typeof value.server === 'string' &&
        Array.isArray(value.ports) &&
        value.ports.every(isProbePort) &&
        Array.isArray(value.addresses) &&
        value.addresses.every((address) => typeof address === 'string')
        ? (value as unknown as ProbeEvent)
        : null;
    case 'discovery':
      return isRecord(value.discovery) ? (value as unknown as ProbeEvent) : null;
    case 'port':
      return isPortResult(value.result) ? (value as unknown as ProbeEvent) : null;
    case 'done':
      return isProbeReport(value.report) ? (value as unknown as ProbeEvent) : null;
    case 'error':
      return isRecord(value.error) && typeof value.error.message === 'string' ? (value as unknown as ProbeEvent) : null;
    default:
      return null;
  }
}

export function applyEvent(state: CheckState, event: ProbeEvent, now: number): CheckState {
  switch (event.type) {
    case 'start':
      return { ...state, server: event.server, ports: event.ports, addresses: event.addresses };
    case 'discovery':
      return state;
    case 'port':
      return { ...state, results: [...state.results, event.result] };
    case 'done':
      return { ...state, status: 'done', finishedAt: now, server: event.report.server, results: event.report.ports, report: event.report };
    case 'error':
      return { ...state, status: 'error', finishedAt: now, error: errorFromApi(event.error.code, event.error.message, event.error.retryAfterSeconds ?? null) };
  }
}

export function errorFromApi(code: string, message: string, retryAfterSeconds: number | null): CheckError {
  const kind: CheckErrorKind =
    code === 'rate-limited'
      ? 'rate-limited'
      : code === 'refused-target'
        ? 'refused'
        : code === 'invalid-target' || code === 'invalid-request'
          ? 'invalid'
          : code === 'timeout'
            ? 'timeout'
            : code === 'busy'
              ? 'busy'
              : code === 'dns-unavailable'
                ? 'dns'
                : 'server';
  return { kind, detail: message, retryAfterSeconds };
}

export function failCheck(state: CheckState, error: CheckError, now: number): CheckState {
  return { ...state, status: 'error', finishedAt: now, error };
}
