// Work on rows a worker has claimed: derive missing match data (rows a pipeline inserted raw, rows stored
// while the embedding provider was down), match each row, and turn a failure into status 'error' with a short reason so that one bad row never blocks the queue.
import { finishClaim, markFailed, renewClaim, rowsMissingMatchData, storeIncomingMatchData } from '../db/queries/queue';
import type { IncomingCustomer } from '../db/schema';
import type { IncomingState } from '../domain/resolution';
import { logger, safeError } from '../logger';
import type { ConfidenceBand } from '../matching/types';
import type { ServiceContext } from './context';
import { isEmbeddingProviderError } from '../embeddings/errors';
import type { Embedder } from '../embeddings/types';
import { deriveMatchDataBatch, deriveMatchKeys, embeddingCacheFor, type MatchData } from './match-data';
import { matchIncoming, type MatchOptions, type MatchOutcome } from './matching';

/** What happened to one claimed row. */
export type RowResult =
  | { id: number; outcome: 'done'; status: IncomingState; bestBand: ConfidenceBand | null }
  | { id: number; outcome: 'failed'; reason: string }
  /** The claim expired and another worker took the row over; this worker leaves it alone. */
  | { id: number; outcome: 'lost' };

export interface ClaimedWork {
  workerId: string;
  match?: MatchOptions;
  /** The matcher; a seam for tests. */
  matchOne?: (ctx: ServiceContext, id: number, options: MatchOptions) => Promise<MatchOutcome>;
}

// Stored in incoming_customers.error_message and shown to stewards: enough to act on, nothing internal.
const MAX_REASON_LENGTH = 500;

/** A one-line reason without stack, SQL or the query's values (logger's safeError). */
export function failureReason(error: unknown): string {
  const { type, message } = safeError(error);
  return `${error instanceof Error && type !== 'Error' ? `${type}: ` : ''}${message || 'unknown error'}`.slice(0, MAX_REASON_LENGTH);
}

async function fail(ctx: ServiceContext, id: number, workerId: string, error: unknown): Promise<RowResult> {
  const reason = failureReason(error);
  await markFailed(ctx.db, id, workerId, reason);
  // Id and reason only: the reason names the problem, never the record's values.
  logger().warn({ incomingId: id, reason }, 'incoming record failed to match');
  return { id, outcome: 'failed', reason };
}

async function store(ctx: ServiceContext, rows: IncomingCustomer[], data: MatchData[], needsEmbedding: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1) await storeIncomingMatchData(tx, rows[i].id, data[i], needsEmbedding);
  });
}

/** Keys only, embeddings left empty and flagged: matching runs on exact keys and trigrams, `npm run reembed -- --pending-only` completes it. */
const keysOnly = (row: IncomingCustomer): MatchData => ({ ...deriveMatchKeys(row), companyNameEmbedding: null, fullProfileEmbedding: null, embeddingModel: null });

export interface MatchDataOutcome {
  derived: number;
  /** Rows stored with keys but without embeddings because the embedding provider failed. */
  degraded: number;
  failed: RowResult[];
}

/** Row by row, so one bad record fails alone; a provider failure leaves the row with its keys. */
async function deriveOneByOne(ctx: ServiceContext, rows: IncomingCustomer[], workerId: string, embedder: Embedder | undefined): Promise<MatchDataOutcome> {
  const outcome: MatchDataOutcome = { derived: 0, degraded: 0, failed: [] };
  for (const row of rows) {
    try {
      try {
        await store(ctx, [row], await deriveMatchDataBatch([row], embedder, embeddingCacheFor(ctx.db)), false);
        outcome.derived += 1;
      } catch (error) {
        if (!isEmbeddingProviderError(error)) throw error;
        await store(ctx, [row], [keysOnly(row)], true);
        outcome.degraded += 1;
      }
    } catch (error) {
      outcome.failed.push(await fail(ctx, row.id, workerId, error));
    }
  }
  return outcome;
}

/**
 * Derives and stores keys and embeddings for claimed rows that lack them (a pipeline's raw inserts, rows
 * stored while the provider was down). One embedder call for the batch; when it fails, row by row.
 */
export async function ensureMatchData(ctx: ServiceContext, rowIds: number[], workerId: string, embedder?: Embedder): Promise<MatchDataOutcome> {
  const missing = await rowsMissingMatchData(ctx.db, rowIds);
  if (missing.length === 0) return { derived: 0, degraded: 0, failed: [] };
  try {
    await store(ctx, missing, await deriveMatchDataBatch(missing, embedder, embeddingCacheFor(ctx.db)), false);
    return { derived: missing.length, degraded: 0, failed: [] };
  } catch (error) {
    if (isEmbeddingProviderError(error)) logger().warn({ rows: missing.length, reason: error.message }, 'embedding provider failed; matching these rows on keys and trigrams');
    return deriveOneByOne(ctx, missing, workerId, embedder);
  }
}

/** Matches one claimed row (renewing the claim first) and ends the claim. Never throws for the row's own failure. */
export async function processClaimedRow(ctx: ServiceContext, id: number, work: ClaimedWork): Promise<RowResult> {
  if (!(await renewClaim(ctx.db, id, work.workerId))) return { id, outcome: 'lost' };
  const matchOne = work.matchOne ?? matchIncoming;
  try {
    const outcome = await matchOne(ctx, id, work.match ?? {});
    await finishClaim(ctx.db, id, work.workerId);
    return { id, outcome: 'done', status: outcome.incoming.processingStatus, bestBand: outcome.matches[0]?.result.confidenceBand ?? null };
  } catch (error) {
    return fail(ctx, id, work.workerId, error);
  }
}
