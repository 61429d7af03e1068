import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import { directoryParamsSchema } from '../schemas/directory';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { browseCustomers, customerMatchHistory } from './directory';
import { submitIncoming } from './incoming';
import { matchIncoming } from './matching';
import { withServiceDatabase } from './testing';

const params = (query: Record<string, string>) => directoryParamsSchema.parse(query);

describe.each(testDatabases())('customers directory on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  withServiceDatabase(open, (opened) => ({ handle, ctx } = opened), { seedDemo: true });

  it('sorts by company name both ways, with the total of all demo customers', async () => {
    const ascending = await browseCustomers(ctx, params({ sort: 'company_name', dir: 'asc', size: '100' }));
    expect(ascending.total).toBe(12);
    expect(ascending.customers.slice(0, 3).map((customer) => customer.companyName)).toEqual(['Acme Corporation', 'Acme Labs', 'Globex Technologies Inc.']);
    const descending = await browseCustomers(ctx, params({ sort: 'company_name', dir: 'desc', size: '100' }));
    expect(descending.customers.map((customer) => customer.id)).toEqual(ascending.customers.map((customer) => customer.id).reverse());
  });

  it('filters on name, email or city, case-insensitively, and treats LIKE wildcards literally', async () => {
    const byCity = await browseCustomers(ctx, params({ q: 'new york' }));
    expect(byCity.customers.map((customer) => customer.companyName).sort()).toEqual(['Acme Corporation', 'Stark Industries']);
    const byEmail = await browseCustomers(ctx, params({ q: 'GLOBEX.IO' }));
    expect(byEmail.customers.map((customer) => customer.companyName)).toEqual(['Globex Technologies Inc.']);
    expect((await browseCustomers(ctx, params({ q: '%' }))).total).toBe(0);
  });

  it('pages with a stable order and falls back to the last page past the end', async () => {
    const first = await browseCustomers(ctx, params({ sort: 'city', size: '25', page: '1' }));
    expect(first).toMatchObject({ page: 1, pageCount: 1, total: 12 });
    const beyond = await browseCustomers(ctx, params({ sort: 'city', size: '25', page: '9' }));
    expect(beyond.page).toBe(1);
    expect(beyond.customers.map((customer) => customer.id)).toEqual(first.customers.map((customer) => customer.id));
    const cities = first.customers.map((customer) => customer.city ?? '');
    expect(cities[0]).toBe('Austin');
    expect(cities.indexOf('Cambridge')).toBeLessThan(cities.indexOf('Seattle'));
  });

  it('reads a sorted page and a match history through indexes, whatever the table size', async () => {
    // Seq scans priced out, as on a large table: what remains shows which indexes the queries can use.
    const plans = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const explain = async (query: SQL) =>
        (await queryRows<Record<string, string>>(tx as unknown as Database, sql`explain ${query}`)).map((row) => Object.values(row)[0]).join('\n');
      return {
        byName: await explain(sql`select * from customers order by company_name desc, id desc limit 25 offset 25`),
        history: await explain(sql`select * from matching_results where customer_id = 1 order by created_at desc, id desc limit 51`),
      };
    });
    expect(plans.byName).toContain('customers_company_name_sort_idx');
    expect(plans.history).not.toContain('Seq Scan');
  });

  it('lists the incoming records matched to a customer, newest first, and nothing for an unmatched one', async () => {
    const customer = await createCustomer(ctx, customerInputSchema.parse({ company_name: 'Tailspin Toys', email: 'hello@tailspintoys.com', phone: '+1 617 555 0199', city: 'Boston', country: 'US' }));
    expect((await customerMatchHistory(ctx, customer.id)).matches).toEqual([]);
    for (const name of ['Tailspin Toys Inc', 'Tailspin Toys LLC']) {
      const incoming = await submitIncoming(ctx, customerInputSchema.parse({ company_name: name, email: 'hello@tailspintoys.com', city: 'Boston', country: 'US' }));
      await matchIncoming(ctx, incoming.id);
    }
    const history = await customerMatchHistory(ctx, customer.id);
    expect(history.hasMore).toBe(false);
    expect(history.matches.map((match) => match.incoming.companyName)).toEqual(['Tailspin Toys LLC', 'Tailspin Toys Inc']);
    expect(history.matches.every((match) => match.result.customerId === customer.id && match.result.reviewed === false)).toBe(true);
    expect(history.matches[0].incoming.processingStatus).toBe('matched');
  });
});
