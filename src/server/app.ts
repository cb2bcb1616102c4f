/**
 * The probe service's HTTP API. `buildApp` returns a Fastify instance that is not listening yet, so tests
 * use `app.inject` and `serve.ts` calls `listen`.
 */
import { PassThrough } from 'node:stream';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { ApiErrorBody, ProbeEvent, ProbePort, ProbeReport } from '../core/api';
import { DEFAULT_CONFIG, type ServiceConfig } from './config';
import { hostsAwareResolver } from './hosts-aware-resolver';
import { systemResolver } from './dns';
import { originMatcher } from './origins';
import { createSafeFetch } from './discovery/http-fetch';
import { ApiFailure, toFailure } from './errors';
import { ProbeService, type ProbeDependencies } from './probe-service';
import { sharedRateLimitStore } from './rate-limit-store';
import { SharedRedis } from './redis';
import { discoverQuerySchema, probeBodySchema, schemaIssueMessage, type SchemaIssue } from './schemas';
import { openApiDocument } from './openapi';
import { escapeUnsafe } from '../core/sanitize';
// Only the version field is bundled (esbuild keeps the JSON's used top-level keys).
import { version } from '../../package.json';
import type { Duplex } from 'node:stream';

export type AppConfig = Partial<ServiceConfig> &
  Partial<ProbeDependencies> & {
    /** Fastify's logger option; structured JSON at info by default, silent in tests when false. */
    logger?: FastifyServerOptions['logger'];
  };

const NDJSON = 'application/x-ndjson';

function send(reply: FastifyReply, failure: ApiFailure): FastifyReply {
  if (failure.retryAfterSeconds !== undefined) reply.header('retry-after', String(failure.retryAfterSeconds));
  const body: ApiErrorBody = { error: failure.toApiError() };
  return reply.code(failure.statusCode).type('application/json; charset=utf-8').send(body);
}

/** The service's paths and the methods each takes (HEAD comes with GET); any other method is 405. */
const ROUTE_METHODS: Record<string, string[]> = {
  '/healthz': ['GET', 'HEAD'],
  '/readyz': ['GET', 'HEAD'],
  '/v1/openapi.json': ['GET', 'HEAD'],
  '/v1/discover': ['GET', 'HEAD'],
  '/v1/probe': ['POST'],
};

/**
 * A request Node's HTTP parser refused before Fastify saw it (headers over the size limit, too slow, not
 * HTTP at all): answered in the service's error document, as every other refusal is.
 */
function clientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['431 Request Header Fields Too Large', 'The request headers are larger than the service accepts.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['408 Request Timeout', 'The request did not arrive in time (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS).']
        : ['400 Bad Request', 'The request could not be read as HTTP.'];
  const body = JSON.stringify({ error: { code: 'invalid-request', message } });
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, too large), in words. */
function frameworkFailure(error: { statusCode?: number; code?: string }): ApiFailure | null {
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiFailure(413, 'invalid-request', 'The request body is larger than 4 KiB.');
  if (status === 415) return new ApiFailure(415, 'invalid-request', 'Send the request body as JSON (Content-Type: application/json).');
  if (status >= 400 && status < 500) {
    const message = error.code?.includes('JSON') ? 'The request body is not valid JSON.' : 'The request is not valid.';
    return new ApiFailure(status === 404 ? 404 : 400, status === 404 ? 'not-found' : 'invalid-request', message);
  }
  return null;
}

/** Logs name the target's domain at most: an email's local part is personal data (and never needed). */
function logTarget(target: string): string {
  const at = target.lastIndexOf('@');
  // Logged before it is validated: control and bidi characters (C1 and U+202E pass JSON raw) are written
  // as \u escapes, so a log viewer shows what was sent and obeys none of it.
  return escapeUnsafe(at === -1 ? target.slice(0, 253) : `*@${target.slice(at + 1, at + 254)}`);
}

let stdoutErrorsIgnored = false;

/**
 * Where the log lines go: stdout, through Node's own stream. When whatever reads stdout has gone (a log
 * shipper that died, journald restarting), the lines are dropped: pino's default writer retries a broken
 * pipe for ever, and the service could then never stop (SIGTERM and the shutdown timeout included).
 */
