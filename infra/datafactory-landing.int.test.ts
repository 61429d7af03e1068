// What Data Factory's upsert writes (infra/datafactory/incoming-columns.json) is what the worker drains:
// a new row gets its keys and embeddings and is matched; a changed source row is re-derived and re-matched.
import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../lib/db/rows';
import { testDatabases } from '../lib/db/testing';
import type { ServiceContext } from '../lib/services/context';
import { matchesForIncoming } from '../lib/services/matching';
import { withServiceDatabase } from '../lib/services/testing';
import { runWorker } from '../lib/services/worker';
import { readText } from './test-support';

const columns = JSON.parse(readText('infra/datafactory/incoming-columns.json')) as { viewColumns: string[]; sourceSystemColumn: string; constantColumns: Record<string, string>; upsertKeys: string[] };

// The SQL Server constants as PostgreSQL receives them after the copy's type conversion.
const CONSTANT_VALUES: Record<string, string | boolean> = { "'pending'": 'pending', 'CAST(1 AS bit)': true };

/** INSERT … ON CONFLICT (upsert keys) DO UPDATE, as the copy's Upsert write method does for one row. */
function upsert(viewRow: Record<string, string | number | null>, sourceSystem: string): SQL {
  const row: Record<string, string | number | boolean | null> = { ...viewRow, [columns.sourceSystemColumn]: sourceSystem };
  for (const [column, expression] of Object.entries(columns.constantColumns)) row[column] = CONSTANT_VALUES[expression];
  const names = Object.keys(row);
  const updates = names.filter((name) => !columns.upsertKeys.includes(name));
  return sql`insert into incoming_customers (${sql.raw(names.join(', '))}) values (${sql.join(names.map((name) => sql`${row[name]}`), sql`, `)})
    on conflict (${sql.raw(columns.upsertKeys.join(', '))}) do update set ${sql.raw(updates.map((name) => `${name} = excluded.${name}`).join(', '))}`;
}

const viewRow = (fields: Record<string, string | number>) => Object.fromEntries(columns.viewColumns.map((column) => [column, fields[column] ?? null]));

describe.each(testDatabases())('Data Factory landing on $kind', ({ open }) => {
  let ctx: ServiceContext;
  withServiceDatabase(open, (opened) => ({ ctx } = opened), { seedDemo: true });

  async function drain() {
    const controller = new AbortController();
    return runWorker(ctx, { signal: controller.signal, pollIntervalMs: 50, onRound: (round) => round.processed === 0 && controller.abort() });
  }

  const readRow = async () =>
    (
      await queryRows<{ id: string; processing_status: string; name_normalized: string | null; needs_embedding: boolean; has_embeddings: boolean }>(
        ctx.db,
        sql`select id, processing_status, name_normalized, needs_embedding, (company_name_embedding is not null) as has_embeddings
            from incoming_customers where source_system = 'crm' and source_id = 'C-1001'`,
      )
    )[0];

  it('matches a copied row, then re-derives and re-matches it when the source row changed', async () => {
    await ctx.db.execute(upsert(viewRow({ company_name: 'ACME Corp.', contact_name: 'John Smith', email: 'john.smith@acme.com', city: 'New York', country: 'USA', revenue: 5000000.5, employee_count: 250, source_id: 'C-1001' }), 'crm'));
    expect(await readRow()).toMatchObject({ processing_status: 'pending', needs_embedding: true, has_embeddings: false });
    expect(await drain()).toMatchObject({ processed: 1, matched: 1, failed: 0 });
    const first = await readRow();
    expect(first).toMatchObject({ processing_status: 'matched', name_normalized: 'acme', needs_embedding: false, has_embeddings: true });
    expect((await matchesForIncoming(ctx, Number(first.id))).matches[0].customer.companyName).toBe('Acme Corporation');

    await ctx.db.execute(upsert(viewRow({ company_name: 'Globex Technologies Inc.', city: 'San Francisco', country: 'US', source_id: 'C-1001' }), 'crm'));
    expect(await readRow()).toMatchObject({ id: first.id, processing_status: 'pending', needs_embedding: true });
    expect(await drain()).toMatchObject({ processed: 1, matched: 1, failed: 0 });
    expect(await readRow()).toMatchObject({ processing_status: 'matched', name_normalized: 'globex technology', needs_embedding: false });
    expect((await matchesForIncoming(ctx, Number(first.id))).matches[0].customer.companyName).toBe('Globex Technologies Inc.');
  });

  it('leaves a record a steward already decided as it was decided: a later copy of its source row does not reopen it', async () => {
    await ctx.db.execute(upsert(viewRow({ company_name: 'Initech LLC', city: 'Austin', country: 'US', source_id: 'C-2002' }), 'crm'));
    await drain();
    await ctx.db.execute(sql`update incoming_customers set processing_status = 'dismissed' where source_system = 'crm' and source_id = 'C-2002'`);
    await ctx.db.execute(upsert(viewRow({ company_name: 'Initech Corporation', city: 'Dallas', country: 'US', source_id: 'C-2002' }), 'crm'));
    const [row] = await queryRows<{ company_name: string; processing_status: string }>(ctx.db, sql`select company_name, processing_status from incoming_customers where source_system = 'crm' and source_id = 'C-2002'`);
    expect(row).toEqual({ company_name: 'Initech LLC', processing_status: 'dismissed' });
  });
});
