// Value counts per field among customers (term frequencies), kept in step with customer writes.
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { noteCustomerWrite } from '../read-routing';
import { queryRows } from '../rows';
import { cutToCharacters, KEY_COLUMN_LENGTHS } from '../../schemas/column-limits';
import { termFrequencies } from '../schema';

/** The row that holds the number of customers, the denominator of every frequency. */
const TOTAL_FIELD = '_total';
const TOTAL_VALUE = '';

/** A value as its varchar column holds it: cut by characters, never inside a surrogate pair. */
const storedValue = (value: string) => cutToCharacters(value, KEY_COLUMN_LENGTHS.termFrequencyValue);

export type TermKey = readonly [field: string, value: string];

/** Adds delta (±1 per customer) to each key's count, plus the total; keys are aggregated first. */
export async function adjustTermFrequencies(db: Database, perCustomerKeys: ReadonlyArray<readonly TermKey[]>, delta: 1 | -1): Promise<void> {
  if (perCustomerKeys.length === 0) return;
  const counts = new Map<string, { field: string; value: string; count: number }>();
  const bump = (field: string, fullValue: string) => {
    // Keyed by the stored (cut) value: one statement must not touch the same row twice.
    const value = storedValue(fullValue);
    const key = `${field}\u0000${value}`;
    const entry = counts.get(key) ?? { field, value, count: 0 };
    entry.count += delta;
    counts.set(key, entry);
  };
  for (const keys of perCustomerKeys) {
    for (const [field, value] of new Map(keys.map(([f, v]) => [`${f}\u0000${v}`, [f, v] as const])).values()) bump(field, value);
    bump(TOTAL_FIELD, TOTAL_VALUE);
  }
  // One statement per call whatever the number of keys: three array parameters, unnested by the server.
  const rows = [...counts.values()];
  await db.execute(sql`
    insert into ${termFrequencies} (field, value, count)
    select * from unnest(${sql.param(rows.map((row) => row.field))}::text[], ${sql.param(rows.map((row) => row.value))}::text[], ${sql.param(rows.map((row) => row.count))}::int[])
    on conflict (field, value) do update set count = greatest(0, ${termFrequencies.count} + excluded.count)`);
  noteCustomerWrite();
}

/** Empties the counts; a rebuild from every customer follows in the same transaction. */
export async function clearTermFrequencies(db: Database): Promise<void> {
  await db.delete(termFrequencies);
  noteCustomerWrite();
}

/** Shares (0..1) of customers holding each key, and the number of customers. */
export async function lookupTermFrequencies(db: Database, keys: readonly TermKey[]): Promise<{ shares: Map<string, number>; total: number }> {
  const wanted = [...keys, [TOTAL_FIELD, TOTAL_VALUE] as const];
  const tuples = sql.join(
    wanted.map(([field, value]) => sql`(${field}, ${storedValue(value)})`),
    sql`, `,
  );
  const rows = await queryRows<{ field: string; value: string; count: number }>(
    db,
    sql`select field, value, count from term_frequencies where (field, value) in (${tuples})`,
  );
  const total = Number(rows.find((row) => row.field === TOTAL_FIELD)?.count ?? 0);
  const shares = new Map<string, number>();
  if (total > 0) {
    for (const row of rows) if (row.field !== TOTAL_FIELD && Number(row.count) > 0) shares.set(`${row.field}\u0000${row.value}`, Number(row.count) / total);
  }
  return { shares, total };
}
