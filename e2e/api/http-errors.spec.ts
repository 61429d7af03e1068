// What the API answers outside its operations: an unknown path is a JSON 404 and a method a path does not
// have is a JSON 405 naming the methods it has (Allow) — the one error shape, never an HTML page or an empty body.
import { OPERATIONS } from '../../lib/openapi/operations';
import { expectError } from '../support/contract';
import { expect, test } from '../support/matching-api';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every documented path (ids as 1) with the methods it answers; /openapi.json is served but not an operation. */
function documentedPaths(): Map<string, Set<string>> {
  const paths = new Map<string, Set<string>>([['/openapi.json', new Set(['GET'])]]);
  for (const operation of OPERATIONS) {
    const path = operation.path.replace(/\{[^}]+\}/g, '1');
    paths.set(path, (paths.get(path) ?? new Set()).add(operation.method.toUpperCase()));
  }
  return paths;
}

/** As Next's OPTIONS answers it: HEAD with GET, OPTIONS always, sorted. */
function allowHeader(methods: Set<string>): string {
  return [...methods, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'].sort().join(', ');
}

test.describe('unknown paths', () => {
  for (const [method, path] of [
    ['GET', '/api/v1/nothing-here'],
    ['POST', '/api/v1/customers/1/unknown'],
    ['DELETE', '/api/v1/matches/1/review/extra'],
    ['GET', '/customers/1/unknown'],
    ['PATCH', '/matches/1/whatever'],
    ['GET', '/api/v2/customers'],
  ] as const) {
    test(`${method} ${path} answers a JSON 404`, async ({ request }) => {
      const response = await request.fetch(path, { method, headers: { 'X-Request-Id': 'probe-404' } });
      const body = await expectError(response, 404, 'not_found', /No API endpoint/);
      expect(body.error.message).toContain(new URL(path, 'http://x').pathname);
      expect(response.headers()['x-request-id']).toBe('probe-404');
    });
  }
});

test.describe('methods a path does not have', () => {
  const paths = documentedPaths();
  for (const [path, methods] of paths) {
    const missing = METHODS.filter((method) => !methods.has(method));
    test(`${missing.join(', ')} /api/v1${path} answer a JSON 405 with Allow: ${allowHeader(methods)}`, async ({ request }) => {
      for (const method of missing) {
        const response = await request.fetch(`/api/v1${path}`, { method, headers: { 'X-Request-Id': 'probe-405' } });
        const body = await expectError(response, 405, 'method_not_allowed');
        expect(body.error.message).toContain(method);
        expect(response.headers()['allow'], `${method} ${path}`).toBe(allowHeader(methods));
        expect(response.headers()['x-request-id']).toBe('probe-405');
      }
    });
  }

  test('the seed aliases answer the same 405', async ({ request }) => {
    for (const [method, path, allow] of [
      ['PUT', '/customers', 'GET, HEAD, OPTIONS, POST'],
      ['GET', '/customers/match/1', 'OPTIONS, POST'],
      ['POST', '/health', 'GET, HEAD, OPTIONS'],
    ] as const) {
      const response = await request.fetch(path, { method });
      await expectError(response, 405, 'method_not_allowed');
      expect(response.headers()['allow']).toBe(allow);
    }
  });

  test('OPTIONS names the same methods as the 405', async ({ request }) => {
    const response = await request.fetch('/api/v1/customers/1', { method: 'OPTIONS' });
    expect(response.status()).toBe(204);
    expect(response.headers()['allow']).toBe(allowHeader(paths.get('/customers/1')!));
  });
});
