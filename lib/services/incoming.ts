// Incoming customers: store one (keys and embeddings computed at write time) for matching.
import { appendAuditEvent } from '../db/queries/audit';
import { findIncomingById, insertIncoming, insertIncomingMany, listIncoming as listIncomingRows } from '../db/queries/incoming';
import type { IncomingCustomer } from '../db/schema';
import type { Embedder } from '../embeddings/types';
import { AppError, notFound } from '../errors';
import { logger } from '../logger';
import type { CustomerFields, CustomerInput } from '../schemas/customer';
import type { IncomingListQuery } from '../schemas/incoming';
import type { ServiceContext } from './context';
import { isUniqueViolation } from './db-errors';
import { writeInBatches, type BulkOptions } from './bulk';
import { deriveMatchDataOrKeys, embeddingCacheFor } from './match-data';

export interface SubmitOptions {
  /** The embedder to use instead of getEmbedder() (tests inject a failing one). */
  embedder?: Embedder;
}

/**
 * Stores an incoming record. When the embedding provider is down the record is still stored — with its
 * keys, without embeddings and with needs_embedding set — so matching runs degraded (exact keys and
 * trigrams) and `npm run reembed -- --pending-only` (or the worker) completes it later.
 */
export async function submitIncoming(ctx: ServiceContext, input: CustomerInput, options: SubmitOptions = {}): Promise<IncomingCustomer> {
  const { matchData, embeddingFailure } = await deriveMatchDataOrKeys(input, options.embedder, embeddingCacheFor(ctx.db));
  try {
    const stored = await ctx.db.transaction(async (tx) => {
      const incoming = await insertIncoming(tx, { ...input, ...matchData, needsEmbedding: embeddingFailure !== null, processingStatus: 'pending' });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: 'incoming.received',
        entityType: 'incoming_customer',
        entityId: String(incoming.id),
        after: { company_name: incoming.companyName, source_system: incoming.sourceSystem, source_id: incoming.sourceId, ...(embeddingFailure ? { needs_embedding: true } : {}) },
        requestId: ctx.requestId,
      });
      return incoming;
    });
    if (embeddingFailure) logger().warn({ incomingId: stored.id, reason: embeddingFailure }, 'embedding provider unavailable; incoming stored without embeddings');
    return stored;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `An incoming record with source_system "${input.sourceSystem}" and source_id "${input.sourceId}" already exists`);
    }
    throw error;
  }
}

export async function getIncoming(ctx: ServiceContext, id: number): Promise<IncomingCustomer> {
  const incoming = await findIncomingById(ctx.db, id);
  if (!incoming) throw notFound('Incoming customer', id);
  return incoming;
}

/** Stores many incoming records in batches (status pending); returns the new ids in input order. */
export async function submitIncomingBulk(ctx: ServiceContext, inputs: CustomerFields[], options: BulkOptions = {}): Promise<number[]> {
  return writeInBatches(
    ctx,
    inputs,
    {
      action: 'incoming.imported',
      entityType: 'incoming_customer',
      insert: (tx, batch, matchData) => insertIncomingMany(tx, batch.map((input, i) => ({ ...input, ...matchData[i], processingStatus: 'pending' as const }))),
    },
    options,
  );
}

export async function listIncoming(ctx: ServiceContext, query: IncomingListQuery): Promise<{ incoming: IncomingCustomer[]; nextCursor: number | null }> {
  const { rows, hasMore } = await listIncomingRows(ctx.db, query);
  return { incoming: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}
