/**
 * What the extension and the local probe (the CLI's `--native-host` mode) say to each other over native
 * messaging: the host's name, the one request it serves and its two replies. Pure types and constants,
 * imported by the extension and by the CLI; the framing lives in src/cli/native-messaging.ts.
 */
import type { ProbePort, ProbeReport } from './api';

/** The native messaging host name: lower case, dots and underscores only (Chrome's rule). */
export const HOST_NAME = 'com.smtp_port_assistant.probe';

/** How long the extension waits for the helper's answer to one probe request. */
export const LOCAL_TIMEOUT_MS = 90_000;

/**
 * The longest per-port timeout install-host writes into the launcher: with discovery on top it still
 * answers inside LOCAL_TIMEOUT_MS.
 */
export const MAX_HOST_TIMEOUT_MS = 60_000;

export type NativeErrorCode =
  | 'too-large'
  | 'malformed'
  | 'invalid-request'
  | 'invalid-target'
  | 'refused-target'
  | 'timeout'
  /** The helper already holds MAX_NATIVE_QUEUE requests; this one was not queued. Try again later. */
  | 'busy'
  /** The server name could not be looked up (DNS failed or did not answer); usually passes. */
  | 'dns-unavailable'
  | 'internal';

/** Requests the helper holds at once, running and waiting; one more is answered `busy` at once. */
export const MAX_NATIVE_QUEUE = 16;

export type RequestId = string | number | null;

export interface NativeProbeRequest {
  type: 'probe';
  id: string | number;
  target: string;
  ports?: ProbePort[];
}

export type NativeReply =
  | { type: 'result'; id: string | number; report: ProbeReport }
  | { type: 'error'; id: RequestId; code: NativeErrorCode; message: string };
