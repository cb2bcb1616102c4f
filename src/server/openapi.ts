/**
 * The OpenAPI 3.1 description served at GET /v1/openapi.json. The request parts are the very schema
 * objects Fastify validates with (schemas.ts); the response parts are the JSON Schema of the types in
 * core/api.ts, written once here with their enums taken from the same constants. Only keywords that
 * mean the same in JSON Schema draft-07 and 2020-12 are used, so any validator reads it.
 * test/integration/openapi.test.ts holds real answers against it.
 */
import {
  API_ERROR_CODES,
  AUTHENTICATIONS,
  DISCOVERY_OUTCOMES,
  DISCOVERY_SOURCES,
  PORT_STATES,
  PROBE_PORTS,
  SECURITIES,
  TARGET_KINDS,
  USERNAME_FORMS,
  WARNING_CODES,
} from '../core/api';
import { discoverQuerySchema, probeBodySchema } from './schemas';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const string: Schema = { type: 'string' };
const nullableString: Schema = { type: ['string', 'null'] };
const strings: Schema = { type: 'array', items: string };
const enumOf = (values: readonly (string | number)[]): Schema => ({ enum: [...values] });

/** An object whose listed fields are all required unless named in `optional`, and nothing else. */
function object(properties: Record<string, Schema>, optional: string[] = [], description?: string): Schema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    additionalProperties: false,
    properties,
  };
}

const schemas: Record<string, Schema> = {
  ProbeRequest: probeBodySchema,
  ProbePort: { type: 'integer', enum: [...PROBE_PORTS] },
  Security: enumOf(SECURITIES),
  Authentication: enumOf(AUTHENTICATIONS),
  Username: object(
    { form: enumOf(USERNAME_FORMS), pattern: string, value: nullableString },
    [],
    'The login name the provider publishes: the pattern with %EMAILLOCALPART% / %EMAILADDRESS% kept, and its value for the address given (null for a domain).',
  ),
  TlsFacts: object(
    {
      authorized: { type: 'boolean' },
      authorizationError: nullableString,
      protocol: nullableString,
      cipher: nullableString,
      subject: nullableString,
      issuer: nullableString,
      validNames: strings,
      validFrom: nullableString,
      validTo: nullableString,
      matchesHost: { type: 'boolean' },
      selfSigned: { type: 'boolean' },
      expired: { type: 'boolean' },
      fingerprint256: nullableString,
      chainTrusted: { type: 'boolean' },
      keyType: nullableString,
      keyBits: { type: ['integer', 'null'] },
      curve: nullableString,
      signatureAlgorithm: nullableString,
    },
    ['chainTrusted', 'keyType', 'keyBits', 'curve', 'signatureAlgorithm'],
  ),
  PortResult: object(
    {
      port: ref('ProbePort'),
      address: string,
      family: { type: 'integer', enum: [4, 6] },
      state: enumOf(PORT_STATES),
      message: string,
      banner: nullableString,
      ehlo: object({ beforeTls: { type: ['array', 'null'], items: string }, afterTls: { type: ['array', 'null'], items: string }, usedHelo: { type: 'boolean' } }),
      security: ref('Security'),
      tls: { oneOf: [ref('TlsFacts'), { type: 'null' }] },
      auth: strings,
      slowGreeting: { type: 'boolean' },
      latency: object({ connectMs: { type: ['number', 'null'] }, greetingMs: { type: ['number', 'null'] }, totalMs: { type: 'number' } }),
      tlsError: string,
    },
    ['tlsError'],
    'What one port of one address did; `message` says it in one sentence.',
  ),
  OutgoingServerCandidate: object(
    {
      hostname: string,
      port: { type: 'integer' },
      security: ref('Security'),
      authentication: ref('Authentication'),
      username: { oneOf: [ref('Username'), { type: 'null' }] },
      source: enumOf(DISCOVERY_SOURCES),
      detail: string,
    },
    ['username'],
  ),
  DiscoveryStep: object({ source: enumOf(DISCOVERY_SOURCES), query: string, outcome: enumOf(DISCOVERY_OUTCOMES), message: string }),
  IncomingServerCandidate: object({
    protocol: enumOf(['imap', 'pop3']),
    hostname: string,
    port: { type: 'integer' },
    security: enumOf(['tls', 'starttls']),
    source: enumOf(DISCOVERY_SOURCES),
    detail: string,
  }),
  DiscoveryResult: object(
    {
      domain: string,
      candidates: { type: 'array', items: ref('OutgoingServerCandidate') },
      steps: { type: 'array', items: ref('DiscoveryStep') },
      incoming: { type: 'array', items: ref('IncomingServerCandidate') },
    },
    ['incoming'],
  ),
  CertificateWeakness: {
    oneOf: [
      object({ kind: { const: 'short-key' }, keyType: string, bits: { type: 'integer' } }),
      object({ kind: { const: 'short-curve' }, bits: { type: 'integer' }, curve: nullableString }),
      object({ kind: { const: 'weak-signature' }, algorithm: string, hash: enumOf(['SHA-1', 'MD5 or older']) }),
    ],
  },
  WarningParams: object(
    {
      reason: enumOf(['none-checked', 'none-answered', 'swapped', 'tls-failed', 'no-encrypted-session']),
      ports: { type: 'array', items: { type: 'integer' } },
      validTo: nullableString,
      server: string,
      names: strings,
      selfSigned: { type: 'boolean' },
      issuer: nullableString,
      expired: { type: 'boolean' },
      weaknesses: { type: 'array', items: ref('CertificateWeakness') },
      mechanisms: strings,
      method: enumOf(['ntlm', 'kerberos']),
      addressCount: { type: 'integer' },
      checked: strings,
    },
    ['reason', 'ports', 'validTo', 'server', 'names', 'selfSigned', 'issuer', 'expired', 'weaknesses', 'mechanisms', 'method', 'addressCount', 'checked'],
    'The facts the warning is made of, for a user interface to word in its own language.',
  ),
  Warning: object({ code: enumOf(WARNING_CODES), message: string, port: { type: 'integer' }, params: ref('WarningParams') }, ['port', 'params']),
  Recommendation: object(
    {
      server: string,
      port: { type: 'integer' },
      security: ref('Security'),
      authentication: ref('Authentication'),
      username: { oneOf: [ref('Username'), { type: 'null' }] },
      summary: string,
      alternative: { oneOf: [object({ port: { type: 'integer' }, security: ref('Security') }), { type: 'null' }] },
    },
    ['username'],
  ),
  ProbeReport: object({
    target: string,
    kind: enumOf(TARGET_KINDS),
    server: string,
    discovery: { oneOf: [ref('DiscoveryResult'), { type: 'null' }] },
    ports: { type: 'array', items: ref('PortResult') },
    recommendation: { oneOf: [ref('Recommendation'), { type: 'null' }] },
    warnings: { type: 'array', items: ref('Warning') },
    startedAt: string,
    durationMs: { type: 'number' },
    cached: { type: 'boolean' },
  }),
  ApiError: object({ code: enumOf(API_ERROR_CODES), message: string, retryAfterSeconds: { type: 'integer' } }, ['retryAfterSeconds']),
  ApiErrorBody: object({ error: ref('ApiError') }),
  ProbeEvent: {
    description: 'One line of the NDJSON stream: start, discovery (when the target was an address or domain), one port line per port as it finishes, then done or error.',
    oneOf: [
      object({ type: { const: 'start' }, target: string, server: string, kind: enumOf(TARGET_KINDS), ports: { type: 'array', items: ref('ProbePort') }, addresses: strings }),
      object({ type: { const: 'discovery' }, discovery: ref('DiscoveryResult') }),
      object({ type: { const: 'port' }, result: ref('PortResult') }),
      object({ type: { const: 'done' }, report: ref('ProbeReport') }),
      object({ type: { const: 'error' }, error: ref('ApiError') }),
    ],
  },
  Health: {
    type: 'object',
    required: ['status'],
    properties: { status: { const: 'ok' }, inFlight: { type: 'integer' }, cached: { type: 'integer' } },
  },
  Ready: object({ status: enumOf(['ready', 'starting', 'stopping']) }),
};

