// The customers' HNSW indexes as DDL generated from schema.ts, so a bulk load can drop them and
// build them once at the end (one build is far cheaper than maintaining the graph row by row).
import { sql } from 'drizzle-orm';
import { getTableConfig, type Index, type IndexedColumn } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import { queryRows } from './rows';
import { customers } from './schema';

const customersTable = getTableConfig(customers);

/** The HNSW indexes declared on customers in schema.ts. */
export const CUSTOMER_VECTOR_INDEXES: readonly Index[] = customersTable.indexes.filter((index) => index.config.method === 'hnsw');

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** CREATE INDEX IF NOT EXISTS for one declared HNSW index, the same statement drizzle-kit writes. */
export function createIndexStatement(index: Index): string {
  const columns = (index.config.columns as IndexedColumn[])
    .map((column) => `${quoted(column.name!)}${column.indexConfig?.opClass ? ` ${column.indexConfig.opClass}` : ''}`)
    .join(', ');
  const withClause = index.config.with ? ` WITH (${Object.entries(index.config.with).map(([key, value]) => `${key}=${value}`).join(',')})` : '';
  return `CREATE INDEX IF NOT EXISTS ${quoted(index.config.name!)} ON ${quoted(customersTable.name)} USING ${index.config.method} (${columns})${withClause}`;
}

export async function dropCustomerVectorIndexes(db: Database): Promise<void> {
  for (const index of CUSTOMER_VECTOR_INDEXES) await db.execute(sql.raw(`DROP INDEX IF EXISTS ${quoted(index.config.name!)}`));
}

// One builder at a time across processes (two app instances starting, an import finishing).
const INDEX_BUILD_LOCK_KEY = 727_002;

/**
 * Builds any declared HNSW index that is missing or left invalid (after a bulk load, or one that was
 * interrupted). pgvector builds the graph in maintenance_work_mem and gets far slower once it no longer
 * fits, so the build gets buildMemoryMb (SET LOCAL: this transaction only, the same connection in a pool).
 * Returns the indexes built; none when another process is building them right now.
 */
export async function ensureCustomerVectorIndexes(db: Database, buildMemoryMb = 64): Promise<string[]> {
  const missing = await missingCustomerVectorIndexes(db);
  if (missing.length === 0) return [];
  return db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${INDEX_BUILD_LOCK_KEY}) as locked`);
    if (!locked) return [];
    const stillMissing = await missingCustomerVectorIndexes(tx);
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${Math.floor(buildMemoryMb)}MB'`));
    for (const index of CUSTOMER_VECTOR_INDEXES.filter((candidate) => stillMissing.includes(candidate.config.name!))) {
      await tx.execute(sql.raw(`DROP INDEX IF EXISTS ${quoted(index.config.name!)}`));
      await tx.execute(sql.raw(createIndexStatement(index)));
    }
    return stillMissing;
  });
}

/** Declared HNSW indexes that do not exist, or exist but are invalid (an interrupted concurrent build). */
export async function missingCustomerVectorIndexes(db: Database): Promise<string[]> {
  const present = await queryRows<{ name: string; valid: boolean }>(
    db,
    sql`select c.relname as name, i.indisvalid as valid
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
        where t.relname = ${customersTable.name}`,
  );
  const valid = new Set(present.filter((row) => row.valid).map((row) => row.name));
  return CUSTOMER_VECTOR_INDEXES.map((index) => index.config.name!).filter((name) => !valid.has(name));
}
