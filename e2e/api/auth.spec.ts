// API keys, scopes, rate limits and Idempotency-Key, against the `api-auth` server (playwright.config.ts):
// AUTH_MODE=required, a token bucket of 1/s with burst 5 kept in Redis, keys provisioned before start-up
// by e2e/support/provision-api-keys.ts (one key per purpose, so tests never drain each other's bucket).
import type { APIRequestContext } from '@playwright/test';
import { OPERATIONS, type Operation } from '../../lib/openapi/operations';
import * as responses from '../../lib/schemas/responses';
import { ApiClient } from '../support/api-client';
import { AUTH_FAILURE_BURST, AUTH_RATE, AUTH_REDIS_URL, readProvisionedKeys, type KeyName, type ProvisionedKey } from '../support/auth-server';
import { expectBody, expectError } from '../support/contract';
import { expect, MatchingApi, test, uniqueToken } from '../support/matching-api';

let keys: Record<KeyName, ProvisionedKey>;

// Read when the tests run, not at load time: the server writes the file after Playwright has loaded the specs.
test.beforeAll(() => {
  keys = readProvisionedKeys();
});

function apiAs(request: APIRequestContext, name: KeyName | null): MatchingApi {
  return new MatchingApi(new ApiClient(request, name ? keys[name].key : undefined));
}

/** A request for an operation with its documented example body; path parameters are 1. */
function call(client: ApiClient, operation: Operation, options: { retryRateLimited?: boolean } = {}) {
  const path = operation.path.replace(/\{\w+\}/g, '1');
  return client.send(operation.method.toUpperCase() as 'GET', path, { ...options, ...(operation.body ? { json: operation.bodyExample ?? {} } : {}) });
}

const protectedOperations = OPERATIONS.filter((operation) => operation.scope !== null);

test.describe('authentication', () => {
  test('every protected operation refuses a call without a key: 401 naming "Authorization: Bearer", nothing written', async ({ request }) => {
    const admin = apiAs(request, 'admin');
    const before = { customers: await admin.count('/customers'), incoming: await admin.count('/customers/incoming') };
    const anonymous = new ApiClient(request);
    for (const operation of protectedOperations) {
      for (const prefix of ['', '/api/v1']) {
        const response = await call(anonymous, { ...operation, path: `${prefix}${operation.path}` });
        await expectError(response, 401, 'unauthorized', /Authorization: Bearer <key>/);
      }
    }
    expect({ customers: await admin.count('/customers'), incoming: await admin.count('/customers/incoming') }).toEqual(before);
  });

  test('/health, /openapi.json and /docs need no key', async ({ request }) => {
    const anonymous = new ApiClient(request);
    await expectBody(await anonymous.get('/health'), 200, responses.healthResponseSchema);
    expect((await (await anonymous.get('/openapi.json')).json()).paths['/api/v1/customers']).toBeDefined();
    const docs = await anonymous.get('/docs', { expectRequestId: false });
    expect(docs.status()).toBe(200);
    expect(docs.headers()['content-type']).toContain('text/html');
  });

  const badHeaders: Array<[string, string, RegExp]> = [
    ['a Basic credential', 'Basic dXNlcjpwYXNz', /Send the API key as "Authorization: Bearer <key>"/],
    ['Bearer without a key', 'Bearer', /Authorization: Bearer <key>/],
    ['a malformed key', 'Bearer not-a-real-key', /malformed; keys look like cm_/],
    ['a key with a bad secret length', 'Bearer cm_abcdef12_short', /malformed/],
    ['an unknown well-formed key', `Bearer cm_00000000_${'A'.repeat(32)}`, /unknown or revoked/],
  ];
  for (const [label, header, message] of badHeaders) {
    test(`${label} answers 401`, async ({ request }) => {
      await expectError(await new ApiClient(request).get('/customers', { headers: { Authorization: header } }), 401, 'unauthorized', message);
    });
  }

  test('an expired key answers 401 saying when it expired', async ({ request }) => {
    const expired = await expectError(await apiAs(request, 'expired').client.get('/customers'), 401, 'unauthorized', /^The API key expired at \d{4}-\d{2}-\d{2}T[\d:.]+Z; ask an administrator for a new one/);
    expect(new Date(expired.error.message.split(' ')[5].replace(/;$/, '')).getTime()).toBeLessThan(Date.now());
  });

  test('a known prefix with the wrong secret and a revoked key answer 401', async ({ request }) => {
    const forged = `cm_${keys.reader.prefix}_${'B'.repeat(32)}`;
    await expectError(await new ApiClient(request, forged).get('/customers'), 401, 'unauthorized', /unknown or revoked/);
    await expectError(await apiAs(request, 'revoked').client.get('/customers'), 401, 'unauthorized', /unknown or revoked/);
    await expectError(await apiAs(request, 'revoked').client.post('/customers', { company_name: 'Revoked Ltd' }), 401, 'unauthorized', /unknown or revoked/);
  });
});

