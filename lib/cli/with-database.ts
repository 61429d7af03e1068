// CLI commands run against the configured database (DATABASE_URL / POSTGRES_* → PostgreSQL, else the
// embedded PGlite directory), migrated first, and closed when the command ends.
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { attachReadReplica } from '../db/replica';
import { databaseTarget } from '../env';
import type { ServiceContext } from '../services/context';

export async function withDatabase<T>(actor: string, run: (ctx: ServiceContext, kind: 'pglite' | 'postgres') => Promise<T>): Promise<T> {
  let handle = await openDatabase(databaseTarget());
  try {
    await migrateDatabase(handle);
    handle = await attachReadReplica(handle);
    return await run({ db: handle.db, reads: handle.reads, actor }, handle.kind);
  } finally {
    await handle.close();
  }
}
