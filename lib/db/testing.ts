// Test support: a fresh, migrated database per test file — in-memory PGlite always, and a new PostgreSQL
// database (created and dropped around the file) when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from './client';
import { migrateDatabase } from './migrate';

export interface TestDatabase {
  kind: DatabaseKind;
  open(): Promise<DatabaseHandle>;
}

// Tests are the one place besides lib/env.ts that look at the environment: which databases to test against.
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

async function withAdminClient<T>(run: (client: import('pg').Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function openFreshPostgres(): Promise<DatabaseHandle> {
  const name = `cm_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', connectionString: url.toString(), port: 5432, database: name, user: 'postgres', ssl: false });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function openFreshPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(handle);
  return handle;
}

/** The databases every integration test runs against. */
export function testDatabases(): TestDatabase[] {
  const targets: TestDatabase[] = [{ kind: 'pglite', open: openFreshPglite }];
  if (testDatabaseUrl) targets.push({ kind: 'postgres', open: openFreshPostgres });
  return targets;
}
