// What npm run bench asks the database directly: exact and approximate nearest neighbours for the
// recall curve, the first N customer ids for the naive baseline, and storage sizes and versions.
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { queryRows } from '../rows';

export type EmbeddingColumn = 'company_name_embedding' | 'full_profile_embedding';

export interface Neighbour {
  id: number;
  distance: number;
}

const vectorLiteral = (embedding: number[]) => sql`${`[${embedding.join(',')}]`}::vector`;

/**
 * The k customers nearest by cosine distance. exact → the planner may not use an index (a sequential
 * scan and a top-k sort: the ground truth); otherwise the HNSW index with this ef_search, as matching does.
 */
export async function nearestNeighbours(db: Database, column: EmbeddingColumn, embedding: number[], k: number, search: { exact: true } | { exact: false; efSearch: number }): Promise<Neighbour[]> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(
      search.exact
        ? sql`select set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`
        : sql`select set_config('hnsw.ef_search', ${String(search.efSearch)}, true), set_config('enable_seqscan', 'off', true)`,
    );
    return queryRows<{ id: number | string; distance: number | string }>(
      tx,
      sql`select id, (${sql.raw(column)} <=> ${vectorLiteral(embedding)})::float8 as distance
          from customers order by ${sql.raw(column)} <=> ${vectorLiteral(embedding)} limit ${k}`,
    );
  });
  return rows.map((row) => ({ id: Number(row.id), distance: Number(row.distance) }));
}

/** The lowest customer ids: a fixed sample for the score-everything baseline. */
export async function firstCustomerIds(db: Database, limit: number): Promise<number[]> {
  const rows = await queryRows<{ id: number | string }>(db, sql`select id from customers order by id limit ${limit}`);
  return rows.map((row) => Number(row.id));
}

export interface StorageSizes {
  databaseBytes: number;
  customersTableBytes: number;
  customersIndexBytes: number;
  vectorIndexBytes: number;
}

export async function storageSizes(db: Database): Promise<StorageSizes> {
  const [row] = await queryRows<Record<keyof StorageSizes, string | number>>(
    db,
    sql`select pg_database_size(current_database()) as "databaseBytes",
               pg_table_size('customers') as "customersTableBytes",
               pg_indexes_size('customers') as "customersIndexBytes",
               coalesce((select sum(pg_relation_size(i.indexrelid)) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
                         where i.indrelid = 'customers'::regclass and a.amname = 'hnsw'), 0) as "vectorIndexBytes"`,
  );
  return {
    databaseBytes: Number(row.databaseBytes),
    customersTableBytes: Number(row.customersTableBytes),
    customersIndexBytes: Number(row.customersIndexBytes),
    vectorIndexBytes: Number(row.vectorIndexBytes),
  };
}

export async function serverVersions(db: Database): Promise<{ postgres: string; pgvector: string | null }> {
  const [row] = await queryRows<{ postgres: string; pgvector: string | null }>(
    db,
    sql`select current_setting('server_version') as postgres, (select extversion from pg_extension where extname = 'vector') as pgvector`,
  );
  return row;
}

/** Backends connected to this database other than the caller's own: the server's pool, match processes. */
export async function otherBackendPids(db: Database): Promise<number[]> {
  const rows = await queryRows<{ pid: number | string }>(db, sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return rows.map((row) => Number(row.pid));
}

/** Customer ids by source id (generated data: the ground truth names customers by source id). */
export async function customerIdsBySourceId(db: Database, sourceSystem: string, sourceIds: string[]): Promise<Map<string, number>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await queryRows<{ id: number | string; source_id: string }>(
    db,
    sql`select id, source_id from customers where source_system = ${sourceSystem} and source_id = any(${sql.param(sourceIds)}::text[])`,
  );
  return new Map(rows.map((row) => [row.source_id, Number(row.id)]));
}
