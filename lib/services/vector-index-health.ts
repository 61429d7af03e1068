// The customers' secondary indexes heal themselves: a process that starts and finds one missing (an import
// that crashed after dropping them) builds it in the background, and /health says "degraded" until it is back.
import { ensureBulkLoadIndexes, missingBulkLoadIndexes } from '../db/bulk-load-indexes';
import type { Database } from '../db/client';
import { env } from '../env';
import { logger, safeError } from '../logger';

const state = globalThis as unknown as { customerMatchingIndexBuild?: Promise<string[]> };

/** Starts building missing indexes unless a build is already running in this process; never throws. */
export function healVectorIndexesInBackground(db: Database): Promise<string[]> {
  state.customerMatchingIndexBuild ??= (async () => {
    try {
      if ((await missingBulkLoadIndexes(db)).length === 0) return [];
      logger().warn('customer indexes missing (an import was interrupted?); rebuilding them now');
      const built = await ensureBulkLoadIndexes(db, env().IMPORT_INDEX_BUILD_MEMORY_MB);
      if (built.length) logger().info({ indexes: built }, 'customer indexes rebuilt');
      return built;
    } catch (error) {
      logger().error({ err: safeError(error) }, 'rebuilding the customer indexes failed; the next start tries again');
      return [];
    } finally {
      state.customerMatchingIndexBuild = undefined;
    }
  })();
  return state.customerMatchingIndexBuild;
}

export function vectorIndexBuildRunning(): boolean {
  return state.customerMatchingIndexBuild !== undefined;
}

/** Why candidate lookups and search are slow right now, or nothing. */
export async function vectorIndexProblems(db: Database): Promise<string[]> {
  const missing = await missingBulkLoadIndexes(db);
  if (missing.length === 0) return [];
  const doing = vectorIndexBuildRunning() ? 'being rebuilt now' : 'missing (an import may be rebuilding them)';
  return [`customer indexes ${missing.join(', ')} ${doing}: candidate lookups and search fall back to full scans until they are back`];
}
