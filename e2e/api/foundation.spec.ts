import { expect, test } from '@playwright/test';

test.describe('health', () => {
  for (const path of ['/health', '/api/v1/health']) {
    test(`GET ${path} reports the database and pgvector`, async ({ request }) => {
      const response = await request.get(path);
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
  test('POST then GET /customers round-trips with the seed field names', async ({ request }) => {
    const created = await request.post('/customers', {
      data: { company_name: 'E2E Widgets Inc', contact_name: 'Jane Roe', email: 'jane@e2ewidgets.com', state_province: 'CA', annual_revenue: 1200000, employee_count: 12, country: 'US' },
    });
    expect(created.status()).toBe(201);
    const customer = await created.json();
    expect(customer).toMatchObject({ company_name: 'E2E Widgets Inc', state_province: 'CA', state: 'CA', annual_revenue: 1200000, employee_count: 12 });
    expect(customer.customer_id).toBeGreaterThan(0);
    expect(Date.parse(customer.created_date)).not.toBeNaN();
    expect(Date.parse(customer.updated_date)).not.toBeNaN();

    const list = await request.get('/customers?limit=200');
    expect(list.status()).toBe(200);
    const rows = await list.json();
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.map((row: { customer_id: number }) => row.customer_id)).toContain(customer.customer_id);

    const viaV1 = await request.get('/api/v1/customers?q=e2e%20widgets');
    expect((await viaV1.json()).map((row: { company_name: string }) => row.company_name)).toEqual(['E2E Widgets Inc']);
  });

  test('GET /customers paginates with a cursor in the Link header', async ({ request }) => {
    const first = await request.get('/customers?limit=2');
    expect(await first.json()).toHaveLength(2);
    const cursor = first.headers()['x-next-cursor'];
    expect(cursor).toMatch(/^\d+$/);
    expect(first.headers()['link']).toContain(`cursor=${cursor}`);
    const second = await (await request.get(`/customers?limit=2&cursor=${cursor}`)).json();
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
    test(`POST /customers with ${label} answers ${status} and writes nothing`, async ({ request }) => {
      const before = (await (await request.get('/customers?limit=200')).json()).length;
      const response = await request.post('/customers', { data: body as object });
      expect(response.status()).toBe(status);
      const payload = await response.json();
      expect(payload.error.code).toBe(code);
      expect(typeof payload.error.message).toBe('string');
      expect(JSON.stringify(payload)).not.toMatch(/at .*\.(ts|js):\d+|stack/i);
      const after = (await (await request.get('/customers?limit=200')).json()).length;
      expect(after).toBe(before);
    });
  }

  test('malformed JSON answers 400 invalid_json', async ({ request }) => {
    const response = await request.post('/customers', { data: Buffer.from('{"company_name": '), headers: { 'content-type': 'application/json' } });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_json');
  });

  test('invalid list parameters answer 422 with the field path', async ({ request }) => {
    const response = await request.get('/customers?limit=5000');
    expect(response.status()).toBe(422);
    const payload = await response.json();
    expect(payload.error.details[0].path).toBe('limit');
  });
});
