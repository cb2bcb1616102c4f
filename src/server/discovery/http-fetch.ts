/**
 * The one way discovery reads a web page: bounded in size and time, HTTPS only, and through
 * request-filtering-agent so an autoconfig host that resolves to 127.0.0.1 or 169.254.169.254 cannot turn
 * the service into a proxy for the operator's internal network (SSRF).
 * node:http, node:https and the agent load on the first read, not with the module: the CLI checks a named
 * server without discovery far more often than it reads a web page, and loading them took 15 to 25 ms of
 * its start (`npm run bench:probe`).
 */
import type { Agent as HttpAgent, IncomingMessage, request as httpRequestType } from 'node:http';
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { mayConnect } from '../guard';

export interface FetchedText {
  status: number;
  text: string;
}

/** Injectable so tests answer from fixtures; must reject on network errors and honour `signal`. */
export type FetchText = (url: string, init: { signal?: AbortSignal }) => Promise<FetchedText>;

export const MAX_BODY_BYTES = 256 * 1024;
export const FETCH_TIMEOUT_MS = 5000;
const MAX_REDIRECTS = 3;

export interface SafeFetchOptions {
  /** Plain http:// as well (tests against a loopback fixture server only). */
  allowHttp?: boolean;
  /** Let loopback, RFC 1918 and unique-local addresses through the filter, nothing else (tests, PROBE_ALLOW_PRIVATE). */
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

export class FetchError extends Error {
  override readonly name = 'FetchError';
}

/** Connection errors by code, in words of our own: the raw text names addresses, ports and OpenSSL's internals. */
const CONNECTION_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'The web server refused the connection.',
  ECONNRESET: 'The web server closed the connection.',
  EHOSTUNREACH: 'The web server cannot be reached.',
  ENETUNREACH: 'The web server cannot be reached.',
  ETIMEDOUT: 'The web server did not answer in time.',
  ENOTFOUND: 'The name has no address.',
  EAI_AGAIN: 'The name could not be looked up; try again in a minute.',
};

/**
 * What a failed read says: our own FetchError as it is, a connection error in our words, and any other
 * failure (a TLS handshake, a certificate, a broken HTTP answer) as one sentence that names no internals.
 */
function plainFetchError(error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const known = CONNECTION_ERRORS[code];
  if (known) return new FetchError(known);
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'EPROTO') {
    return new FetchError('No trusted secure (https) connection could be made to the web server.');
  }
  return new FetchError('The web server could not be read.');
}

interface Transport {
  http: { request: typeof httpRequestType; agent: HttpAgent };
  https: { request: typeof httpRequestType; agent: HttpAgent };
}

async function loadTransport(filter: { allowPrivateIPAddress: boolean; keepAlive: boolean }): Promise<Transport> {
  const [http, https, filtering] = await Promise.all([import('node:http'), import('node:https'), import('request-filtering-agent')]);
  return {
    http: { request: http.request, agent: new filtering.RequestFilteringHttpAgent(filter) },
    https: { request: https.request, agent: new filtering.RequestFilteringHttpsAgent(filter) },
  };
}

export function createSafeFetch(options: SafeFetchOptions = {}): FetchText {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const filter = { allowPrivateIPAddress: options.allowPrivate ?? false, keepAlive: false };
  // The agent's allowPrivateIPAddress opens every non-public range, link-local metadata services
  // included, so every address is also held to the probe guard's own rule: public, or (allowPrivate)
  // loopback, RFC 1918 or unique-local only.
  const refusal = (address: string, host: string): FetchError | null => {
    if (mayConnect(address, options.allowPrivate === true)) return null;
    // The address itself is not said: behind a split-horizon resolver it would map the internal DNS.
    return new FetchError(`${host} is not allowed: its address is not public.`);
  };
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      for (const { address } of addresses) {
        const refused = refusal(address, hostname);
        if (refused) return callback(refused, '');
      }
      if (lookupOptions.all) return callback(null, addresses);
      const first = addresses[0];
      return first ? callback(null, first.address, first.family) : callback(new FetchError(`${hostname} has no address.`), '');
    });
  };
  let transport: Promise<Transport> | null = null;

  const getOnce = async (url: URL, signal: AbortSignal): Promise<{ status: number; location: string | null; text: string }> => {
    transport ??= loadTransport(filter);
    const { http, https } = await transport;
    return new Promise((resolve, reject) => {
      const isHttps = url.protocol === 'https:';
      const send = isHttps ? https.request : http.request;
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      const refused = isIP(literal) ? refusal(literal, url.hostname) : null;
      if (refused) {
        reject(refused);
        return;
      }
      const req = send(
        url,
        {
          method: 'GET',
          agent: isHttps ? https.agent : http.agent,
          lookup,
          signal,
          headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'smtp-port-assistant' },
        },
        (response: IncomingMessage) => {
          const status = response.statusCode ?? 0;
          const declared = Number(response.headers['content-length'] ?? 0);
          if (declared > maxBytes) {
            response.destroy();
            reject(new FetchError(`The answer is larger than ${maxBytes / 1024} KiB.`));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              response.destroy();
              reject(new FetchError(`The answer is larger than ${maxBytes / 1024} KiB.`));
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () =>
            resolve({
              status,
              location: typeof response.headers.location === 'string' ? response.headers.location : null,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  };

  return async (url, init) => {
    const signal = init.signal
      ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
      : AbortSignal.timeout(timeoutMs);
    let current = new URL(url);
    // A redirect may move to another host or path but never to another port: followed to any port, a
    // domain's owner could have the service tell open, closed and TLS ports of any public host apart.
    const port = current.port;
    for (let hop = 0; ; hop += 1) {
      if (current.protocol !== 'https:' && !(options.allowHttp && current.protocol === 'http:')) {
        throw new FetchError(`Only https:// addresses are read, not ${current.protocol}//.`);
      }
      if (current.port !== port) {
        throw new FetchError(`The address redirects to port ${current.port || (current.protocol === 'https:' ? 443 : 80)}; only port ${port || 443} is read.`);
      }
      let answer;
      try {
        answer = await getOnce(current, signal);
      } catch (error) {
        if (signal.aborted) throw new FetchError(`No answer within ${timeoutMs / 1000} s.`);
        throw plainFetchError(error);
      }
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (hop >= MAX_REDIRECTS) throw new FetchError('Too many redirects.');
        current = new URL(answer.location, current);
        continue;
      }
      return { status: answer.status, text: answer.text };
    }
  };
}
