// Security headers on API answers and pages, as a browser receives them from `next start` (production,
// plain http on 127.0.0.1): CSP with a fresh nonce per page, no framing, nosniff, Referrer-Policy, and HSTS
// only when the request came over https (here: told so by X-Forwarded-Proto, as from a TLS-terminating proxy).
import type { APIResponse } from '@playwright/test';
import { expect, test } from '../support/matching-api';

function directives(response: APIResponse): Map<string, string> {
  const policy = response.headers()['content-security-policy'];
  expect(policy, `${response.url()} has a Content-Security-Policy`).toBeTruthy();
  return new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => [part.split(/\s+/)[0], part.slice(part.split(/\s+/)[0].length).trim()]));
}

function expectCommonHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers['x-content-type-options'], response.url()).toBe('nosniff');
  expect(headers['referrer-policy'], response.url()).toBe('same-origin');
  expect(headers['x-frame-options'], response.url()).toBe('DENY');
  expect(headers['strict-transport-security'], `${response.url()} over plain http`).toBeUndefined();
}

test.describe('API responses', () => {
  for (const [method, path] of [
    ['GET', '/api/v1/health'],
    ['GET', '/customers?limit=1'],
    ['GET', '/api/v1/openapi.json'],
    ['POST', '/customers/search'],
    ['GET', '/api/v1/customers/999999999'],
    ['GET', '/api/v1/customers/import'],
    ['GET', '/api/v1/nothing-here'],
  ] as const) {
    test(`${method} ${path} forbids everything a document could load, framing included`, async ({ request }) => {
      const response = await request.fetch(path, { method, data: method === 'POST' ? { query_text: 'Acme' } : undefined });
      expectCommonHeaders(response);
      const csp = directives(response);
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
    });
  }

  test('the multipart import answers with the same headers (it bypasses the proxy to stream its body)', async ({ request }) => {
    const response = await request.post('/customers/import', { multipart: { dry_run: 'true', file: { name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from('company_name\nHeaders Check\n') } } });
    expect(response.status()).toBe(200);
    expectCommonHeaders(response);
  });
});

test.describe('pages', () => {
  for (const path of ['/', '/review', '/directory', '/import', '/dashboard', '/audit-log', '/docs']) {
    test(`${path} sends a CSP whose scripts need this response's nonce`, async ({ request }) => {
      const [first, second] = [await request.get(path), await request.get(path)];
      expect(first.status()).toBe(200);
      expectCommonHeaders(first);
      const csp = directives(first);
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp.get('script-src') ?? '')?.[1];
      expect(nonce, `script-src ${csp.get('script-src')}`).toMatch(/^[A-Za-z0-9+/]{22,}={0,2}$/);
      expect(csp.get('script-src')).not.toContain('unsafe-inline');
      expect(csp.get('script-src')).not.toContain('unsafe-eval');
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'self'");
      expect(csp.get('form-action')).toBe("'self'");
      // A nonce is for one response only.
      expect(directives(second).get('script-src')).not.toContain(nonce);
    });
  }
});

test('HSTS: sent over https in production, never over plain http', async ({ request }) => {
  expect((await request.get('/api/v1/health')).headers()['strict-transport-security']).toBeUndefined();
  for (const path of ['/api/v1/health', '/']) {
    const overTls = await request.get(path, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(overTls.headers()['strict-transport-security'], path).toBe('max-age=31536000');
  }
});
