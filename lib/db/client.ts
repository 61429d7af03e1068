// Opens the database the environment selects: node-postgres when DATABASE_URL / POSTGRES_HOST is set,
// otherwise embedded PGlite (with pgvector, pg_trgm, fuzzystrmatch). Both give the same Drizzle API.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { databaseTarget } from '../env';
import { acquireDataDirLock, type DataDirLock } from './pglite-lock';
import type { ReadRouter } from './read-routing';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Read-only queries that may go to a streaming replica (DATABASE_READ_URL); absent → all on db. */
  reads?: ReadRouter;
  /** Applies the SQL migrations in the folder (drizzle/), serialised against concurrent starts. */
  migrate(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
}

/** db is a node-postgres pool (not a transaction, not PGlite): independent reads may run side by side on it. */
export function isPool(db: Database): boolean {
  const client = (db as { $client?: unknown }).$client;
  return typeof client === 'object' && client !== null && 'totalCount' in client && 'idleCount' in client;
}

// Serialises concurrent migrations against one PostgreSQL (two app instances, app + CLI).
const MIGRATION_LOCK_KEY = 727_001;

export type DatabaseTarget = ReturnType<typeof databaseTarget> | { kind: 'pglite'; dataDir?: undefined };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? openPostgres(target) : openPglite(target.dataDir);
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password,
    ssl: target.ssl ? { rejectUnauthorized: true } : undefined,
    max: 10,
    connectionTimeoutMillis: 5_000,
  });
  // A dropped connection must not crash the process; the next query reports the failure.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema, casing: 'snake_case' }) as unknown as Database;
  const migrateWithLock = async (migrationsFolder: string) => {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const session = await pool.connect();
    try {
      await session.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migrate(drizzle(session, { schema }), { migrationsFolder });
    } finally {
      await session.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      session.release();
    }
  };
  return { db, kind: 'postgres', migrate: migrateWithLock, close: () => pool.end() };
}

/** dataDir undefined → in-memory database (tests). */
async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { fuzzystrmatch } = await import('@electric-sql/pglite/contrib/fuzzystrmatch');
  const { drizzle } = await import('drizzle-orm/pglite');

  let lock: DataDirLock | undefined;
  let resolvedDir: string | undefined;
  if (dataDir) {
    resolvedDir = path.resolve(dataDir);
    mkdirSync(resolvedDir, { recursive: true });
    lock = acquireDataDirLock(resolvedDir);
  }
  try {
    const client = await PGlite.create({ dataDir: resolvedDir, extensions: { vector, pg_trgm, fuzzystrmatch } });
    const pgliteDb = drizzle(client, { schema, casing: 'snake_case' });
    const db = pgliteDb as unknown as Database;
    return {
      db,
      kind: 'pglite',
      migrate: async (migrationsFolder: string) => {
        const { migrate } = await import('drizzle-orm/pglite/migrator');
        await migrate(pgliteDb, { migrationsFolder });
      },
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
