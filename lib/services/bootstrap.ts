// Start-up: open and migrate the database, seed demo data into an empty one. Idempotent and memoised.
import { getDatabaseHandle } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { logger, safeError } from '../logger';
import type { ServiceContext } from './context';
import { seedDemoDataIfEmpty } from './demo-data';
import { healVectorIndexesInBackground } from './vector-index-health';

const globalForBoot = globalThis as unknown as { customerMatchingBoot?: Promise<void> };

export function ensureReady(): Promise<void> {
  globalForBoot.customerMatchingBoot ??= (async () => {
    const handle = await getDatabaseHandle();
    if (env().SEED_DEMO_DATA) {
      const seeded = await seedDemoDataIfEmpty({ db: handle.db, actor: 'system:seed' });
      if (seeded > 0) logger().info({ seeded }, 'seeded demo customers into an empty database');
    }
    void healVectorIndexesInBackground(handle.db);
    logger().info({ database: handle.kind }, 'database ready');
  })().catch((error) => {
    globalForBoot.customerMatchingBoot = undefined;
    throw error;
  });
  return globalForBoot.customerMatchingBoot;
}

/** A service context for the running app, after start-up has finished; 503 while the database is unreachable. */
export async function appContext(actor: string, requestId?: string): Promise<ServiceContext> {
  try {
    await ensureReady();
    const handle = await getDatabaseHandle();
    return { db: handle.db, reads: handle.reads, actor, requestId };
  } catch (error) {
    logger().error({ requestId, err: safeError(error) }, 'database unavailable');
    throw new AppError('service_unavailable', 'The database is not reachable right now; check DATABASE_URL or try again shortly.');
  }
}
