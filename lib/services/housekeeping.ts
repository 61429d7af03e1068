// Deletes what has outlived its use: Idempotency-Key responses older than IDEMPOTENCY_KEY_TTL_HOURS and
// ended steward sessions. Run by the worker loop and, at most every few minutes, by the app on keyed writes
// and sign-ins; each run deletes in bounded batches, so it never holds a long lock.
import { deleteExpiredIdempotencyKeys } from '../db/queries/idempotency';
import { deleteExpiredStewardSessions } from '../db/queries/steward-sessions';
import type { Database } from '../db/client';
import { env } from '../env';
import { logger, safeError } from '../logger';

export interface SweepResult {
  idempotencyKeys: number;
  stewardSessions: number;
}

const BATCH_ROWS = 1_000;
/** Ten batches a run: a backlog clears over a few runs instead of one long delete. */
const MAX_BATCHES = 10;
/** Often enough that expired rows stay few, rare enough to cost nothing noticeable per request. */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

async function drain(remove: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const removed = await remove(BATCH_ROWS);
    total += removed;
    if (removed < BATCH_ROWS) break;
  }
  return total;
}

export async function sweepExpired(db: Database, now = new Date(), ttlHours = env().IDEMPOTENCY_KEY_TTL_HOURS): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - ttlHours * 3_600_000);
  const idempotencyKeys = await drain((limit) => deleteExpiredIdempotencyKeys(db, cutoff, limit));
  const stewardSessions = await drain((limit) => deleteExpiredStewardSessions(db, now, limit));
  if (idempotencyKeys + stewardSessions > 0) logger().info({ idempotencyKeys, stewardSessions }, 'deleted expired rows');
  return { idempotencyKeys, stewardSessions };
}

const state = globalThis as unknown as { customerMatchingLastSweep?: number };

/**
 * Sweeps unless this process did within SWEEP_INTERVAL_MS; never rejects (a failed sweep is logged and
 * tried again next interval). Callers on a request path need not await it.
 */
export async function maybeSweepExpired(db: Database, now = Date.now()): Promise<SweepResult | null> {
  if (state.customerMatchingLastSweep !== undefined && now - state.customerMatchingLastSweep < SWEEP_INTERVAL_MS) return null;
  state.customerMatchingLastSweep = now;
  try {
    return await sweepExpired(db, new Date(now));
  } catch (error) {
    logger().warn({ err: safeError(error) }, 'sweeping expired rows failed; trying again later');
    return null;
  }
}

/** Tests: forget when the last sweep ran. */
export function resetSweepClock(): void {
  state.customerMatchingLastSweep = undefined;
}