test.describe('scopes', () => {
  // A key lacking the scope an operation needs gets 403 naming that scope (admin implies every scope).
  const lacking: Record<string, KeyName> = { read: 'writer', write: 'reader', review: 'writer', admin: 'idempotent' };
  for (const operation of protectedOperations) {
    test(`${operation.method.toUpperCase()} ${operation.path} needs "${operation.scope}": 403 for a key without it`, async ({ request }) => {
      const keyName = lacking[operation.scope!];
      const response = await call(apiAs(request, keyName).client, operation);
      const error = await expectError(response, 403, 'forbidden', new RegExp(`lacks the "${operation.scope}" scope`));
      expect(error.error.message).toContain(`(it has: ${keys[keyName].scopes.join(', ')})`);
    });
  }

  test('a read-only key can read and search but not write, review or read the audit log', async ({ request }) => {
    const reader = apiAs(request, 'reader');
    await expectBody(await reader.client.get('/customers?limit=2'), 200, responses.customerResponseSchema.array());
    await expectBody(await reader.client.post('/customers/search', { query_text: 'Acme', similarity_threshold: 0.5 }), 200, responses.searchResultSchema);
    await expectError(await reader.client.post('/customers', { company_name: 'Reader Ltd' }), 403, 'forbidden', /"write" scope/);
    await expectError(await reader.client.delete('/customers/1'), 403, 'forbidden', /"admin" scope/);
    await expectError(await reader.client.post('/matches/1/review', { decision: 'accept', expected_version: 1 }), 403, 'forbidden', /"review" scope/);
    await expectError(await reader.client.get('/audit'), 403, 'forbidden', /"admin" scope/);
  });

  test('writes are audited under the key that made them; the admin key reads the audit log', async ({ request }) => {
    const created = await apiAs(request, 'writer').createCustomer({ company_name: `Keyed ${uniqueToken()} Ltd` });
    const [event] = await apiAs(request, 'admin').audit({ entity_type: 'customer', entity_id: created.customer_id });
    expect(event).toMatchObject({ action: 'customer.created', actor: `api-key:${keys.writer.name}` });
  });

  test('erasing a customer needs admin: a write key gets 403 and the customer stays; the admin key erases it', async ({ request }) => {
    const writer = apiAs(request, 'writer');
    const created = await apiAs(request, 'otherWriter').createCustomer({ company_name: `Erasable ${uniqueToken()} Ltd` });
    await expectError(await writer.client.delete(`/customers/${created.customer_id}`), 403, 'forbidden', /lacks the "admin" scope needed here \(it has: write\)/);
    expect((await apiAs(request, 'otherWriter').client.get(`/customers/${created.customer_id}`)).status()).toBe(200);
    expect((await apiAs(request, 'admin').client.delete(`/customers/${created.customer_id}`)).status()).toBe(204);
    await expectError(await apiAs(request, 'otherWriter').client.get(`/customers/${created.customer_id}`), 404, 'not_found');
  });

  test('the decisions export (audit data) needs admin; matches and customers exports stay read', async ({ request }) => {
    const reader = apiAs(request, 'reader').client;
    for (const format of ['csv', 'json']) {
      await expectError(await reader.get(`/matches/export?what=decisions&format=${format}`), 403, 'forbidden', /lacks the "admin" scope needed here \(it has: read\)/);
    }
    // Refused before the query is read: a malformed decisions link tells a reader nothing either.
    await expectError(await reader.get('/matches/export?what=decisions&format=xml'), 403, 'forbidden', /"admin" scope/);
    for (const what of ['matches', 'customers']) {
      const response = await reader.get(`/matches/export?what=${what}&format=json`);
      expect(response.status(), what).toBe(200);
      expect(Array.isArray(await response.json())).toBe(true);
    }
    const decisions = await apiAs(request, 'admin').client.get('/matches/export?what=decisions&format=json');
    expect(decisions.status()).toBe(200);
    expect(decisions.headers()['content-disposition']).toMatch(/^attachment; filename="decisions-/);
  });

  test('a review key can decide on a match', async ({ request }) => {
    const { match } = await apiAs(request, 'admin').matchedPair();
    const review = await apiAs(request, 'reviewer').review(match.match_id, { decision: 'reject', expected_version: match.version });
    expect(review.match).toMatchObject({ review_decision: 'reject', reviewer: `api-key:${keys.reviewer.name}` });
  });
});

test.describe('rate limiting (Redis token bucket)', () => {
  test(`a burst beyond ${AUTH_RATE.burst} answers 429 with Retry-After and the error shape; the bucket lives in Redis`, async ({ request }) => {
    const limited = apiAs(request, 'limited').client;
    const started = Date.now();
    const remaining: string[] = [];
    let refused: Awaited<ReturnType<ApiClient['get']>> | undefined;
    for (let sent = 0; sent < AUTH_RATE.burst + 5 && !refused; sent += 1) {
      const response = await limited.get('/customers?limit=1', { retryRateLimited: false });
      if (response.status() === 429) refused = response;
      else {
        expect(response.status()).toBe(200);
        remaining.push(response.headers()['ratelimit-remaining']);
      }
    }
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(refused, `no 429 after ${remaining.length} requests in ${elapsedSeconds}s`).toBeDefined();
    expect(remaining[0]).toBe(String(AUTH_RATE.burst - 1));
    expect(remaining.length).toBeGreaterThanOrEqual(AUTH_RATE.burst);
    expect(remaining.length).toBeLessThanOrEqual(AUTH_RATE.burst + Math.ceil(elapsedSeconds * AUTH_RATE.perSecond));

    const retryAfter = Number(refused!.headers()['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(refused!.headers()['ratelimit-remaining']).toBe('0');
    await expectError(refused!, 429, 'rate_limited', new RegExp(`retry after ${retryAfter} s`));

    // The Redis limiter path, not the in-memory one: the bucket is a hash in Redis under the key's prefix.
    const { Redis } = await import('ioredis');
    const redis = new Redis(AUTH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const bucket = await redis.hgetall(`cm:rate:key:${keys.limited.prefix}`);
      expect(Number(bucket.tokens)).toBeLessThan(1);
      expect(Math.abs(Number(bucket.at) - Date.now())).toBeLessThan(10_000);
      expect(await redis.pttl(`cm:rate:key:${keys.limited.prefix}`)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }

    // Buckets are per key: another key is unaffected; and after Retry-After the limited key may call again.
    expect((await apiAs(request, 'bystander').client.get('/customers?limit=1', { retryRateLimited: false })).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await limited.get('/customers?limit=1', { retryRateLimited: false })).status()).toBe(200);
  });
});

test.describe('failed authentication (per client address, Redis bucket)', () => {
  // Each test its own address (the server trusts X-Forwarded-For from 127.0.0.1, its only peer here).
  const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
  const badKey = `cm_00000000_${'F'.repeat(32)}`;

  test(`past ${AUTH_FAILURE_BURST} bad keys from one address the next bad key gets 429 with Retry-After; valid keys and other addresses are unaffected`, async ({ request }) => {
    const attacker = address();
    const from = (ip: string, key: string) => new ApiClient(request, key).get('/customers?limit=1', { retryRateLimited: false, headers: { 'X-Forwarded-For': ip } });
    for (let attempt = 0; attempt < AUTH_FAILURE_BURST; attempt += 1) {
      await expectError(await from(attacker, badKey), 401, 'unauthorized', /unknown or revoked/);
    }
    const refused = await from(attacker, badKey);
    const body = await expectError(refused, 429, 'rate_limited', /^Too many failed sign-in attempts from your address; retry after \d+ s$/);
    const retryAfter = Number(refused.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(body.error.details).toEqual({ retry_after_seconds: retryAfter });
    // A valid key from the same address still works: a shared address (NAT, proxy) is not locked out.
    expect((await from(attacker, keys.reader.key)).status()).toBe(200);
    await expectError(await from(attacker, badKey), 429, 'rate_limited');

    // The bucket is per address and lives in Redis, apart from the per-key request buckets.
    const { Redis } = await import('ioredis');
    const redis = new Redis(AUTH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      expect(Number((await redis.hgetall(`cm:authfail:${attacker}`)).tokens)).toBeLessThan(1);
    } finally {
      redis.disconnect();
    }
    let neighbour = address();
    while (neighbour === attacker) neighbour = address();
    await expectError(await from(neighbour, badKey), 401, 'unauthorized');
  });

  test('successful calls spend nothing from the failure bucket; a failure spends one token', async ({ request }) => {
    const caller = address();
    const client = new ApiClient(request, keys.otherWriter.key);
    for (let call = 0; call < 3; call += 1) {
      expect((await client.get('/customers?limit=1', { headers: { 'X-Forwarded-For': caller } })).status()).toBe(200);
    }
    const { Redis } = await import('ioredis');
    const redis = new Redis(AUTH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      expect(await redis.exists(`cm:authfail:${caller}`)).toBe(0);
      await expectError(await new ApiClient(request, badKey).get('/customers', { retryRateLimited: false, headers: { 'X-Forwarded-For': caller } }), 401, 'unauthorized');
      const tokens = Number((await redis.hgetall(`cm:authfail:${caller}`)).tokens);
      expect(tokens).toBeGreaterThanOrEqual(AUTH_FAILURE_BURST - 1);
      expect(tokens).toBeLessThan(AUTH_FAILURE_BURST);
    } finally {
      redis.disconnect();
    }
  });
});

test.describe('Idempotency-Key', () => {
  const idempotencyKey = () => `e2e-${uniqueToken()}`;

  test('the same POST /customers twice answers the same body, replayed, and creates one row', async ({ request }) => {
    const api = apiAs(request, 'idempotent');
    const token = uniqueToken();
    const body = { company_name: `Idem ${token} Corp`, city: 'Lyon', country: 'FR' };
    const headers = { 'Idempotency-Key': idempotencyKey() };
    const first = await api.client.post('/customers', body, { headers });
    const created = await expectBody(first, 201, responses.customerResponseSchema);
    expect(first.headers()['idempotent-replayed']).toBeUndefined();
    const second = await api.client.post('/customers', body, { headers });
    expect(second.status()).toBe(201);
    expect(second.headers()['idempotent-replayed']).toBe('true');
    expect(await second.json()).toEqual(created);
    const rows = await expectBody(await api.client.get(`/customers?q=${token}`), 200, responses.customerResponseSchema.array());
    expect(rows.map((row) => row.customer_id)).toEqual([created.customer_id]);

    // The same key with a different body is refused and writes nothing.
    const changed = await api.client.post('/customers', { ...body, city: 'Paris' }, { headers });
    await expectError(changed, 422, 'validation_failed', /already used with a different request/);
    expect((await (await api.client.get(`/customers?q=${token}`)).json()).length).toBe(1);
  });

  test('without an Idempotency-Key the same POST creates two rows (the control)', async ({ request }) => {
    const api = apiAs(request, 'otherWriter');
    const token = uniqueToken();
    await api.createCustomer({ company_name: `Twice ${token} Corp` });
    await api.createCustomer({ company_name: `Twice ${token} Corp` });
    expect((await (await api.client.get(`/customers?q=${token}`)).json()).length).toBe(2);
  });

  test('POST /customers/incoming and /customers/incoming/batch replay instead of storing twice', async ({ request }) => {
    const api = apiAs(request, 'idempotent');
    const token = uniqueToken();
    const headers = { 'Idempotency-Key': idempotencyKey() };
    const single = { company_name: `Idem ${token} Single` };
    const [first, second] = [await api.client.post('/customers/incoming', single, { headers }), await api.client.post('/customers/incoming', single, { headers })];
    expect(second.headers()['idempotent-replayed']).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const batchHeaders = { 'Idempotency-Key': idempotencyKey() };
    const batch = { records: [{ company_name: `Idem ${token} Batch` }, { company_name: '' }] };
    const [firstBatch, secondBatch] = [await api.client.post('/customers/incoming/batch', batch, { headers: batchHeaders }), await api.client.post('/customers/incoming/batch', batch, { headers: batchHeaders })];
    expect(firstBatch.status()).toBe(201);
    expect(secondBatch.headers()['idempotent-replayed']).toBe('true');
    expect(await secondBatch.json()).toEqual(await firstBatch.json());
    const stored = await expectBody(await api.client.get(`/customers/incoming?q=${token}`), 200, responses.incomingResponseSchema.array());
    expect(stored.map((row) => row.company_name).sort()).toEqual([`Idem ${token} Batch`, `Idem ${token} Single`]);
  });

  test('a failed attempt does not burn the key; keys are per API key; a malformed key answers 400', async ({ request }) => {
    const api = apiAs(request, 'idempotent');
    const key = idempotencyKey();
    await expectError(await api.client.post('/customers', { company_name: '' }, { headers: { 'Idempotency-Key': key } }), 422, 'validation_failed');
    const body = { company_name: `Retry ${uniqueToken()} Corp` };
    const corrected = await api.client.post('/customers', body, { headers: { 'Idempotency-Key': key } });
    expect(corrected.status()).toBe(201);
    expect(corrected.headers()['idempotent-replayed']).toBeUndefined();

    // Another API key using the same Idempotency-Key value gets its own record, not the first key's response.
    const other = await apiAs(request, 'otherWriter').client.post('/customers', body, { headers: { 'Idempotency-Key': key } });
    expect(other.status()).toBe(201);
    expect(other.headers()['idempotent-replayed']).toBeUndefined();
    expect((await other.json()).customer_id).not.toBe((await corrected.json()).customer_id);

    for (const malformed of ['has spaces', 'x'.repeat(201), 'slash/key']) {
      await expectError(await api.client.post('/customers', body, { headers: { 'Idempotency-Key': malformed } }), 400, 'bad_request', /Idempotency-Key must be/);
    }
  });
});
