// One bench database per size, kept after the run so a later run can --reuse it: on PostgreSQL a
// database named <admin database>_<size> on the server of --database-url, on PGlite a directory.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';

export type BenchDatabaseKind = 'pglite' | 'postgres';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  /** postgres: the database's URL; pglite: its directory. */
  location: string;
  /** The variables a child process (server, match) needs to open the same database. */
  environment: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  /** Bytes on disk: the PGlite directory; null on PostgreSQL (ask pg_database_size). */
  directoryBytes(): number | null;
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function directorySize(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    total += entry.isDirectory() ? directorySize(full) : statSync(full).size;
  }
  return total;
}

async function migrated(open: () => Promise<DatabaseHandle>): Promise<DatabaseHandle> {
  const handle = await open();
  await migrateDatabase(handle);
  return handle;
}

/** fresh: drop what an earlier run left and start empty; otherwise keep it (the run checks what is there). */
/** readUrl: a streaming replica of that server (scripts/replica.sh); children then read through DATABASE_READ_URL. */
export async function benchDatabase(options: { kind: BenchDatabaseKind; customers: number; databaseUrl: string; readUrl?: string; pgliteRoot: string; fresh: boolean }): Promise<BenchDatabase> {
  if (options.kind === 'pglite') {
    const dataDir = path.resolve(options.pgliteRoot, `pglite-${options.customers}`);
    if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
    return {
      kind: 'pglite',
      location: dataDir,
      environment: { DATABASE_URL: '', POSTGRES_HOST: '', PGLITE_DATA_DIR: dataDir },
      open: () => migrated(() => openDatabase({ kind: 'pglite', dataDir })),
      directoryBytes: () => (existsSync(dataDir) ? directorySize(dataDir) : 0),
    };
  }
  const adminUrl = new URL(options.databaseUrl);
  const name = `${adminUrl.pathname.replace(/^\//, '') || 'bench'}_${options.customers}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`cannot use "${name}" as a database name; pass a --database-url whose database is a plain lower-case name`);
  if (options.fresh) await adminQuery(adminUrl.toString(), `drop database if exists ${name} with (force)`);
  await adminQuery(adminUrl.toString(), `create database ${name}`).catch((error: { code?: string }) => {
    if (error.code !== '42P04') throw error; // already there
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const readUrl = options.readUrl ? new URL(options.readUrl) : undefined;
  if (readUrl) readUrl.pathname = `/${name}`;
  return {
    kind: 'postgres',
    location: connectionString,
    environment: { DATABASE_URL: connectionString, DATABASE_READ_URL: readUrl?.toString() ?? '' },
    open: () => migrated(() => openDatabase({ kind: 'postgres', connectionString, port: Number(url.port || 5432), database: name, user: decodeURIComponent(url.username), ssl: false })),
    directoryBytes: () => null,
  };
}
