// Builds the OpenAPI 3.1 document from the operation list and the zod schemas.
import { z } from 'zod';
import { APP_VERSION } from '../services/health';
import { OPERATIONS, type Operation } from './operations';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON or request',
  401: 'Missing or invalid API key',
  403: 'The API key lacks the scope',
  404: 'Not found',
  409: 'Conflict (duplicate source id, stale version, idempotency key in use, a link across a hard conflict)',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'Validation failed (details lists field paths)',
  429: 'Rate limited (see Retry-After)',
  503: 'Database or embedding provider unreachable',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete generated.$schema;
  return generated;
}

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: object.required?.includes(name) ?? false, schema: property }));
}

function operationObject(operation: Operation) {
  const parameters = [
    ...(operation.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } })),
    ...queryParameters(operation.query),
    ...(operation.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Retrying with the same key returns the first response and creates nothing twice.' }] : []),
  ];
  const responses: Record<string, unknown> = {};
  for (const success of [operation.success, ...(operation.alsoSuccess ? [operation.alsoSuccess] : [])]) {
    responses[success.status] = {
      description: success.description,
      ...(success.schema ? { content: { 'application/json': { schema: jsonSchema(success.schema, 'output') } } } : {}),
    };
  }
  for (const status of operation.errors) {
    responses[status] = { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    operationId: `${operation.method}${operation.path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: operation.scope ? [{ apiKey: [operation.scope] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { [operation.bodyContentType ?? 'application/json']: { schema: jsonSchema(operation.body, 'input'), ...(operation.bodyExample ? { example: operation.bodyExample } : {}) } } } }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const path = `/api/v1${operation.path}`;
    paths[path] ??= {};
    paths[path][operation.method] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Customer Matching API',
      version: APP_VERSION,
      description:
        'Find which existing customer an incoming record is, with a calibrated match probability, a confidence band and a per-field explanation. ' +
        'Every path also answers without the /api/v1 prefix (the proof of concept\'s paths). Errors are { "error": { "code", "message", "details"? } }.',
    },
    servers: [{ url: '/' }],
    tags: ['Health', 'Customers', 'Incoming', 'Matching', 'Review', 'Audit'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'API key from `npm run api-keys -- create` (scopes: read, write, review, admin)' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
      },
    },
  };
}
