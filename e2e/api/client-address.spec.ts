// Open mode keys anonymous callers (rate limit, Idempotency-Key) on their address. No proxy is trusted on this
// server, so X-Forwarded-For and X-Real-IP are the caller's own claims and must not give it a fresh identity.
import * as responses from '../../lib/schemas/responses';
import { expectBody } from '../support/contract';
import { expect, test, uniqueToken } from '../support/matching-api';

test('an anonymous caller is one principal whatever X-Forwarded-For / X-Real-IP it sends', async ({ api }) => {
  const token = uniqueToken();
  const body = { company_name: `Spoofed ${token} GmbH`, city: 'Bremen', country: 'DE' };
  const idempotencyKey = `xff-${token}`;
  const send = (headers: Record<string, string>) => api.client.post('/customers', body, { headers: { 'Idempotency-Key': idempotencyKey, ...headers } });

  const first = await send({ 'X-Forwarded-For': '198.51.100.1' });
  const created = await expectBody(first, 201, responses.customerResponseSchema);
  // Idempotency keys are per principal: a replay proves the claimed addresses changed nothing.
  const claims: Array<Record<string, string>> = [{ 'X-Forwarded-For': '198.51.100.2' }, { 'X-Forwarded-For': '198.51.100.3, 10.0.0.1' }, { 'X-Real-IP': '198.51.100.4' }, {}];
  for (const headers of claims) {
    const again = await send(headers);
    expect(again.status(), JSON.stringify(headers)).toBe(201);
    expect(again.headers()['idempotent-replayed'], JSON.stringify(headers)).toBe('true');
    expect((await again.json()).customer_id).toBe(created.customer_id);
  }
  const stored = await expectBody(await api.client.get(`/customers?q=${token}`), 200, responses.customerResponseSchema.array());
  expect(stored.map((customer) => customer.customer_id)).toEqual([created.customer_id]);
});
