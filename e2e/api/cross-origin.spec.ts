// Open mode needs no credentials, so any page a browser on this machine opens could write through it: a page
// on another origin must not change data (a no-cors fetch, a multipart import, Origin: null), while API
// clients without an Origin (curl, scripts) and callers with an API key keep working.
import http from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { expectError } from '../support/contract';
import { startForeignSite, type ForeignSite } from '../support/foreign-site';
import { expect, test, uniqueToken, type MatchingApi } from '../support/matching-api';

async function customersNamed(api: MatchingApi, text: string): Promise<string[]> {
  const response = await api.client.get(`/api/v1/customers?q=${encodeURIComponent(text)}&limit=50`);
  expect(response.status()).toBe(200);
  return (await response.json()).map((customer: { company_name: string }) => customer.company_name);
}

const csvFor = (token: string) => `company_name,city,source_id\nCross Import ${token},Oslo,cross-${token}\n`;

test.describe('a page on another origin', () => {
  let site: ForeignSite;
  test.beforeAll(async () => {
    site = await startForeignSite();
  });
  test.afterAll(async () => {
    await site.close();
  });

  test('cannot create a customer with fetch(no-cors, a JSON Blob); the same record from the app origin is created', async ({ page, api, baseURL }) => {
    const token = uniqueToken();
    const body = JSON.stringify({ company_name: `Cross Site ${token}` });
    await page.goto(site.origin);
    const responseType = await page.evaluate(async ({ url, json }) => (await fetch(url, { method: 'POST', mode: 'no-cors', body: new Blob([json]) })).type, { url: `${baseURL}/customers`, json: body });
    expect(responseType, 'the browser sent the request (an opaque response came back)').toBe('opaque');
    expect(await customersNamed(api, `cross site ${token}`)).toEqual([]);

    // Control: the lookup finds the record when the app's own page sends it.
    await page.goto(`${baseURL}/`);
    const status = await page.evaluate(async ({ url, json }) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })).status, { url: `${baseURL}/customers`, json: body });
    expect(status).toBe(201);
    expect(await customersNamed(api, `cross site ${token}`)).toEqual([`Cross Site ${token}`]);
  });

  test('cannot import a file with a multipart no-cors fetch to /customers/import, nor through /import/upload', async ({ page, api, baseURL }) => {
    const token = uniqueToken();
    await page.goto(site.origin);
    const types = await page.evaluate(
      async ({ urls, csv }) => {
        const sent: string[] = [];
        for (const url of urls) {
          const form = new FormData();
          form.append('file', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
          sent.push((await fetch(url, { method: 'POST', mode: 'no-cors', body: form })).type);
        }
        return sent;
      },
      { urls: [`${baseURL}/customers/import`, `${baseURL}/api/v1/customers/import`, `${baseURL}/import/upload`], csv: csvFor(token) },
    );
    expect(types).toEqual(['opaque', 'opaque', 'opaque']);
    expect(await customersNamed(api, `cross import ${token}`)).toEqual([]);
  });

  test('a multipart POST to /customers/import with a foreign Origin answers 403 and imports nothing', async ({ request, api }) => {
    const token = uniqueToken();
    const multipart = { file: { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFor(token)) } };
    for (const path of ['/customers/import', '/api/v1/customers/import', '/import/upload']) {
      await expectError(await request.post(path, { multipart, headers: { Origin: site.origin } }), 403, 'forbidden', /this site/);
    }
    expect(await customersNamed(api, `cross import ${token}`)).toEqual([]);
  });
});

/** One request of each state-changing kind, with the given extra headers. */
async function stateChangingRequests(request: APIRequestContext, api: MatchingApi, headers: Record<string, string>) {
  const customer = await api.createCustomer({ company_name: `Origin Target ${uniqueToken()}` });
  const json = (data: unknown) => ({ data: Buffer.from(JSON.stringify(data)), headers: { ...headers, 'content-type': 'application/json' } });
  const multipart = { file: { name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csvFor(uniqueToken())) } };
  return {
    customer,
    responses: [
      ['POST /customers', await request.post('/customers', json({ company_name: `Origin ${uniqueToken()}` }))],
      ['POST /api/v1/customers/incoming', await request.post('/api/v1/customers/incoming', json({ company_name: `Origin ${uniqueToken()}` }))],
      ['PATCH /customers/{id}', await request.patch(`/customers/${customer.customer_id}`, json({ city: 'Elsewhere' }))],
      ['DELETE /customers/{id}', await request.delete(`/customers/${customer.customer_id}`, { headers })],
      ['POST /customers/match/{id} (no body)', await request.post('/customers/match/1', { headers })],
      ['POST /customers/import', await request.post('/customers/import', { multipart, headers })],
      ['POST /import/upload', await request.post('/import/upload', { multipart, headers })],
    ] as const,
  };
}

