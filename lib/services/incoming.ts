// Incoming customers: store one (keys and embeddings computed at write time) for matching.
import { appendAuditEvent } from '../db/queries/audit';
import { findIncomingById, insertIncoming, insertIncomingMany, listIncoming as listIncomingRows } from '../db/queries/incoming';
import type { IncomingCustomer } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { CustomerFields, CustomerInput } from '../schemas/customer';
import type { IncomingListQuery } from '../schemas/incoming';
import type { ServiceContext } from './context';
import { isUniqueViolation } from './db-errors';
import { writeInBatches, type BulkOptions } from './bulk';
import { deriveMatchData } from './match-data';

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
