// CLI commands run against the configured database (DATABASE_URL / POSTGRES_* → PostgreSQL, else the
// embedded PGlite directory), migrated first, and closed when the command ends.
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { databaseTarget } from '../env';
import type { ServiceContext } from '../services/context';

export async function withDatabase<T>(actor: string, run: (ctx: ServiceContext, kind: 'pglite' | 'postgres') => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseTarget());
  try {
    await migrateDatabase(handle);
    return await run({ db: handle.db, actor }, handle.kind);
  } finally {
    await handle.close();
  }
}
