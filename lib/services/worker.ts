// The queue worker: drains the pending queue, sleeps a poll interval when it is empty, and stops when
// its signal fires — the record in hand is finished, unfinished claims are given back. Between rounds it
// also deletes expired Idempotency-Key responses and steward sessions (lib/services/housekeeping.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { countByStatus } from '../db/queries/queue';
import { env } from '../env';
import { logger, safeError } from '../logger';
import { maybeSweepExpired } from './housekeeping';
import { emptyTally, newWorkerId, runBatchMatch, type BatchMatchOptions, type BatchTally } from './batch-matching';
import type { ServiceContext } from './context';

export interface WorkerOptions {
  signal: AbortSignal;
  concurrency?: number;
  pollIntervalMs?: number;
  workerId?: string;
  /** Passed through to the batch matcher (lease, claim size, the matcher seam for tests). */
  batch?: Pick<BatchMatchOptions, 'claimBatchSize' | 'leaseSeconds' | 'match' | 'matchOne' | 'embedder'>;
  /** After each drain that did work and after each empty poll. */
  onRound?: (round: { processed: number; totals: BatchTally }) => void;
}

function add(totals: BatchTally, round: BatchTally): void {
  for (const key of ['processed', 'matched', 'noMatch', 'failed', 'lost', 'derived', 'degraded'] as const) totals[key] += round[key];
  for (const band of Object.keys(round.byBand) as Array<keyof BatchTally['byBand']>) totals.byBand[band] += round.byBand[band];
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // Aborted: the loop checks the signal next.
  }
}

/** Runs until the signal fires; returns the totals. Database errors are logged and retried after the interval. */
export async function runWorker(ctx: ServiceContext, options: WorkerOptions): Promise<BatchTally> {
  const workerId = options.workerId ?? newWorkerId('worker');
  const pollIntervalMs = options.pollIntervalMs ?? env().WORKER_POLL_INTERVAL_MS;
  const totals = emptyTally();
  const log = logger().child({ workerId });
  log.info({ pollIntervalMs, concurrency: options.concurrency ?? 1, queue: await countByStatus(ctx.db) }, 'worker started');
  while (!options.signal.aborted) {
    await maybeSweepExpired(ctx.db);
    try {
      const round = await runBatchMatch(ctx, { ...options.batch, mode: { kind: 'pending' }, concurrency: options.concurrency, workerId, signal: options.signal });
      add(totals, round);
      if (round.processed > 0 || round.lost > 0) {
        // Counts only: no record contents at info level.
        log.info({ processed: round.processed, matched: round.matched, noMatch: round.noMatch, failed: round.failed, derived: round.derived, degraded: round.degraded, perSecond: Number(round.perSecond.toFixed(1)) }, 'drained the queue');
      }
      options.onRound?.({ processed: round.processed, totals });
      if (round.processed > 0 && !options.signal.aborted) continue;
    } catch (error) {
      log.error({ err: safeError(error) }, 'queue round failed; retrying after the poll interval');
    }
    await pause(pollIntervalMs, options.signal);
  }
  log.info({ processed: totals.processed, matched: totals.matched, noMatch: totals.noMatch, failed: totals.failed }, 'worker stopped');
  return totals;
}
