// Batch matching of incoming records: the pending queue (claimed with SKIP LOCKED, so any number of
// processes and lanes can run at once), a re-match of everything, or one record. Used by `npm run match`
// and by the worker's drain loop.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { claimAfter, claimById, claimPending, countClaimable, countIncoming, releaseClaims } from '../db/queries/queue';
import { env } from '../env';
import { CONFIDENCE_BANDS, type ConfidenceBand } from '../matching/types';
import type { ServiceContext } from './context';
import { ensureMatchData, processClaimedRow, type ClaimedWork, type RowResult } from './claimed-rows';
import { getIncoming } from './incoming';
import { refuseResolved, type MatchOptions } from './matching';
import type { Embedder } from '../embeddings/types';

export type BatchMode = { kind: 'pending' } | { kind: 'all' } | { kind: 'id'; id: number };

export interface BatchMatchOptions {
  mode: BatchMode;
  /** At most this many records (pending / all). */
  limit?: number;
  /** Lanes matching at once in this process; each claims its own rows. */
  concurrency?: number;
  workerId?: string;
  claimBatchSize?: number;
  leaseSeconds?: number;
  /** Stop claiming; the record in hand is finished, the rest of the claim is released. */
  signal?: AbortSignal;
  match?: MatchOptions;
  matchOne?: ClaimedWork['matchOne'];
  /** The embedder for rows that lack embeddings (default: the configured provider). */
  embedder?: Embedder;
  onRow?: (result: RowResult, tally: BatchTally) => void;
}

export interface BatchTally {
  processed: number;
  matched: number;
  noMatch: number;
  failed: number;
  /** Rows whose claim expired mid-run and were taken over by another worker. */
  lost: number;
  /** Rows that lacked keys/embeddings and had them derived first. */
  derived: number;
  /** Rows matched on keys alone because the embedding provider failed (needs_embedding stays set). */
  degraded: number;
  /** Best stored result's band per processed record; 'none' = nothing stored. */
  byBand: Record<ConfidenceBand | 'none', number>;
}

export interface BatchMatchSummary extends BatchTally {
  elapsedMs: number;
  /** Processed records per second of wall time. */
  perSecond: number;
  released: number;
}

export function emptyTally(): BatchTally {
  return { processed: 0, matched: 0, noMatch: 0, failed: 0, lost: 0, derived: 0, degraded: 0, byBand: { ...Object.fromEntries(CONFIDENCE_BANDS.map((band) => [band, 0])), none: 0 } as BatchTally['byBand'] };
}

/** Unique per process and run: host, pid and a random suffix (claimed_by is at most 100 characters). */
export function newWorkerId(label = 'match'): string {
  return `${label}:${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

function count(tally: BatchTally, result: RowResult): void {
  if (result.outcome === 'lost') {
    tally.lost += 1;
    return;
  }
  tally.processed += 1;
  if (result.outcome === 'failed') {
    tally.failed += 1;
    return;
  }
  if (result.status === 'matched') tally.matched += 1;
  else tally.noMatch += 1;
  tally.byBand[result.bestBand ?? 'none'] += 1;
}

/** How many records the run expects to process (for a progress bar); a snapshot, others may take some. */
export async function batchMatchTotal(ctx: ServiceContext, options: Pick<BatchMatchOptions, 'mode' | 'limit' | 'leaseSeconds'>): Promise<number> {
  const { mode } = options;
  const total = mode.kind === 'id' ? 1 : mode.kind === 'all' ? await countIncoming(ctx.db) : await countClaimable(ctx.db, options.leaseSeconds ?? env().MATCH_CLAIM_LEASE_SECONDS);
  return options.limit === undefined ? total : Math.min(total, options.limit);
}

/** Hands out claims to lanes: one claim query at a time, within the run's limit. */
function claimSource(ctx: ServiceContext, options: BatchMatchOptions, workerId: string) {
  const leaseSeconds = options.leaseSeconds ?? env().MATCH_CLAIM_LEASE_SECONDS;
  const batchSize = options.claimBatchSize ?? env().MATCH_CLAIM_BATCH_SIZE;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  let afterId = 0;
  let exhausted = false;
  let queue: Promise<unknown> = Promise.resolve();
  const claimOnce = async (): Promise<number[]> => {
    if (exhausted || remaining <= 0 || options.signal?.aborted) return [];
    const limit = Math.min(batchSize, remaining);
    const { mode } = options;
    const request = { workerId, limit, leaseSeconds };
    const claimed =
      mode.kind === 'pending' ? await claimPending(ctx.db, request)
      : mode.kind === 'all' ? await claimAfter(ctx.db, { ...request, afterId })
      : await claimById(ctx.db, { ...request, id: mode.id });
    if (mode.kind === 'all' && claimed.length > 0) afterId = claimed[claimed.length - 1];
    if (claimed.length === 0 || mode.kind === 'id') exhausted = true;
    remaining -= claimed.length;
    return claimed;
  };
  // Serialised so lanes never race on the keyset cursor or the limit.
  return (): Promise<number[]> => {
    const next = queue.then(claimOnce);
    queue = next.catch(() => undefined);
    return next;
  };
}

async function runLane(ctx: ServiceContext, options: BatchMatchOptions, workerId: string, claim: () => Promise<number[]>, tally: BatchTally): Promise<number> {
  const work: ClaimedWork = { workerId, match: options.match, matchOne: options.matchOne };
  const record = (result: RowResult) => {
    count(tally, result);
    options.onRow?.(result, tally);
  };
  for (let claimed = await claim(); claimed.length > 0; claimed = await claim()) {
    const open = new Set(claimed);
    try {
      const prepared = await ensureMatchData(ctx, claimed, workerId, options.embedder);
      tally.derived += prepared.derived;
      tally.degraded += prepared.degraded;
      for (const result of prepared.failed) {
        open.delete(result.id);
        record(result);
      }
      for (const id of claimed.filter((claimedId) => open.has(claimedId))) {
        if (options.signal?.aborted) return releaseClaims(ctx.db, workerId, [...open]);
        record(await processClaimedRow(ctx, id, work));
        open.delete(id);
      }
    } catch (error) {
      // The database failed under us (not a row's own failure): hand the rest back before giving up.
      await releaseClaims(ctx.db, workerId, [...open]).catch(() => 0);
      throw error;
    }
  }
  return 0;
}

/** Runs until the selection is exhausted (or the signal stops it) and returns the counts. */
export async function runBatchMatch(ctx: ServiceContext, options: BatchMatchOptions): Promise<BatchMatchSummary> {
  const started = performance.now();
  if (options.mode.kind === 'id') refuseResolved(await getIncoming(ctx, options.mode.id));
  const workerId = options.workerId ?? newWorkerId();
  const claim = claimSource(ctx, options, workerId);
  const tally = emptyTally();
  const lanes = Math.max(1, options.mode.kind === 'id' ? 1 : (options.concurrency ?? 1));
  const released = (await Promise.all(Array.from({ length: lanes }, () => runLane(ctx, options, workerId, claim, tally)))).reduce((a, b) => a + b, 0);
  const elapsedMs = Math.round(performance.now() - started);
  return { ...tally, released, elapsedMs, perSecond: tally.processed / Math.max(elapsedMs / 1000, 0.001) };
}
