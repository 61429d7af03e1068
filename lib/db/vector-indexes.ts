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

/**
 * Builds any declared HNSW index that is missing (after a bulk load, or one that was interrupted).
 * pgvector builds the graph in maintenance_work_mem and gets far slower once it no longer fits, so
 * the build gets buildMemoryMb (SET LOCAL: this transaction only, the same connection in a pool).
 */
export async function ensureCustomerVectorIndexes(db: Database, buildMemoryMb = 64): Promise<string[]> {
  const missing = await missingCustomerVectorIndexes(db);
  for (const index of CUSTOMER_VECTOR_INDEXES.filter((candidate) => missing.includes(candidate.config.name!))) {
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${Math.floor(buildMemoryMb)}MB'`));
      await tx.execute(sql.raw(createIndexStatement(index)));
    });
  }
  return missing;
}

export async function missingCustomerVectorIndexes(db: Database): Promise<string[]> {
  const present = await queryRows<{ indexname: string }>(db, sql`select indexname from pg_indexes where tablename = ${customersTable.name}`);
  const names = new Set(present.map((row) => row.indexname));
  return CUSTOMER_VECTOR_INDEXES.map((index) => index.config.name!).filter((name) => !names.has(name));
}