test.describe('the Origin rule on state-changing requests', () => {
  for (const [label, headers] of [
    ['Origin: null', { Origin: 'null' }],
    ['a foreign Origin', { Origin: 'https://attacker.example' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another port of this host)', { 'Sec-Fetch-Site': 'same-site' }],
  ] as const) {
    test(`${label} answers 403 in the error shape on every kind of write, and changes nothing`, async ({ request, api }) => {
      const { customer, responses } = await stateChangingRequests(request, api, headers);
      for (const [what, response] of responses) {
        expect(response.status(), `${what} with ${label}`).toBe(403);
        await expectError(response, 403, 'forbidden', /this site/);
      }
      const after = await api.client.get(`/customers/${customer.customer_id}`);
      expect(after.status()).toBe(200);
      expect((await after.json()).city).toBe(customer.city);
    });
  }

  test("the app's own origin, Sec-Fetch-Site same-origin and clients that send neither are let through", async ({ request, baseURL }) => {
    const json = (headers: Record<string, string>) => ({ data: Buffer.from(JSON.stringify({ company_name: `Own Origin ${uniqueToken()}` })), headers: { ...headers, 'content-type': 'application/json' } });
    expect((await request.post('/customers', json({ Origin: baseURL!, 'Sec-Fetch-Site': 'same-origin' }))).status()).toBe(201);
    expect((await request.post('/customers', json({ 'Sec-Fetch-Site': 'same-origin' }))).status()).toBe(201);
    expect((await request.post('/customers', json({}))).status()).toBe(201);
  });

  test('reads are not refused, and a request with an API key is judged by its key, not its Origin', async ({ request }) => {
    const foreign = { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site' };
    expect((await request.get('/customers?limit=1', { headers: foreign })).status()).toBe(200);
    // Open mode still checks a key that is sent: an unknown one is a 401, which shows the Origin rule let it pass.
    const withKey = await request.post('/customers', { headers: { ...foreign, Authorization: 'Bearer cm_not_a_real_key', 'content-type': 'application/json' }, data: Buffer.from('{"company_name":"Keyed"}') });
    await expectError(withKey, 401, 'unauthorized');
  });
});

test.describe('content type of a write', () => {
  // Node's fetch sends a byte body without any Content-Type, as a no-cors Blob does; Playwright would add one.
  const send = (url: string, method: string, body?: string, contentType?: string) =>
    fetch(url, { method, body: body === undefined ? undefined : new TextEncoder().encode(body), headers: contentType ? { 'content-type': contentType } : {} });

  test('a JSON body without Content-Type answers 415, on every route that reads JSON', async ({ baseURL, api }) => {
    const token = uniqueToken();
    for (const [method, path] of [['POST', '/customers'], ['POST', '/api/v1/customers/incoming'], ['PATCH', '/customers/1'], ['POST', '/customers/search'], ['POST', '/customers/incoming/batch']]) {
      const response = await send(`${baseURL}${path}`, method, JSON.stringify({ company_name: `No Type ${token}`, query_text: 'x', records: [{ company_name: `No Type ${token}` }] }));
      expect(response.status, `${method} ${path}`).toBe(415);
      expect(await response.json()).toEqual({ error: { code: 'unsupported_media_type', message: expect.stringMatching(/Content-Type: application\/json \(got none\)/) } });
    }
    expect(await customersNamed(api, `no type ${token}`)).toEqual([]);
  });

  test('a write without a body needs no Content-Type: POST /customers/match/{id} and DELETE /customers/{id}', async ({ baseURL, api }) => {
    const customer = await api.createCustomer({ company_name: `Bodiless ${uniqueToken()}` });
    expect((await send(`${baseURL}/customers/match/999999999`, 'POST')).status).toBe(404);
    expect((await send(`${baseURL}/customers/${customer.customer_id}`, 'DELETE')).status).toBe(204);
  });
});

test.describe('DNS rebinding: open mode answers only requests addressed to this machine', () => {
  /** A raw request with its own Host header, as a browser sends it after a hostile name was pointed at 127.0.0.1. */
  function requestAs(baseURL: string, host: string, path: string): Promise<{ status: number; body: string }> {
    const url = new URL(path, baseURL);
    return new Promise((resolve, reject) => {
      const request = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  test('a read for another host name is refused with 403 and says how to allow a name; localhost is served', async ({ baseURL }) => {
    const port = new URL(baseURL!).port;
    const refused = await requestAs(baseURL!, `rebind.example:${port}`, '/api/v1/customers?limit=1');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/rebind\.example.*ALLOWED_HOSTS/) } });
    const page = await requestAs(baseURL!, `rebind.example:${port}`, '/review');
    expect(page.status).toBe(403);
    expect((await requestAs(baseURL!, `localhost:${port}`, '/api/v1/customers?limit=1')).status).toBe(200);
  });
});
