import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';
import { queryRows } from './rows';
import { testDatabases } from './testing';

describe.each(testDatabases())('schema on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('has both HNSW indexes with cosine ops, m=16, ef_construction=64', async () => {
    const rows = await queryRows<{ indexname: string; indexdef: string }>(handle.db, 
      sql`select indexname, indexdef from pg_indexes where tablename = 'customers' and indexdef ilike '%using hnsw%' order by indexname`,
    );
    expect(rows.map((row) => row.indexname)).toEqual([
      'customers_company_name_embedding_hnsw',
      'customers_full_profile_embedding_hnsw',
    ]);
    for (const row of rows) {
      expect(row.indexdef).toMatch(/vector_cosine_ops/);
      expect(row.indexdef).toMatch(/m='?16'?/);
      expect(row.indexdef).toMatch(/ef_construction='?64'?/);
    }
  });

  it('has a trigram GIN index on the narrow copy of the normalised name and b-tree indexes on the exact keys', async () => {
    const rows = await queryRows<{ indexname: string; indexdef: string }>(handle.db, 
      sql`select indexname, indexdef from pg_indexes where tablename in ('customers', 'customer_names')`,
    );
    const byName = new Map(rows.map((row) => [row.indexname, row.indexdef]));
    expect(byName.get('customer_names_name_trgm')).toMatch(/USING gin \(name_normalized gin_trgm_ops\)/);
    for (const key of ['email_normalized', 'phone_e164', 'website_domain', 'email_domain']) {
      expect(byName.get(`customers_${key}_idx`)).toMatch(new RegExp(`USING btree \\(${key}\\)`));
    }
  });

  it('created the extensions vector, pg_trgm and fuzzystrmatch', async () => {
    const rows = await queryRows<{ extname: string }>(handle.db, sql`select extname from pg_extension order by extname`);
    expect(rows.map((row) => row.extname)).toEqual(expect.arrayContaining(['fuzzystrmatch', 'pg_trgm', 'vector']));
  });

  it('stores 1536-dimension vectors and answers cosine distance', async () => {
    const a = Array.from({ length: 1536 }, (_, i) => (i === 0 ? 1 : 0));
    const rows = await queryRows<{ distance: number }>(handle.db, 
      sql`select (${JSON.stringify(a)}::vector(1536) <=> ${JSON.stringify(a)}::vector(1536))::float8 as distance`,
    );
    expect(Number(rows[0].distance)).toBeCloseTo(0, 6);
  });

  it('re-applying migrations is a no-op', async () => {
    await migrateDatabase(handle);
    const rows = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(Number(rows[0].count)).toBe(journal.entries.length);
  });

  it('rejects a duplicate (incoming, customer) matching result', async () => {
    await handle.db.execute(sql`insert into customers (id, company_name) values (9001, 'A')`);
    await handle.db.execute(sql`insert into incoming_customers (id, company_name) values (9002, 'A')`);
    const insertPair = sql`insert into matching_results (incoming_id, customer_id, similarity_score, match_probability, match_weight, confidence_band, match_type, match_criteria)
      values (9002, 9001, 0.9, 0.9, 3.1, 'high', 'high', '{}'::jsonb)`;
    await handle.db.execute(insertPair);
    await expect(handle.db.execute(insertPair)).rejects.toThrow();
  });
  it('keeps customer_names in step with every write of a customer name (insert, update, cleared, deleted)', async () => {
    const names = async () =>
      (await queryRows<{ customer_id: number | string; name_normalized: string }>(handle.db, sql`select customer_id, name_normalized from customer_names where customer_id between 9101 and 9103 order by customer_id`))
        .map((row) => `${row.customer_id}:${row.name_normalized}`);
    await handle.db.execute(sql`insert into customers (id, company_name, name_normalized) values (9101, 'A', 'alpha'), (9102, 'B', 'beta'), (9103, 'C', null)`);
    expect(await names()).toEqual(['9101:alpha', '9102:beta']);
    await handle.db.execute(sql`insert into customers (id, company_name, name_normalized) values (9102, 'B', 'beta two') on conflict (id) do update set name_normalized = excluded.name_normalized`);
    await handle.db.execute(sql`update customers set name_normalized = 'gamma' where id = 9103`);
    await handle.db.execute(sql`update customers set name_normalized = null where id = 9101`);
    expect(await names()).toEqual(['9102:beta two', '9103:gamma']);
    await handle.db.execute(sql`delete from customers where id in (9102, 9103)`);
    expect(await names()).toEqual([]);
  });
});
