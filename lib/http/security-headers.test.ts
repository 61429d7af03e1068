import { describe, expect, it } from 'vitest';
import { HSTS_VALUE, isApiPath, newNonce, pageContentSecurityPolicy, strictTransportSecurity } from './security-headers';

describe('isApiPath', () => {
  it.each(['/api/v1/customers', '/api/v1', '/customers', '/customers/1', '/customers/import', '/matches/export', '/health', '/audit', '/openapi.json'])('%s is the API', (path) => {
    expect(isApiPath(path)).toBe(true);
  });
  it.each(['/', '/review', '/directory', '/import', '/import/upload', '/audit-log', '/dashboard', '/docs', '/login', '/export', '/customersfoo', '/healthz'])('%s is a page', (path) => {
    expect(isApiPath(path)).toBe(false);
  });
});

describe('pageContentSecurityPolicy', () => {
  it('admits scripts from this origin and with the nonce only, and forbids framing, plugins and foreign forms', () => {
    const policy = pageContentSecurityPolicy('abc123', { development: false });
    const directives = Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'script-src': "'self' 'nonce-abc123'",
      'style-src': "'self' 'unsafe-inline'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
  });
  it('allows eval only for the development build', () => {
    expect(pageContentSecurityPolicy('n', { development: true })).toContain("script-src 'self' 'nonce-n' 'unsafe-eval';");
    expect(pageContentSecurityPolicy('n', { development: false })).not.toContain('unsafe-eval');
  });
});

describe('newNonce', () => {
  it('is 128 bits of base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('strictTransportSecurity', () => {
  const http = new Request('http://127.0.0.1:3000/');
  const https = new Request('https://cm.example.org/');
  const proxied = new Request('http://10.0.0.5:3000/', { headers: { 'x-forwarded-proto': 'https' } });
  it.each<[string, Parameters<typeof strictTransportSecurity>, string | null]>([
    ['auto, production, plain http', ['auto', true, http], null],
    ['auto, production, https', ['auto', true, https], HSTS_VALUE],
    ['auto, production, TLS ended at a proxy', ['auto', true, proxied], HSTS_VALUE],
    ['auto, development, https', ['auto', false, https], null],
    ['on, development, plain http', ['on', false, http], HSTS_VALUE],
    ['off, production, https', ['off', true, https], null],
  ])('%s', (_label, args, expected) => {
    expect(strictTransportSecurity(...args)).toBe(expected);
  });
});
