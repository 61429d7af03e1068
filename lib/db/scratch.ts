// Throw-away databases, migrated and empty: an in-memory PGlite, or a new database on a PostgreSQL
// server (created from an admin URL and dropped on close). Used by tests and by the eval command.
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';

async function withAdminClient<T>(adminUrl: string, run: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A new database on the server of adminUrl; `close()` drops it. */
export async function openScratchPostgres(adminUrl: string, prefix = 'cm_scratch', migrationsFolder?: string): Promise<DatabaseHandle> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', connectionString: url.toString(), port: Number(url.port || 5432), database: name, user: url.username, ssl: false });
  try {
    await migrateDatabase(handle, migrationsFolder);
  } catch (error) {
    await handle.close();
    await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    throw error;
  }
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** migrationsFolder: an older set of migrations, for tests that upgrade a database with data in it. */
export async function openScratchPglite(migrationsFolder?: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(handle, migrationsFolder);
  return handle;
}
