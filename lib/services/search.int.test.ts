import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { SEMANTIC_DEFAULT_THRESHOLD } from '../schemas/directory';
import { searchInputSchema } from '../schemas/search';
import { customerInputSchema } from '../schemas/customer';
import { createCustomer } from './customers';
import { seedDemoDataIfEmpty } from './demo-data';
import { searchCustomers } from './search';

describe.each(testDatabases())('searchCustomers on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
    await seedDemoDataIfEmpty({ db: handle.db, actor: 'test' });
  });
  afterAll(async () => {
    await handle?.close();
  });
  const search = (body: Record<string, unknown>) => searchCustomers({ db: handle.db, actor: 'test' }, searchInputSchema.parse(body));

  it('finds a company by its name, best first, with a score in [0, 1]', async () => {
    const results = await search({ query_text: 'Acme Corporation', similarity_threshold: 0.5, max_results: 5 });
    expect(results[0].customer.companyName).toBe('Acme Corporation');
    for (const result of results) {
      expect(result.similarityScore).toBeGreaterThanOrEqual(0.5);
      expect(result.similarityScore).toBeLessThanOrEqual(1);
    }
    const scores = results.map((result) => result.similarityScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('honours max_results and the threshold', async () => {
    expect((await search({ query_text: 'technologies', similarity_threshold: 0, max_results: 2 })).length).toBeLessThanOrEqual(2);
    expect(await search({ query_text: 'qqqq zzzz xxxx', similarity_threshold: 0.9, max_results: 5 })).toEqual([]);
  });

  it('treats SQL-looking text as plain text', async () => {
    const results = await search({ query_text: "'; drop table customers; --", similarity_threshold: 0.9, max_results: 5 });
    expect(Array.isArray(results)).toBe(true);
    expect((await search({ query_text: 'Hooli', similarity_threshold: 0.5 }))[0].customer.companyName).toBe('Hooli');
  });
});

/** A fresh database holding the demo customers and `extra` ones, for one test. */
async function withCustomers(open: () => Promise<DatabaseHandle>, extra: Array<Record<string, unknown>>, run: (ctx: { db: DatabaseHandle['db']; actor: string }) => Promise<void>) {
  const handle = await open();
  try {
    const ctx = { db: handle.db, actor: 'test' };
    await seedDemoDataIfEmpty(ctx);
    for (const customer of extra) await createCustomer(ctx, customerInputSchema.parse(customer));
    await run(ctx);
  } finally {
    await handle.close();
  }
}

describe.each(testDatabases())('searchCustomers relevance on $kind', ({ open }) => {
  it('finds the seed README example: a technology company in New York called Acme', () =>
    withCustomers(open, [{ company_name: 'Acme Corporation', city: 'New York', country: 'USA', industry: 'Technology' }], async (ctx) => {
      const results = await searchCustomers(ctx, searchInputSchema.parse({ query_text: 'Acme technology company in New York', similarity_threshold: 0.7, max_results: 5 }));
      expect(results[0]).toMatchObject({ customer: { companyName: 'Acme Corporation', industry: 'Technology' } });
      expect(results[0].similarityScore).toBe(1);
      expect(results.every((result) => result.similarityScore >= 0.7)).toBe(true);
    }));

  it('finds a business by what it does and where, and a misspelt name, above the default threshold, with the local embedder', () =>
    withCustomers(
      open,
      [
        { company_name: 'Oak Hill Brewing', city: 'Philadelphia', country: 'USA', industry: 'Food & Beverage', description: 'Oak Hill brews craft beer for bars and retailers.' },
        { company_name: 'Gislason Partners', city: 'Denver', country: 'USA' },
      ],
      async (ctx) => {
        const defaults = searchInputSchema.parse({ query_text: 'x' });
        const brewery = await searchCustomers(ctx, searchInputSchema.parse({ query_text: 'craft brewery in Philadelphia' }));
        expect(brewery[0]?.customer.companyName).toBe('Oak Hill Brewing');
        expect(brewery[0].similarityScore).toBeGreaterThanOrEqual(defaults.similarity_threshold);
        const misspelt = await searchCustomers(ctx, searchInputSchema.parse({ query_text: 'Gislasen Partnres', similarity_threshold: SEMANTIC_DEFAULT_THRESHOLD }));
        expect(misspelt[0]?.customer.companyName).toBe('Gislason Partners');
      },
    ));
});
