/**
 * Chrome/Firefox native messaging framing and the host's request/reply shapes, with no I/O:
 * each message is a 32-bit length in native byte order (little-endian on every platform we ship to)
 * followed by that many bytes of UTF-8 JSON.
 * https://developer.chrome.com/docs/extensions/develop/concepts/native-messaging#native-messaging-host-protocol
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Native_messaging#app_side
 *
 * Oversize policy:
 * - a length above MAX_INCOMING_BYTES (1 MiB) but not above MAX_SKIPPABLE_BYTES (64 MiB, Chrome's own cap
 *   for browser → host messages) is skipped byte for byte, so the stream stays in step and the host keeps going;
 * - a length above 64 MiB cannot come from a browser: the stream is not native messaging (or is corrupt)
 *   and there is no way to find the next message, so the decoder reports `desync` and the host replies
 *   an error and exits cleanly.
 */
import type { ProbePort } from '../core/api';
import { checkPortList } from '../core/port-list';
import type { NativeErrorCode, NativeProbeRequest, RequestId } from '../core/native-protocol';

export { HOST_NAME, type NativeErrorCode, type NativeProbeRequest, type NativeReply, type RequestId } from '../core/native-protocol';
/** Requests bigger than this are refused; a probe request is well under 1 KiB. */
export const MAX_INCOMING_BYTES = 1024 * 1024;
/** Chrome refuses host → browser messages over 1 MB (10^6 bytes, not MiB). */
export const MAX_OUTGOING_BYTES = 1_000_000;
/** Above this a length is not a message we could skip: Chrome never sends more than 64 MiB. */
export const MAX_SKIPPABLE_BYTES = 64 * 1024 * 1024;

export type DecodedFrame =
  | { kind: 'message'; value: unknown }
  /** The bytes of one frame were not JSON (zero length included); the next frame is read normally. */
  | { kind: 'malformed'; reason: string }
  /** A frame over 1 MiB; its bytes are being discarded. */
  | { kind: 'oversize'; length: number }
  /** A length no browser sends: nothing after it can be trusted. The decoder ignores all further input. */
  | { kind: 'desync'; length: number };

/**
 * Incremental decoder: feed it chunks as they arrive (split anywhere, several frames per chunk) and it
 * returns the frames completed by each chunk, in order.
 */
export class FrameDecoder {
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  /** Bytes of an oversize frame still to throw away. */
  private discarding = 0;
  private dead = false;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly maxBytes = MAX_INCOMING_BYTES) {}

  /** True once a `desync` was reported. */
  get broken(): boolean {
    return this.dead;
  }

  /** Bytes held back waiting for the rest of a frame (0 between frames). */
  get pendingBytes(): number {
    return this.bufferedBytes + this.discarding;
  }

  push(chunk: Uint8Array): DecodedFrame[] {
    const frames: DecodedFrame[] = [];
    if (this.dead) return frames;
    let rest = chunk;
    if (this.discarding > 0) {
      const skipped = Math.min(this.discarding, rest.length);
      this.discarding -= skipped;
      rest = rest.subarray(skipped);
    }
    if (rest.length > 0) {
      this.buffered.push(rest);
      this.bufferedBytes += rest.length;
    }
    while (!this.dead && this.discarding === 0 && this.bufferedBytes >= 4) {
      const data = this.take();
      const length = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true);
      if (length > MAX_SKIPPABLE_BYTES) {
        this.dead = true;
        this.buffered = [];
        this.bufferedBytes = 0;
        frames.push({ kind: 'desync', length });
        break;
      }
      if (length > this.maxBytes) {
        const available = data.length - 4;
        const skipped = Math.min(length, available);
        this.discarding = length - skipped;
        this.keep(data.subarray(4 + skipped));
        frames.push({ kind: 'oversize', length });
        continue;
      }
      if (data.length - 4 < length) {
        this.keep(data);
        break;
      }
      frames.push(this.decodeBody(data.subarray(4, 4 + length)));
      this.keep(data.subarray(4 + length));
    }
    return frames;
  }

  private decodeBody(body: Uint8Array): DecodedFrame {
    if (body.length === 0) return { kind: 'malformed', reason: 'The message was empty (length 0).' };
    let text: string;
    try {
      text = this.utf8.decode(body);
    } catch {
      return { kind: 'malformed', reason: 'The message was not valid UTF-8.' };
    }
    try {
      return { kind: 'message', value: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'malformed', reason: 'The message was not valid JSON.' };
    }
  }

  /** Joins what is buffered into one array (cheap: frames are at most 1 MiB). */
  private take(): Uint8Array {
    if (this.buffered.length === 1) return this.buffered[0]!;
    const joined = new Uint8Array(this.bufferedBytes);
    let offset = 0;
    for (const part of this.buffered) {
      joined.set(part, offset);
      offset += part.length;
    }
    return joined;
  }

  private keep(rest: Uint8Array): void {
    this.buffered = rest.length > 0 ? [rest] : [];
    this.bufferedBytes = rest.length;
  }
}

/** One frame: length prefix + UTF-8 JSON. Throws a RangeError when the message would exceed `maxBytes`. */
export function encodeFrame(value: unknown, maxBytes = MAX_OUTGOING_BYTES): Uint8Array {
  const body = new TextEncoder().encode(JSON.stringify(value));
  if (body.length > maxBytes) throw new RangeError(`The message is ${body.length} bytes, over the ${maxBytes}-byte limit.`);
  const frame = new Uint8Array(4 + body.length);
  new DataView(frame.buffer).setUint32(0, body.length, true);
  frame.set(body, 4);
  return frame;
}

const MAX_ID_LENGTH = 200;
const MAX_TARGET_LENGTH = 600;

export type RequestCheck = { ok: true; request: NativeProbeRequest } | { ok: false; id: RequestId; code: NativeErrorCode; message: string };

/** The id to echo in an error reply, when the message carried a usable one. */
function idOf(value: Record<string, unknown>): RequestId {
  const id = value.id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  if (typeof id === 'string' && id.length <= MAX_ID_LENGTH) return id;
  return null;
}

/** Checks a decoded message: only `{type: 'probe', id, target, ports?}` is served. */
export function checkRequest(value: unknown): RequestCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, code: 'malformed', message: 'The message must be a JSON object such as {"type":"probe","id":1,"target":"smtp.example.com"}.' };
  }
  const message = value as Record<string, unknown>;
  const id = idOf(message);
  const refuse = (code: NativeErrorCode, text: string): RequestCheck => ({ ok: false, id, code, message: text });
  if (message.type !== 'probe') return refuse('invalid-request', `This host only answers "probe" messages, not ${JSON.stringify(String(message.type)).slice(0, 60)}.`);
  if (id === null) return refuse('invalid-request', `A probe message needs an "id" (a number, or a string of at most ${MAX_ID_LENGTH} characters) to tag its reply.`);
  if (typeof message.target !== 'string' || message.target.trim() === '') return refuse('invalid-request', 'A probe message needs a "target": an email address, a domain or a server name.');
  if (message.target.length > MAX_TARGET_LENGTH) return refuse('invalid-target', `The target is longer than ${MAX_TARGET_LENGTH} characters.`);
  let ports: ProbePort[] | undefined;
  if (message.ports !== undefined) {
    const checked = checkPortList(message.ports);
    if (!checked.ok) return refuse('invalid-request', `"ports": ${checked.message}`);
    ports = checked.ports;
  }
  return { ok: true, request: { type: 'probe', id, target: message.target, ...(ports ? { ports } : {}) } };
}
