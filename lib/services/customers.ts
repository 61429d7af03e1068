// Customer use cases: create (with match keys and embeddings computed once at write time) and list.
import { appendAuditEvent, scrubAuditForEntity } from '../db/queries/audit';
import { deleteIdempotencyResponsesForCustomer } from '../db/queries/idempotency';
import { analyzeCustomers, deleteCustomerRow, findCustomerById, insertCustomer, insertCustomers, updateCustomerRow, listCustomers as listCustomerRows } from '../db/queries/customers';
import type { Customer } from '../db/schema';
import { getEmbedder } from '../embeddings';
import { AppError, notFound } from '../errors';
import type { CustomerFields, CustomerInput, CustomerListQuery, CustomerPatch } from '../schemas/customer';
import type { ServiceContext } from './context';
import { isUniqueViolation } from './db-errors';
import { writeInBatches, type BulkOptions } from './bulk';
import { deriveMatchDataOrKeys, embeddingCacheFor } from './match-data';
import { logger } from '../logger';
import type { CustomerRecord } from '../matching/types';
import { adjustTermFrequencies } from '../db/queries/term-frequencies';
import { normalizeRecord } from '../matching/normalize/record';
import { termFrequencyKeys } from '../matching/term-frequency';
import { incomingIdsWithCandidate } from '../db/queries/matches';
import { refreshOpenStates } from './open-state';

// Pages and components name the stored rows through this service, never through the database module.
export type { Customer };

/** A provider outage stores the customer with its keys and no embeddings (embedding_model null) for reembed to fill. */
async function matchDataOf(ctx: ServiceContext, record: CustomerRecord, customerId?: number) {
  const { matchData, embeddingFailure } = await deriveMatchDataOrKeys(record, getEmbedder(), embeddingCacheFor(ctx.db));
  if (embeddingFailure) logger().warn({ customerId, reason: embeddingFailure }, 'embedding provider unavailable; customer stored without embeddings (npm run reembed -- --pending-only fills them)');
  return matchData;
}

export async function createCustomer(ctx: ServiceContext, input: CustomerInput): Promise<Customer> {
  const matchData = await matchDataOf(ctx, input);
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
export async function createCustomersBulk(ctx: ServiceContext, inputs: CustomerFields[], options: BulkOptions = {}): Promise<number[]> {
  const ids = await writeInBatches(
    ctx,
    inputs,
    {
      action: 'customers.imported',
      entityType: 'customer',
      async insert(tx, batch, matchData) {
        const rows = await insertCustomers(tx, batch.map((input, i) => ({ ...input, ...matchData[i] })));
        await adjustTermFrequencies(tx, batch.map((input) => termFrequencyKeys(normalizeRecord(input))), 1);
        return rows;
      },
    },
    options,
  );
  if (ids.length > 0) await analyzeCustomers(ctx.db);
  return ids;
}

/** addressLine1 → address_line1: audit snapshots use the API's field names. */
export function snakeCase(key: string): string {
  return key.replace(/([a-z])([A-Z0-9])/g, '$1_$2').toLowerCase();
}

/** Business fields of a stored customer, as the engine reads them. */
function recordOf(customer: Customer): CustomerFields {
  return {
    companyName: customer.companyName, contactName: customer.contactName, email: customer.email, phone: customer.phone,
    addressLine1: customer.addressLine1, addressLine2: customer.addressLine2, city: customer.city, state: customer.state,
    postalCode: customer.postalCode, country: customer.country, industry: customer.industry, revenue: customer.revenue,
    employeeCount: customer.employeeCount, website: customer.website, description: customer.description,
    dateOfBirth: customer.dateOfBirth,
    identifiers: customer.identifiers?.map((identifier) => ({ ...identifier, country: identifier.country ?? null })) ?? null,
    sourceSystem: customer.sourceSystem, sourceId: customer.sourceId,
  };
}

/** Changes the fields sent; keys, embeddings and term frequencies follow the new values. */
export async function updateCustomer(ctx: ServiceContext, id: number, patch: CustomerPatch, action = 'customer.updated', provenance?: unknown): Promise<Customer> {
  return ctx.db.transaction(async (tx) => {
    const before = await findCustomerById(tx, id);
    if (!before) throw notFound('Customer', id);
    const merged = { ...recordOf(before), ...patch };
    const matchData = await matchDataOf({ ...ctx, db: tx }, merged, id);
    const after = await updateCustomerRow(tx, id, { ...patch, ...matchData });
    await adjustTermFrequencies(tx, [termFrequencyKeys(normalizeRecord(recordOf(before)))], -1);
    await adjustTermFrequencies(tx, [termFrequencyKeys(normalizeRecord(merged))], 1);
    const changed = Object.keys(patch) as Array<keyof Customer>;
    const snapshot = (row: Customer) => Object.fromEntries(changed.map((key) => [snakeCase(key), row[key] ?? null]));
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action,
      entityType: 'customer',
      entityId: String(id),
      before: snapshot(before),
      after: { ...snapshot(after!), ...(provenance ? { provenance } : {}) },
      requestId: ctx.requestId,
    });
    return after!;
  });
}

/**
 * Erasure: the customer, its embeddings and its match results are deleted, and the audit log keeps
 * only its id (earlier events about it lose their data).
 */
export async function deleteCustomer(ctx: ServiceContext, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await removeCustomerRow({ ...ctx, db: tx }, id, 'erased');
    await scrubAuditForEntity(tx, 'customer', String(id));
    await deleteIdempotencyResponsesForCustomer(tx, id);
    await appendAuditEvent(tx, { actor: ctx.actor, action: 'customer.erased', entityType: 'customer', entityId: String(id), requestId: ctx.requestId });
  });
}

/** Undo of "create as new customer": the customer made from that record goes, with an audited snapshot. Runs in the caller's transaction. */
export async function deleteCreatedCustomer(ctx: ServiceContext, id: number, provenance: { from_incoming_id: number }): Promise<void> {
  const customer = await removeCustomerRow(ctx, id, 'deleted');
  await appendAuditEvent(ctx.db, {
    actor: ctx.actor,
    action: 'customer.deleted',
    entityType: 'customer',
    entityId: String(id),
    before: { company_name: customer.companyName, source_system: customer.sourceSystem, source_id: customer.sourceId },
    after: { provenance: { ...provenance, reason: 'the decision that created it was changed' } },
    requestId: ctx.requestId,
  });
}

/** Deletes the row (its match rows go with it) and re-derives the state of the records that had it as a candidate. */
async function removeCustomerRow(ctx: ServiceContext, id: number, reason: 'erased' | 'deleted'): Promise<Customer> {
  const customer = await findCustomerById(ctx.db, id);
  if (!customer) throw notFound('Customer', id);
  const affected = await incomingIdsWithCandidate(ctx.db, id);
  await adjustTermFrequencies(ctx.db, [termFrequencyKeys(normalizeRecord(recordOf(customer)))], -1);
  await deleteCustomerRow(ctx.db, id);
  await refreshOpenStates(ctx, affected, `candidate customer #${id} was ${reason}`);
  return customer;
}
