// Incoming customers: store one (keys and embeddings computed at write time) for matching.
import { appendAuditEvent } from '../db/queries/audit';
import { findIncomingById, findIncomingBySource, insertIncoming, insertIncomingMany, listIncoming as listIncomingRows } from '../db/queries/incoming';
import type { IncomingCustomer } from '../db/schema';
import type { Embedder } from '../embeddings/types';
import { AppError, notFound } from '../errors';
import { contentFingerprint, derivedSourceId } from '../import/fingerprint';
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

export interface Received {
  incoming: IncomingCustomer;
  /** The record had been received before: the stored one is returned and nothing new is written. */
  resubmitted: boolean;
}

/** Without a source_id the content identifies the record (as the import does), so sending it again is idempotent. */
export function withSourceId(input: CustomerInput): CustomerInput & { sourceId: string } {
  return { ...input, sourceId: input.sourceId ?? derivedSourceId(contentFingerprint(input)) };
}

/** The earlier record with this source key: the same one again, or a conflict when its content differs. */
export function sameRecordOrConflict(existing: IncomingCustomer, input: CustomerInput): Received {
  if (contentFingerprint(existing) === contentFingerprint(input)) return { incoming: existing, resubmitted: true };
  throw new AppError(
    'conflict',
    `Incoming #${existing.id} already has source_system "${existing.sourceSystem}" and source_id "${existing.sourceId}" with different content; send a changed record with a new source_id, or import it to update the pending one`,
    { incoming_id: existing.id },
  );
}

/**
 * Stores an incoming record, or returns the one already received with the same source key. When the
 * embedding provider is down the record is still stored — with its keys, without embeddings and with
 * needs_embedding set — so matching runs degraded (exact keys and trigrams) and
 * `npm run reembed -- --pending-only` (or the worker) completes it later.
 */
export async function receiveIncoming(ctx: ServiceContext, input: CustomerInput, options: SubmitOptions = {}): Promise<Received> {
  const keyed = withSourceId(input);
  const earlier = await findIncomingBySource(ctx.db, keyed.sourceSystem, keyed.sourceId);
  if (earlier) return sameRecordOrConflict(earlier, keyed);
  const { matchData, embeddingFailure } = await deriveMatchDataOrKeys(keyed, options.embedder, embeddingCacheFor(ctx.db));
  try {
    const stored = await ctx.db.transaction(async (tx) => {
      const incoming = await insertIncoming(tx, { ...keyed, ...matchData, needsEmbedding: embeddingFailure !== null, processingStatus: 'pending' });
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
    return { incoming: stored, resubmitted: false };
  } catch (error) {
    // Sent twice at the same moment: the other request stored it first.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findIncomingBySource(ctx.db, keyed.sourceSystem, keyed.sourceId);
    if (!winner) throw error;
    return sameRecordOrConflict(winner, keyed);
  }
}

export async function submitIncoming(ctx: ServiceContext, input: CustomerInput, options: SubmitOptions = {}): Promise<IncomingCustomer> {
  return (await receiveIncoming(ctx, input, options)).incoming;
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
      insert: (tx, batch, matchData, needsEmbedding) => insertIncomingMany(tx, batch.map((input, i) => ({ ...input, ...matchData[i], needsEmbedding, processingStatus: 'pending' as const }))),
    },
    options,
  );
}

export async function listIncoming(ctx: ServiceContext, query: IncomingListQuery): Promise<{ incoming: IncomingCustomer[]; nextCursor: number | null }> {
  const { rows, hasMore } = await listIncomingRows(ctx.db, query);
  return { incoming: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}
