/**
 * `smtp-probe --native-host`: the browser starts this with stdin/stdout as the native messaging pipe,
 * so the extension can check ports from the customer's own network ("is it my network?").
 *
 * stdout carries framed replies only; anything for a person goes to stderr (Chrome logs it).
 * Requests run concurrently (at most MAX_CONCURRENT at once, the rest wait) and every reply carries its
 * request's id. At most MAX_NATIVE_QUEUE are held, running and waiting together: a request beyond that
 * is answered `busy` at once instead of growing a queue without bound. When stdin closes, the browser has gone: running probes are aborted and the process exits.
 */
import type { ProbeReport } from '../core/api';
import { MAX_NATIVE_QUEUE } from '../core/native-protocol';
import { createSafeFetch } from '../server/discovery/http-fetch';
import { LookupUnavailableError } from '../server/dns';
import { TargetError } from '../server/guard';
import { probeTarget } from '../server/probe';
import type { ProbeTimeouts } from '../server/smtp/probe-port';
import { checkRequest, encodeFrame, FrameDecoder, MAX_INCOMING_BYTES, MAX_OUTGOING_BYTES, type NativeProbeRequest, type NativeReply, type RequestId } from './native-messaging';
import { probePortThrough, resolverFor, type TestNetwork } from './test-network';

export interface NativeHostOptions {
  allowPrivate: boolean;
  timeouts?: Partial<ProbeTimeouts>;
  testNetwork: TestNetwork | null;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** One probe fans out to at most 8 connections; a few probes at once is plenty for one popup. */
const MAX_CONCURRENT = 4;

export function runNativeHost(options: NativeHostOptions): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const decoder = new FrameDecoder(MAX_INCOMING_BYTES);
  const stop = new AbortController();
  const waiting: NativeProbeRequest[] = [];
  let running = 0;
  let ended = false;

  const send = (reply: NativeReply): void => {
    let frame: Uint8Array;
    try {
      frame = encodeFrame(reply, MAX_OUTGOING_BYTES);
    } catch {
      frame = encodeFrame({ type: 'error', id: reply.id, code: 'too-large', message: 'The report was too large to send to the browser.' } satisfies NativeReply);
    }
    output.write(frame);
  };
  const fail = (id: RequestId, code: Extract<NativeReply, { type: 'error' }>['code'], message: string) => send({ type: 'error', id, code, message });

  const probe = async (request: NativeProbeRequest): Promise<void> => {
    try {
      const report: ProbeReport = await probeTarget(request.target, {
        resolver: resolverFor(options.testNetwork),
        fetch: createSafeFetch({ allowPrivate: options.allowPrivate }),
        allowPrivate: options.allowPrivate,
        signal: stop.signal,
        ...(request.ports ? { ports: request.ports } : {}),
        ...(options.timeouts ? { timeouts: options.timeouts } : {}),
        ...(options.testNetwork ? { probePort: probePortThrough(options.testNetwork) } : {}),
      });
      if (!stop.signal.aborted) send({ type: 'result', id: request.id, report });
    } catch (error) {
      if (stop.signal.aborted) return;
      if (error instanceof TargetError) fail(request.id, error.code, error.message);
      else if (error instanceof LookupUnavailableError) fail(request.id, 'dns-unavailable', error.message);
      else if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) fail(request.id, 'timeout', 'The check took too long and was stopped.');
      else fail(request.id, 'internal', `The check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      if (ended) return;
      ended = true;
      stop.abort();
      input.removeListener('data', onData);
      // Let the last replies drain before the exit code is handed back.
      output.write('', () => resolve(code));
    };
    const pump = () => {
      while (running < MAX_CONCURRENT && waiting.length > 0 && !ended) {
        const request = waiting.shift()!;
        running += 1;
        void probe(request).finally(() => {
          running -= 1;
          pump();
        });
      }
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (const frame of decoder.push(bytes)) {
        if (frame.kind === 'oversize') {
          fail(null, 'too-large', `The message was ${frame.length} bytes; the limit is ${MAX_INCOMING_BYTES} bytes. It was skipped.`);
        } else if (frame.kind === 'desync') {
          fail(null, 'malformed', `A message length of ${frame.length} bytes is not native messaging; the host stops because it cannot find the next message.`);
          process.stderr.write('smtp-probe: native host stopped: the input is not native messaging.\n');
          return finish(0);
        } else if (frame.kind === 'malformed') {
          fail(null, 'malformed', frame.reason);
        } else {
          const checked = checkRequest(frame.value);
          if (!checked.ok) fail(checked.id, checked.code, checked.message);
          else if (running + waiting.length >= MAX_NATIVE_QUEUE) {
            fail(checked.request.id, 'busy', `The helper on this computer is already running ${MAX_NATIVE_QUEUE} checks; try again when they have finished.`);
          } else waiting.push(checked.request);
        }
      }
      pump();
    };
    input.on('data', onData);
    input.once('end', () => finish(0));
    input.once('close', () => finish(0));
    input.once('error', () => finish(0));
  });
}
