// The foundation slice: health and the customers round trip. Requests go through the shared client, which
// waits out 429s: this file runs after endpoints.spec.ts on the same server and the same anonymous bucket.
import { expect, test } from '../support/matching-api';

test.describe('health', () => {
  for (const path of ['/health', '/api/v1/health']) {
    test(`GET ${path} reports the database and pgvector`, async ({ api }) => {
      const response = await api.client.get(path);
      expect(response.status()).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ status: 'healthy', database_connected: true, openai_connected: false, database: { status: 'ok', kind: 'pglite' } });
      expect(body.database.pgvector_version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(Date.parse(body.timestamp)).not.toBeNaN();
      expect(response.headers()['x-request-id']).toBeTruthy();
    });
  }
});

test.describe('customers', () => {
  test('POST then GET /customers round-trips with the seed field names', async ({ api }) => {
    const created = await api.client.post('/customers', { company_name: 'E2E Widgets Inc', contact_name: 'Jane Roe', email: 'jane@e2ewidgets.com', state_province: 'CA', annual_revenue: 1200000, employee_count: 12, country: 'US' });
    expect(created.status()).toBe(201);
    const customer = await created.json();
    expect(customer).toMatchObject({ company_name: 'E2E Widgets Inc', state_province: 'CA', state: 'CA', annual_revenue: 1200000, employee_count: 12 });
    expect(customer.customer_id).toBeGreaterThan(0);
    expect(Date.parse(customer.created_date)).not.toBeNaN();
    expect(Date.parse(customer.updated_date)).not.toBeNaN();

    // A page starting just before the new row: other specs add customers, so the first 200 may not include it.
    const list = await api.client.get(`/customers?limit=200&cursor=${customer.customer_id - 1}`);
    expect(list.status()).toBe(200);
    const rows = await list.json();
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.map((row: { customer_id: number }) => row.customer_id)).toContain(customer.customer_id);

    const viaV1 = await api.client.get('/api/v1/customers?q=e2e%20widgets');
    expect((await viaV1.json()).map((row: { company_name: string }) => row.company_name)).toEqual(['E2E Widgets Inc']);
  });

  test('GET /customers paginates with a cursor in the Link header', async ({ api }) => {
    const first = await api.client.get('/customers?limit=2');
    expect(await first.json()).toHaveLength(2);
    const cursor = first.headers()['x-next-cursor'];
    expect(cursor).toMatch(/^\d+$/);
    expect(first.headers()['link']).toContain(`cursor=${cursor}`);
    const second = await (await api.client.get(`/customers?limit=2&cursor=${cursor}`)).json();
    expect(second[0].customer_id).toBeGreaterThan(Number(cursor));
  });

  const badBodies: Array<[string, unknown, number, string]> = [
    ['missing company_name', { contact_name: 'No Company' }, 422, 'validation_failed'],
    ['blank company_name', { company_name: '   ' }, 422, 'validation_failed'],
    ['wrong types', { company_name: 123, employee_count: 'lots', annual_revenue: { a: 1 } }, 422, 'validation_failed'],
    ['negative revenue', { company_name: 'Neg', annual_revenue: -5 }, 422, 'validation_failed'],
    ['invalid email', { company_name: 'Mail', email: 'nope' }, 422, 'validation_failed'],
    ['a 1 MB string', { company_name: 'x'.repeat(1024 * 1024) }, 413, 'payload_too_large'],
    ['an over-long field', { company_name: 'y'.repeat(1000) }, 422, 'validation_failed'],
    ['a JSON array', [{ company_name: 'Arr' }], 422, 'validation_failed'],
  ];
  for (const [label, body, status, code] of badBodies) {
    test(`POST /customers with ${label} answers ${status} and writes nothing`, async ({ api }) => {
      const before = await api.count('/customers');
      const response = await api.client.post('/customers', body);
      expect(response.status()).toBe(status);
      const payload = await response.json();
      expect(payload.error.code).toBe(code);
      expect(typeof payload.error.message).toBe('string');
      expect(JSON.stringify(payload)).not.toMatch(/at .*\.(ts|js):\d+|stack/i);
      const after = await api.count('/customers');
      expect(after).toBe(before);
    });
  }

  test('malformed JSON answers 400 invalid_json', async ({ api }) => {
    const response = await api.client.post('/customers', undefined, { raw: '{"company_name": ', contentType: 'application/json' });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_json');
  });

  test('invalid list parameters answer 422 with the field path', async ({ api }) => {
    const response = await api.client.get('/customers?limit=5000');
    expect(response.status()).toBe(422);
    const payload = await response.json();
    expect(payload.error.details[0].path).toBe('limit');
  });
});
