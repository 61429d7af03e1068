// Test support: a fresh, migrated database per test file — in-memory PGlite always, and a new PostgreSQL
// database (created and dropped around the file) when TEST_DATABASE_URL is set.
import type { DatabaseHandle, DatabaseKind } from './client';
import { openScratchPglite, openScratchPostgres } from './scratch';

export interface TestDatabase {
  kind: DatabaseKind;
  /** Migrated to the newest schema, or only as far as the migrations in `migrationsFolder`. */
  open(migrationsFolder?: string): Promise<DatabaseHandle>;
}

// Tests are the one place besides lib/env.ts that look at the environment: which databases to test against.
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
// A streaming replica of that server (scripts/replica.sh), for the read-replica test; unset → it is skipped.
const testReplicaUrl = process.env.TEST_REPLICA_URL?.trim() || undefined;

/** The primary's admin URL and the replica's, when both are set. */
export function replicaTestServers(): { primaryUrl: string; replicaUrl: string } | null {
  return testDatabaseUrl && testReplicaUrl ? { primaryUrl: testDatabaseUrl, replicaUrl: testReplicaUrl } : null;
}

/** The databases every integration test runs against. */
export function testDatabases(): TestDatabase[] {
  const targets: TestDatabase[] = [{ kind: 'pglite', open: openScratchPglite }];
  if (testDatabaseUrl) targets.push({ kind: 'postgres', open: (migrationsFolder) => openScratchPostgres(testDatabaseUrl, 'cm_test', migrationsFolder) });
  return targets;
}
