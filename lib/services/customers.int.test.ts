import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { AppError } from '../errors';
import { customerInputSchema } from '../schemas/customer';
import type { ServiceContext } from './context';
import { createCustomer, listCustomers } from './customers';
import { seedDemoDataIfEmpty } from './demo-data';
import { DEMO_CUSTOMERS } from '../demo/customers';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);

describe.each(testDatabases())('customer service on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'test', requestId: 'req-1' };
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('creates a customer with normalised keys, both embeddings and an audit event', async () => {
    const customer = await createCustomer(
      ctx,
      input({ company_name: 'ACME Corp.', email: ' John.Smith@Acme.com ', phone: '(212) 555-0101', country: 'US', website: 'https://www.acme.com/about', state_province: 'NY', annual_revenue: '1,000' }),
    );
    expect(customer.id).toBeGreaterThan(0);
    expect(customer.emailNormalized).toBe('john.smith@acme.com');
    expect(customer.phoneE164).toBe('+12125550101');
    expect(customer.websiteDomain).toBe('acme.com');
    expect(customer.nameNormalized).toBe('acme');
    expect(customer.state).toBe('NY');
    expect(customer.revenue).toBe(1000);
    expect(customer.companyNameEmbedding).toHaveLength(1536);
    expect(customer.fullProfileEmbedding).toHaveLength(1536);
    const audit = await queryRows<{ action: string; entity_id: string; request_id: string }>(
      handle.db,
      sql`select action, entity_id, request_id from audit_events where entity_id = ${String(customer.id)}`,
    );
    expect(audit).toEqual([{ action: 'customer.created', entity_id: String(customer.id), request_id: 'req-1' }]);
  });

  it('refuses a second customer with the same source_system and source_id, writing nothing', async () => {
    await createCustomer(ctx, input({ company_name: 'Dup One', source_system: 'crm', source_id: 'X1' }));
    const before = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from customers`);
    const attempt = createCustomer(ctx, input({ company_name: 'Dup Two', source_system: 'crm', source_id: 'X1' }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    const after = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from customers`);
    expect(Number(after[0].count)).toBe(Number(before[0].count));
  });

  it('lists customers in id order with a keyset cursor and filters', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) await createCustomer(ctx, input({ company_name: name, city: 'Lisbon', country: 'PT' }));
    const first = await listCustomers(ctx, { limit: 2, city: 'lisbon' });
    expect(first.customers.map((c) => c.companyName)).toEqual(['Page A', 'Page B']);
    expect(first.nextCursor).toBe(first.customers[1].id);
    const second = await listCustomers(ctx, { limit: 2, city: 'Lisbon', cursor: first.nextCursor! });
    expect(second.customers.map((c) => c.companyName)).toEqual(['Page C']);
    expect(second.nextCursor).toBeNull();
    const byText = await listCustomers(ctx, { limit: 10, q: 'page b' });
    expect(byText.customers.map((c) => c.companyName)).toEqual(['Page B']);
  });

  it('treats % and _ in the text filter literally', async () => {
    const result = await listCustomers(ctx, { limit: 10, q: '%' });
    expect(result.customers).toEqual([]);
  });

  it('seeds demo data only into an empty database', async () => {
    expect(await seedDemoDataIfEmpty(ctx)).toBe(0);
  });
});

describe.each(testDatabases())('demo data on an empty $kind', ({ open }) => {
  it('seeds the fixed demo set once', async () => {
    const handle = await open();
    try {
      const ctx = { db: handle.db, actor: 'test' };
      expect(await seedDemoDataIfEmpty(ctx)).toBe(DEMO_CUSTOMERS.length);
      expect(await seedDemoDataIfEmpty(ctx)).toBe(0);
      const page = await listCustomers(ctx, { limit: 100 });
      expect(page.customers.map((c) => c.sourceId)).toEqual(DEMO_CUSTOMERS.map((d) => d.sourceId));
    } finally {
      await handle.close();
    }
  });
});