const json = (schema: Schema) => ({ 'application/json': { schema } });
const failure = (description: string) => ({ description, content: json(ref('ApiErrorBody')) });

export function openApiDocument(version: string): Schema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'SMTP Port Assistant probe service',
      version,
      description:
        'Tells which of ports 25, 465, 587 and 2525 of a mail server answer, with which security, certificate and authentication, and what to type into the mail program. Never sends mail; connects to public addresses only.',
    },
    paths: {
      '/v1/probe': {
        post: {
          summary: 'Probe the outgoing server of an email address, domain or server name',
          requestBody: { required: true, content: json(ref('ProbeRequest')) },
          responses: {
            '200': {
              description:
                'The report; with Accept: application/x-ndjson a stream of ProbeEvent lines instead (after the first line, failures arrive as an error line).',
              content: { ...json(ref('ProbeReport')), 'application/x-ndjson': { schema: ref('ProbeEvent') } },
            },
            '400': failure('The request or the target is not valid (invalid-request, invalid-target, refused-target).'),
            '403': failure('The Origin header names an origin that is not allowed (CORS_ORIGINS).'),
            '413': failure('The body is larger than 4 KiB.'),
            '415': failure('The body is not sent as application/json.'),
            '429': failure('Too many requests from this client or for this target; see retryAfterSeconds and Retry-After.'),
            '503': failure('Too many probes running (busy), or the server name could not be looked up because DNS failed or did not answer (dns-unavailable); see retryAfterSeconds and Retry-After.'),
          },
        },
      },
      '/v1/discover': {
        get: {
          summary: 'Find the outgoing server of an address or domain without probing it',
          parameters: Object.entries(discoverQuerySchema.properties).map(([name, schema]) => ({
            name,
            in: 'query',
            required: (discoverQuerySchema.required as readonly string[]).includes(name),
            schema,
          })),
          responses: {
            '200': { description: 'What discovery found, and each step it took.', content: json(ref('DiscoveryResult')) },
            '400': failure('The address is missing or not valid.'),
            '429': failure('Too many requests from this client.'),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness, with running probes and cached reports', responses: { '200': { description: 'Alive.', content: json(ref('Health')) } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: listening and not shutting down',
          responses: {
            '200': { description: 'Ready.', content: json(ref('Ready')) },
            '503': { description: 'Starting or stopping.', content: json(ref('Ready')) },
          },
        },
      },
      '/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
    components: { schemas },
  };
}
