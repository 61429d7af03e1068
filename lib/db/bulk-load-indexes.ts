// The customers' secondary indexes as DDL generated from schema.ts, so a bulk load can drop them and
// build them once at the end: one build is far cheaper than keeping an HNSW graph, a trigram GIN index
// and a dozen B-trees up to date row by row. Unique indexes stay: the import's upsert needs them.
import { sql } from 'drizzle-orm';
import { getTableConfig, type Index, type IndexedColumn } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import { queryRows, quoteIdentifier } from './rows';
import { customerNames, customers } from './schema';

interface BulkLoadIndex {
  table: string;
  index: Index;
}

/** Non-unique indexes of customers and of customer_names (the trigram lookup's copy of each name), HNSW first. */
export const BULK_LOAD_INDEXES: readonly BulkLoadIndex[] = [customers, customerNames]
  .flatMap((table) => {
    const config = getTableConfig(table);
    return config.indexes.filter((index) => !index.config.unique && !index.config.where).map((index) => ({ table: config.name, index }));
  })
  .sort((a, b) => Number(b.index.config.method === 'hnsw') - Number(a.index.config.method === 'hnsw'));

const BULK_LOAD_TABLES = [...new Set(BULK_LOAD_INDEXES.map(({ table }) => table))];

const nameOf = ({ index }: BulkLoadIndex) => index.config.name!;

/** CREATE INDEX IF NOT EXISTS for one declared index, the same statement drizzle-kit writes. */
export function createIndexStatement({ table, index }: BulkLoadIndex): string {
  const columns = (index.config.columns as IndexedColumn[])
    .map((column) => `${quoteIdentifier(column.name!)}${column.indexConfig?.opClass ? ` ${column.indexConfig.opClass}` : ''}`)
    .join(', ');
  const withClause = index.config.with ? ` WITH (${Object.entries(index.config.with).map(([key, value]) => `${key}=${value}`).join(',')})` : '';
  return `CREATE INDEX IF NOT EXISTS ${quoteIdentifier(index.config.name!)} ON ${quoteIdentifier(table)} USING ${index.config.method ?? 'btree'} (${columns})${withClause}`;
}

export async function dropBulkLoadIndexes(db: Database): Promise<void> {
  for (const entry of BULK_LOAD_INDEXES) await db.execute(sql.raw(`DROP INDEX IF EXISTS ${quoteIdentifier(nameOf(entry))}`));
}

// One builder at a time across processes (two app instances starting, an import finishing).
const INDEX_BUILD_LOCK_KEY = 727_002;

/**
 * Builds any bulk-load index that is missing or left invalid (after a bulk load, or one that was
 * interrupted). pgvector builds the graph in maintenance_work_mem and gets far slower once it no longer
 * fits, so the build gets buildMemoryMb (SET LOCAL: this transaction only, the same connection in a pool).
 * Returns the indexes built; none when another process is building them right now.
 */
export async function ensureBulkLoadIndexes(db: Database, buildMemoryMb = 64, onBuilt?: (built: { name: string; method: string; ms: number }) => void): Promise<string[]> {
  const missing = await missingBulkLoadIndexes(db);
  if (missing.length === 0) return [];
  return db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${INDEX_BUILD_LOCK_KEY}) as locked`);
    if (!locked) return [];
    const stillMissing = await missingBulkLoadIndexes(tx);
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${Math.floor(buildMemoryMb)}MB'`));
    for (const entry of BULK_LOAD_INDEXES.filter((candidate) => stillMissing.includes(nameOf(candidate)))) {
      const started = performance.now();
      await tx.execute(sql.raw(`DROP INDEX IF EXISTS ${quoteIdentifier(nameOf(entry))}`));
      await tx.execute(sql.raw(createIndexStatement(entry)));
      onBuilt?.({ name: nameOf(entry), method: entry.index.config.method ?? 'btree', ms: performance.now() - started });
    }
    return stillMissing;
  });
}

/** Bulk-load indexes that do not exist, or exist but are invalid (an interrupted concurrent build). */
export async function missingBulkLoadIndexes(db: Database): Promise<string[]> {
  const present = await queryRows<{ name: string; valid: boolean }>(
    db,
    sql`select c.relname as name, i.indisvalid as valid
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
        where t.relname in (${sql.join(BULK_LOAD_TABLES.map((table) => sql`${table}`), sql`, `)})`,
  );
  const valid = new Set(present.filter((row) => row.valid).map((row) => row.name));
  return BULK_LOAD_INDEXES.map(nameOf).filter((name) => !valid.has(name));
}
