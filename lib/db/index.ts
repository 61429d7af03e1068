// The process-wide database handle: opened from the environment once, migrated before first use.
import { databaseTarget } from '../env';
import { openDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { attachReadReplica } from './replica';

const globalForDb = globalThis as unknown as { customerMatchingDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.customerMatchingDb ??= (async () => {
    const handle = await openDatabase(databaseTarget());
    await migrateDatabase(handle);
    return attachReadReplica(handle);
  })().catch((error) => {
    // Let a later request try again instead of caching the failure forever.
    globalForDb.customerMatchingDb = undefined;
    throw error;
  });
  return globalForDb.customerMatchingDb;
}

export async function closeDatabase(): Promise<void> {
  const pending = globalForDb.customerMatchingDb;
  globalForDb.customerMatchingDb = undefined;
  if (pending) await (await pending).close();
}
