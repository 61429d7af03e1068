// Batched writes of many records: one embedder call and one transaction per batch (rows, extra
// bookkeeping, one audit event for the batch). Shared by customer and incoming bulk loads.
import type { Database } from '../db/client';
import { appendAuditEvent } from '../db/queries/audit';
import type { Embedder } from '../embeddings/types';
import type { CustomerFields } from '../schemas/customer';
import type { ServiceContext } from './context';
import { logger } from '../logger';
import { deriveMatchDataBatchOrKeys, embeddingCacheFor, type MatchData } from './match-data';

export interface BulkOptions {
  batchSize?: number;
  /** The embedder to use (default getEmbedder()); the import passes one that times its calls. */
  embedder?: Embedder;
  onProgress?: (done: number) => void;
}

/** Records per batch: large enough to amortise the transaction, small enough to keep memory flat. */
export const DEFAULT_BULK_BATCH_SIZE = 250;

export interface BulkWriter {
  action: string;
  entityType: string;
  /** needsEmbedding: the provider failed, matchData has keys only (the rows are completed later). */
  insert(tx: Database, batch: CustomerFields[], matchData: MatchData[], needsEmbedding: boolean): Promise<Array<{ id: number }>>;
}

/** Returns the new ids in input order. */
export async function writeInBatches(ctx: ServiceContext, inputs: CustomerFields[], writer: BulkWriter, options: BulkOptions = {}): Promise<number[]> {
  const batchSize = options.batchSize ?? DEFAULT_BULK_BATCH_SIZE;
  const ids: number[] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    // A provider outage stores the batch with its keys (matched on exact keys and trigrams) rather than losing it.
    const { matchData, embeddingFailure } = await deriveMatchDataBatchOrKeys(batch, options.embedder, embeddingCacheFor(ctx.db));
    if (embeddingFailure) logger().warn({ rows: batch.length, reason: embeddingFailure }, 'embedding provider unavailable; rows stored without embeddings (npm run reembed -- --pending-only fills them)');
    const inserted = await ctx.db.transaction(async (tx) => {
      const rows = await writer.insert(tx, batch, matchData, embeddingFailure !== null);
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: writer.action,
        entityType: writer.entityType,
        entityId: `${rows[0]?.id ?? ''}..${rows[rows.length - 1]?.id ?? ''}`,
        after: { count: rows.length, ...(embeddingFailure ? { needs_embedding: true } : {}) },
        requestId: ctx.requestId,
      });
      return rows;
    });
    ids.push(...inserted.map((row) => row.id));
    options.onProgress?.(ids.length);
  }
  return ids;
}
