// Opens the read replica of DATABASE_READ_URL beside an opened primary and routes reads through a
// ReadRouter; without it (or on PGlite) the handle is returned unchanged and every read uses the primary.
import { env, type Env } from '../env';
import { openDatabase, type DatabaseHandle } from './client';
import { ReadRouter, walProbe } from './read-routing';

/** A replica that failed a check is left alone this long: long enough not to slow every request down. */
const REPLICA_RETRY_AFTER_FAILURE_MS = 5_000;

export async function attachReadReplica(handle: DatabaseHandle, config: Env = env()): Promise<DatabaseHandle> {
  if (!config.DATABASE_READ_URL || handle.kind !== 'postgres') return handle;
  const url = new URL(config.DATABASE_READ_URL);
  // No migrations: a hot standby is read-only and receives the primary's schema through replication.
  const replica = await openDatabase({
    kind: 'postgres',
    connectionString: config.DATABASE_READ_URL,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    user: decodeURIComponent(url.username),
    ssl: false,
  });
  const reads = new ReadRouter(handle.db, replica.db, walProbe(handle.db, replica.db), {
    afterWriteMs: config.DATABASE_READ_AFTER_WRITE_MS,
    retryAfterFailureMs: REPLICA_RETRY_AFTER_FAILURE_MS,
  });
  return {
    ...handle,
    reads,
    close: async () => {
      await replica.close();
      await handle.close();
    },
  };
}
