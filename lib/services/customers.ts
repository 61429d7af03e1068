// Customer use cases: create (with match keys and embeddings computed once at write time) and list.
import { appendAuditEvent } from '../db/queries/audit';
import { analyzeCustomers, findCustomerById, insertCustomer, insertCustomers, listCustomers as listCustomerRows } from '../db/queries/customers';
import type { Customer } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { CustomerFields, CustomerInput, CustomerListQuery } from '../schemas/customer';
import type { ServiceContext } from './context';
import { isUniqueViolation } from './db-errors';
import { deriveMatchData, deriveMatchDataBatch } from './match-data';
import { adjustTermFrequencies } from '../db/queries/term-frequencies';
import { normalizeRecord } from '../matching/normalize/record';
import { termFrequencyKeys } from '../matching/term-frequency';

export async function createCustomer(ctx: ServiceContext, input: CustomerInput): Promise<Customer> {
  const matchData = await deriveMatchData(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const customer = await insertCustomer(tx, { ...input, ...matchData });
      await adjustTermFrequencies(tx, [termFrequencyKeys(normalizeRecord(input))], 1);
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: 'customer.created',
        entityType: 'customer',
        entityId: String(customer.id),
        after: { company_name: customer.companyName, source_system: customer.sourceSystem, source_id: customer.sourceId },
        requestId: ctx.requestId,
      });
      return customer;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `A customer with source_system "${input.sourceSystem}" and source_id "${input.sourceId}" already exists`);
    }
    throw error;
  }
}

export interface CustomerPage {
  customers: Customer[];
  nextCursor: number | null;
}

export async function listCustomers(ctx: ServiceContext, query: CustomerListQuery): Promise<CustomerPage> {
  const { rows, hasMore } = await listCustomerRows(ctx.db, query);
  return { customers: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}

export async function getCustomer(ctx: ServiceContext, id: number): Promise<Customer> {
  const customer = await findCustomerById(ctx.db, id);
  if (!customer) throw notFound('Customer', id);
  return customer;
}

/** Inserts many customers in batches (one embedder call and one insert per batch); returns the new ids in order. */
export async function createCustomersBulk(
  ctx: ServiceContext,
  inputs: CustomerFields[],
  options: { batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<number[]> {
  const batchSize = options.batchSize ?? 250;
  const ids: number[] = [];
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const matchData = await deriveMatchDataBatch(batch);
    const inserted = await ctx.db.transaction(async (tx) => {
      const rows = await insertCustomers(tx, batch.map((input, i) => ({ ...input, ...matchData[i] })));
      await adjustTermFrequencies(tx, batch.map((input) => termFrequencyKeys(normalizeRecord(input))), 1);
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: 'customers.imported',
        entityType: 'customer',
        entityId: `${rows[0]?.id ?? ''}..${rows[rows.length - 1]?.id ?? ''}`,
        after: { count: rows.length },
        requestId: ctx.requestId,
      });
      return rows;
    });
    ids.push(...inserted.map((row) => row.id));
    options.onProgress?.(ids.length);
  }
  if (ids.length > 0) await analyzeCustomers(ctx.db);
  return ids;
}
