/**
 * Request schemas for Fastify's validator, and the sentences their failures become. Ajv's own messages
 * ("must NOT have additional properties") do not say which field or what to send instead.
 */
import { PROBE_PORTS } from '../core/api';
import { MAX_PORT_ENTRIES } from '../core/port-list';

export const probeBodySchema = {
  type: 'object',
  required: ['target'],
  additionalProperties: false,
  properties: {
    target: { type: 'string', minLength: 1, maxLength: 1024 },
    // The shape only, for precise messages; the rule itself (a port listed twice counts once) is
    // core/port-list.ts, applied by the service.
    ports: { type: 'array', minItems: 1, maxItems: MAX_PORT_ENTRIES, items: { type: 'integer', enum: [...PROBE_PORTS] } },
  },
} as const;

export const discoverQuerySchema = {
  type: 'object',
  required: ['address'],
  additionalProperties: false,
  properties: { address: { type: 'string', minLength: 1, maxLength: 1024 } },
} as const;

export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const PORT_LIST = PROBE_PORTS.join(', ');

/** "/ports/1" → "ports[1]"; the empty path is the whole body or query. */
function fieldName(instancePath: string): string {
  return instancePath
    .split('/')
    .filter((part) => part !== '')
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

export function schemaIssueMessage(issue: SchemaIssue | undefined, context: string): string {
  const where = context === 'querystring' ? 'query' : 'body';
  if (!issue) return `The request ${where} is not valid.`;
  const field = fieldName(issue.instancePath);
  const inPorts = field.startsWith('ports');
  switch (issue.keyword) {
    case 'required':
      return `The request ${where} needs "${String(issue.params.missingProperty)}".`;
    case 'additionalProperties':
      return `The request ${where} has an unknown field "${String(issue.params.additionalProperty)}".`;
    case 'type':
      if (field === '') return `The request ${where} must be a JSON object.`;
      if (field === 'ports') return `"ports" must be a list of port numbers (${PORT_LIST}).`;
      if (inPorts) return `"${field}" must be a port number (${PORT_LIST}).`;
      return `"${field}" must be a ${String(issue.params.type)}.`;
    case 'enum':
      return `"${field}" must be one of the ports ${PORT_LIST}.`;
    case 'minLength':
      return `"${field}" must not be empty.`;
    case 'maxLength':
      return `"${field}" is longer than ${String(issue.params.limit)} characters.`;
    case 'minItems':
      return `"${field}" must list at least one port.`;
    case 'maxItems':
      return `"${field}" lists more than ${String(issue.params.limit)} ports.`;
    case 'uniqueItems':
      return `"${field}" lists the same port twice.`;
    default:
      return `"${field || where}" is not valid.`;
  }
}
