// Incoming customers: store one (keys and embeddings computed at write time) for matching.
import { appendAuditEvent } from '../db/queries/audit';
import { findIncomingById, insertIncoming, insertIncomingMany, listIncoming as listIncomingRows } from '../db/queries/incoming';
import type { IncomingCustomer } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { CustomerFields, CustomerInput } from '../schemas/customer';
import type { IncomingListQuery } from '../schemas/incoming';
import type { ServiceContext } from './context';
import { isUniqueViolation } from './db-errors';
import { deriveMatchData, deriveMatchDataBatch } from './match-data';

export async function submitIncoming(ctx: ServiceContext, input: CustomerInput): Promise<IncomingCustomer> {
  const matchData = await deriveMatchData(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const incoming = await insertIncoming(tx, { ...input, ...matchData, processingStatus: 'pending' });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: 'incoming.received',
        entityType: 'incoming_customer',
        entityId: String(incoming.id),
        after: { company_name: incoming.companyName, source_system: incoming.sourceSystem, source_id: incoming.sourceId },
        requestId: ctx.requestId,
      });
      return incoming;
    });
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
export async function submitIncomingBulk(
  ctx: ServiceContext,
  inputs: CustomerFields[],
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number[]> {
  const batchSize = options.batchSize ?? 250;
  const ids: number[] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const matchData = await deriveMatchDataBatch(batch);
    const rows = await ctx.db.transaction(async (tx) => {
      const inserted = await insertIncomingMany(tx, batch.map((input, i) => ({ ...input, ...matchData[i], processingStatus: 'pending' as const })));
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: 'incoming.imported',
        entityType: 'incoming_customer',
        entityId: `${inserted[0]?.id ?? ''}..${inserted[inserted.length - 1]?.id ?? ''}`,
        after: { count: inserted.length },
        requestId: ctx.requestId,
      });
      return inserted;
    });
    ids.push(...rows.map((row) => row.id));
    options.onProgress?.(ids.length);
  }
  return ids;
}

export async function listIncoming(ctx: ServiceContext, query: IncomingListQuery): Promise<{ incoming: IncomingCustomer[]; nextCursor: number | null }> {
  const { rows, hasMore } = await listIncomingRows(ctx.db, query);
  return { incoming: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}
