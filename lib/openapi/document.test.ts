import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchCriteriaFieldSchema, matchCriteriaSchema } from '../schemas/explanation';
import { openApiDocument } from './document';

const API_ROOT = path.join(process.cwd(), 'app/api/v1');

/** "METHOD /path" for every exported handler of every route file under app/api/v1. */
function routeOperations(dir = API_ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...routeOperations(full));
    else if (entry === 'route.ts') {
      const routePath = path.relative(API_ROOT, dir).split(path.sep).map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
      for (const [, method] of readFileSync(full, 'utf8').matchAll(/export const (GET|POST|PATCH|DELETE|PUT)\b/g)) {
        found.push(`${method.toLowerCase()} /api/v1/${routePath}`);
      }
    }
  }
  return found.sort();
}

describe('openApiDocument', () => {
  const document = openApiDocument();

  it('is OpenAPI 3.1 and documents every route handler (and nothing that does not exist)', () => {
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method} ${route}`));
    const implemented = routeOperations().filter((operation) => !operation.endsWith('/openapi.json'));
    expect(documented.sort()).toEqual(implemented);
  });

  it('describes request bodies from the zod schemas, with examples', () => {
    const create = document.paths['/api/v1/customers'].post as { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] }; example: unknown } } } };
    const body = create.requestBody.content['application/json'];
    expect(body.schema.required).toEqual(['company_name']);
    expect(Object.keys(body.schema.properties)).toEqual(expect.arrayContaining(['state_province', 'annual_revenue', 'email', 'employee_count']));
    expect(body.example).toMatchObject({ company_name: 'Acme Corporation' });
  });

  it('documents the scope each route handler enforces (erasure is admin)', () => {
    const enforced: Record<string, string> = {};
    const operations = routeOperations().filter((operation) => !operation.endsWith('/openapi.json'));
    for (const operation of operations) {
      const [method, routePath] = operation.split(' ');
      const file = path.join(API_ROOT, routePath.replace('/api/v1/', '').replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
      const scope = new RegExp(`export const ${method.toUpperCase()} = route(?:<[^>]*>)?\\(\\{ scope: (?:'(\\w+)'|null)`).exec(readFileSync(file, 'utf8'));
      if (scope) enforced[operation] = scope[1] ?? 'none';
    }
    const documented = Object.fromEntries(
      Object.entries(document.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, described]) => [`${method} ${route}`, ((described as { security: Array<{ apiKey: string[] }> }).security[0]?.apiKey[0]) ?? 'none'])),
    );
    expect(Object.keys(enforced).sort()).toEqual(operations);
    for (const [operation, scope] of Object.entries(enforced)) expect({ operation, scope: documented[operation] }).toEqual({ operation, scope });
    expect(enforced['delete /api/v1/customers/{id}']).toBe('admin');
  });

  it('lists error responses and the bearer scheme', () => {
    const review = document.paths['/api/v1/matches/{id}/review'].post as { responses: Record<string, unknown>; security: unknown[] };
    expect(Object.keys(review.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '422', '429']));
    expect(review.security).toEqual([{ apiKey: ['review'] }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes match_criteria from the explanation schema the writer satisfies, m, u and term_frequency_adjusted included', () => {
    interface ObjectSchema { properties: Record<string, unknown>; additionalProperties?: boolean }
    const listing = (document.paths['/api/v1/matches/{id}'].get as { responses: Record<string, { content: Record<string, { schema: ObjectSchema }> }> }).responses['200'].content['application/json'].schema;
    const criteria = ((listing.properties.matches as { items: ObjectSchema }).items.properties.match_criteria) as ObjectSchema;
    const field = (criteria.properties.fields as { items: ObjectSchema }).items;
    expect(Object.keys(criteria.properties).sort()).toEqual(Object.keys(matchCriteriaSchema.shape).sort());
    expect(Object.keys(field.properties).sort()).toEqual(Object.keys(matchCriteriaFieldSchema.shape).sort());
    expect(Object.keys(field.properties)).toEqual(expect.arrayContaining(['m', 'u', 'term_frequency_adjusted']));
    expect([criteria.additionalProperties, field.additionalProperties]).toEqual([false, false]);
  });
});