function logStream(): { write: (line: string) => void } {
  if (!stdoutErrorsIgnored) {
    stdoutErrorsIgnored = true;
    process.stdout.on('error', () => undefined);
  }
  return {
    write: (line) => {
      if (!process.stdout.destroyed && process.stdout.writable) process.stdout.write(line);
    },
  };
}

export function buildApp(input: AppConfig = {}): FastifyInstance {
  const config: ServiceConfig = {
    ...DEFAULT_CONFIG,
    ...input,
    timeouts: { ...DEFAULT_CONFIG.timeouts, ...input.timeouts },
    http: { ...DEFAULT_CONFIG.http, ...input.http },
  };
  // Its state changes are logged by the app's logger, which exists by the time Redis first answers.
  const shared = config.redisUrl
    ? new SharedRedis(config.redisUrl, { info: (object, message) => app.log.info(object, message), warn: (object, message) => app.log.warn(object, message) })
    : null;
  const service = new ProbeService(config, {
    resolver: input.resolver ?? (config.testDns ? systemResolver(1000, [config.testDns]) : hostsAwareResolver()),
    fetch: input.fetch ?? createSafeFetch({ allowPrivate: config.allowPrivate }),
    ...(input.autoconfigUrls ? { autoconfigUrls: input.autoconfigUrls } : {}),
    ...(input.probePort ? { probePort: input.probePort } : {}),
  }, shared);
  const originAllowed = originMatcher(config.corsOrigins);

  const app = Fastify({
    logger: input.logger ?? {
      level: 'info',
      stream: logStream(),
      // The default serializers log the client's address and the full URL (which can carry an email
      // address in ?address=); keep the method and path only.
      serializers: {
        req: (request: FastifyRequest) => ({ method: request.method, url: request.url.split('?')[0] }),
      },
    },
    // One line per request (onResponse below) instead of Fastify's two, with the probe's outcome in it.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 4096,
    clientErrorHandler: clientError,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    return503OnClosing: true,
    // Every limit keys on request.ip: the socket's address, or with TRUST_PROXY the client named by the
    // trusted proxies' X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    connectionTimeout: config.http.idleTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default), which would let a
      // half-sent request stay far longer than configured.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.http.headersTimeoutMs / 4))),
    },
  });
  // Ready means listening and not shutting down; a load balancer stops sending work on the first 503.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  if (shared) app.addHook('onClose', () => shared.close());

  const outcomes = new WeakMap<FastifyRequest, Record<string, unknown>>();
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, url: escapeUnsafe(request.url.split('?')[0] ?? ''), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime), ...outcomes.get(request) },
      'request',
    );
  });

  // A probe request is JSON; Fastify's built-in text/plain parser would only turn a mistake into a
  // confusing schema error instead of a clear 415.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: Error & { validation?: SchemaIssue[]; validationContext?: string; statusCode?: number; code?: string }, request, reply) => {
    if (error.validation) {
      return send(reply, new ApiFailure(400, 'invalid-request', schemaIssueMessage(error.validation[0], error.validationContext ?? 'body')));
    }
    const failure = error instanceof ApiFailure ? error : (frameworkFailure(error) ?? toFailure(error));
    if (failure.statusCode >= 500 && failure.code === 'internal') request.log.error({ err: error }, 'request failed');
    return send(reply, failure);
  });
  app.setNotFoundHandler((request, reply) => {
    // A known path asked with another method (DELETE /v1/probe) is 405 with the methods it takes (RFC 9110 15.5.6).
    const allowed = ROUTE_METHODS[request.url.split('?')[0] ?? ''];
    if (allowed && request.method !== 'OPTIONS') {
      reply.header('allow', allowed.join(', '));
      return send(reply, new ApiFailure(405, 'invalid-request', `${request.url.split('?')[0]} takes ${allowed.join(' or ')}, not ${request.method}.`));
    }
    return send(reply, new ApiFailure(404, 'not-found', 'No such endpoint; use POST /v1/probe or GET /v1/discover?address= (described at GET /v1/openapi.json).'));
  });

  // Only the extension may call from a browser. Any other Origin (a web page trying to use the service
  // through its visitors' browsers) is refused before any work, preflight or not.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !originAllowed(origin)) {
      return send(reply, new ApiFailure(403, 'invalid-request', 'This origin may not call the probe service.'));
    }
  });
  app.register(cors, {
    // Reflects the request's own origin once the hook above let it through (never `*`).
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'accept'],
    exposedHeaders: ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  });
  if (config.rateLimitPerMinute > 0) {
    app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      // With Redis, every instance counts the same requests (per instance while Redis is away).
      ...(shared ? { store: sharedRateLimitStore(shared) } : {}),
      errorResponseBuilder: (_request, context) => {
        const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
        return new ApiFailure(429, 'rate-limited', `Too many requests from your address; wait ${seconds} s and try again.`, seconds);
      },
    });
  }

  app.register(async (routes) => {
    routes.get('/healthz', { config: { rateLimit: false } }, async () => ({
      status: 'ok',
      ...service.stats,
      // Still ok without Redis: the instance answers, with its own limits and cache until Redis is back.
      ...(shared ? { redis: shared.health } : {}),
    }));
    routes.get('/readyz', { config: { rateLimit: false } }, async (_request, reply) => {
      if (closing) return reply.code(503).send({ status: 'stopping' });
      if (!app.server.listening) return reply.code(503).send({ status: 'starting' });
      return { status: 'ready' };
    });

    const openApi = JSON.stringify(openApiDocument(version));
    routes.get('/v1/openapi.json', { config: { rateLimit: false } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('application/json; charset=utf-8').send(openApi),
    );

    routes.get<{ Querystring: { address: string } }>('/v1/discover', { schema: { querystring: discoverQuerySchema } }, async (request, reply) => {
      const controller = abortOnDisconnect(reply);
      outcomes.set(request, { target: logTarget(request.query.address) });
      const discovery = await service.discover(request.query.address, controller.signal);
      outcomes.set(request, { target: logTarget(request.query.address), candidates: discovery.candidates.length });
      return discovery;
    });

    routes.post<{ Body: { target: string; ports?: ProbePort[] } }>('/v1/probe', { schema: { body: probeBodySchema } }, async (request, reply) => {
      const { target, ports } = request.body;
      const controller = abortOnDisconnect(reply);
      outcomes.set(request, { target: logTarget(target) });
      const log = ({ server, durationMs, cached, recommendation }: ProbeReport) =>
        outcomes.set(request, { target: logTarget(target), server, probeMs: durationMs, cached, recommendedPort: recommendation?.port ?? null });

      if (!(request.headers.accept ?? '').includes(NDJSON)) {
        const { report, json } = await service.probe(target, ports, { signal: controller.signal });
        log(report);
        reply.header('cache-control', 'no-store').type('application/json; charset=utf-8');
        return json ?? report;
      }

      // Streaming: the status line waits for the first event, so a target refused before any work
      // (invalid, private, rate-limited) still gets its proper 4xx; after that, failures travel as an
      // `error` event at the end of the stream.
      const stream = new PassThrough();
      let markStarted: () => void = () => {};
      const started = new Promise<void>((resolve) => (markStarted = resolve));
      const write = (event: ProbeEvent) => {
        stream.write(`${JSON.stringify(event)}\n`);
        markStarted();
      };
      const running = service.probe(target, ports, { signal: controller.signal, onEvent: write });
      await Promise.race([started, running]);
      running.then(
        ({ report }) => {
          log(report);
          stream.end();
        },
        (error: unknown) => {
          const failure = toFailure(error);
          if (failure.code === 'internal') request.log.error({ err: error }, 'probe failed');
          stream.end(`${JSON.stringify({ type: 'error', error: failure.toApiError() } satisfies ProbeEvent)}\n`);
        },
      );
      return reply
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .type(`${NDJSON}; charset=utf-8`)
        .send(stream);
    });
  });
  return app;
}

/** Fastify takes a hop count too, but its types do not say so: the same rule as a function. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** A client that hangs up stops its probe: no sockets left talking to mail servers for nobody. */
function abortOnDisconnect(reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller;
}
