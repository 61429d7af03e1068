// Queries on incoming customers: insert, read, and status transitions.
import { and, asc, count, desc, eq, gt, ilike, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { escapeLike } from '../rows';
import type { Resolution } from '../../domain/resolution-record';
import type { IncomingState } from '../../domain/resolution';
import { incomingCustomers, type IncomingCustomer } from '../schema';

export type NewIncomingCustomer = typeof incomingCustomers.$inferInsert;

export async function insertIncoming(db: Database, values: NewIncomingCustomer): Promise<IncomingCustomer> {
  const [row] = await db.insert(incomingCustomers).values(values).returning();
  return row;
}

export async function insertIncomingMany(db: Database, values: NewIncomingCustomer[]): Promise<Array<{ id: number }>> {
  if (values.length === 0) return [];
  return db.insert(incomingCustomers).values(values).returning({ id: incomingCustomers.id });
}

export async function findIncomingById(db: Database, id: number): Promise<IncomingCustomer | undefined> {
  const [row] = await db.select().from(incomingCustomers).where(eq(incomingCustomers.id, id)).limit(1);
  return row;
}

export interface IncomingFilter {
  limit: number;
  cursor?: number;
  status?: IncomingState;
  q?: string;
}

export async function listIncoming(db: Database, filter: IncomingFilter): Promise<{ rows: IncomingCustomer[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (filter.cursor !== undefined) conditions.push(gt(incomingCustomers.id, filter.cursor));
  if (filter.status) conditions.push(eq(incomingCustomers.processingStatus, filter.status));
  if (filter.q) conditions.push(ilike(incomingCustomers.companyName, `%${escapeLike(filter.q)}%`));
  const rows = await db
    .select()
    .from(incomingCustomers)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(incomingCustomers.id))
    .limit(filter.limit + 1);
  return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}

export async function findIncomingBySource(db: Database, sourceSystem: string, sourceId: string): Promise<IncomingCustomer | undefined> {
  const [row] = await db
    .select()
    .from(incomingCustomers)
    .where(and(eq(incomingCustomers.sourceSystem, sourceSystem), eq(incomingCustomers.sourceId, sourceId)))
    .limit(1);
  return row;
}

/** The row, locked until the transaction ends: decisions on one record run one after the other. */
export async function lockIncoming(db: Database, id: number): Promise<IncomingCustomer | undefined> {
  const [row] = await db.select().from(incomingCustomers).where(eq(incomingCustomers.id, id)).for('update').limit(1);
  return row;
}

/** A state change bumps the version, so a steward's view of the record goes stale with it. */
export async function setIncomingStatus(
  db: Database,
  id: number,
  status: IncomingState,
  extra: { processedAt?: Date | null; errorMessage?: string | null } = {},
): Promise<void> {
  await db
    .update(incomingCustomers)
    .set({ processingStatus: status, ...extra, version: sql`${incomingCustomers.version} + 1` })
    .where(eq(incomingCustomers.id, id));
}

/** Writes a transition of a locked record at the version read (optimistic locking); undefined when it moved. */
export async function writeResolution(
  db: Database,
  id: number,
  expectedVersion: number,
  values: { status: IncomingState; resolution: Resolution | null; resolvedCustomerId: number | null },
): Promise<IncomingCustomer | undefined> {
  const [row] = await db
    .update(incomingCustomers)
    .set({
      processingStatus: values.status,
      resolution: values.resolution,
      resolvedCustomerId: values.resolvedCustomerId,
      resolvedAt: values.resolution ? sql`now()` : null,
      version: sql`${incomingCustomers.version} + 1`,
    })
    .where(and(eq(incomingCustomers.id, id), eq(incomingCustomers.version, expectedVersion)))
    .returning();
  return row;
}

/** Other records resolved onto this customer (linked to it, or merged into it). */
export async function recordsResolvedTo(db: Database, customerId: number, exceptIncomingId: number): Promise<number[]> {
  const rows = await db
    .select({ id: incomingCustomers.id })
    .from(incomingCustomers)
    .where(and(eq(incomingCustomers.resolvedCustomerId, customerId), ne(incomingCustomers.id, exceptIncomingId), inArray(incomingCustomers.processingStatus, ['linked', 'created'])))
    .orderBy(asc(incomingCustomers.id));
  return rows.map((row) => row.id);
}

/** A source record resolved onto a customer: accepted, merged or created it (incoming_resolved_customer_idx). */
export type LinkedRecordRow = Pick<
  IncomingCustomer,
  'id' | 'sourceSystem' | 'sourceId' | 'companyName' | 'contactName' | 'city' | 'country' | 'processingStatus' | 'resolution' | 'resolvedAt'
>;

const LINKED_STATES: IncomingState[] = ['linked', 'created'];

/** The records resolved onto one customer, most recently decided first, bounded; with how many there are in all. */
export async function listLinkedRecords(db: Database, customerId: number, limit: number): Promise<{ rows: LinkedRecordRow[]; total: number }> {
  const where = and(eq(incomingCustomers.resolvedCustomerId, customerId), inArray(incomingCustomers.processingStatus, LINKED_STATES));
  const rows = await db
    .select({
      id: incomingCustomers.id,
      sourceSystem: incomingCustomers.sourceSystem,
      sourceId: incomingCustomers.sourceId,
      companyName: incomingCustomers.companyName,
      contactName: incomingCustomers.contactName,
      city: incomingCustomers.city,
      country: incomingCustomers.country,
      processingStatus: incomingCustomers.processingStatus,
      resolution: incomingCustomers.resolution,
      resolvedAt: incomingCustomers.resolvedAt,
    })
    .from(incomingCustomers)
    .where(where)
    .orderBy(sql`${incomingCustomers.resolvedAt} desc nulls last`, desc(incomingCustomers.id))
    .limit(limit);
  const total = rows.length < limit ? rows.length : Number((await db.select({ n: count() }).from(incomingCustomers).where(where))[0]?.n ?? 0);
  return { rows, total };
}

/** What a hard conflict is judged on: names, date of birth and documents. */
export type IdentityFields = Pick<IncomingCustomer, 'id' | 'companyName' | 'contactName' | 'dateOfBirth' | 'identifiers'>;

/**
 * Records resolved onto a customer that could hard-conflict with another: those with a date of birth or a
 * document, and person records (no company name). Most recently resolved first, bounded.
 */
export async function linkedIdentities(db: Database, customerId: number, limit: number): Promise<IdentityFields[]> {
  return db
    .select({
      id: incomingCustomers.id,
      companyName: incomingCustomers.companyName,
      contactName: incomingCustomers.contactName,
      dateOfBirth: incomingCustomers.dateOfBirth,
      identifiers: incomingCustomers.identifiers,
    })
    .from(incomingCustomers)
    .where(
      and(
        eq(incomingCustomers.resolvedCustomerId, customerId),
        inArray(incomingCustomers.processingStatus, LINKED_STATES),
        sql`(${incomingCustomers.dateOfBirth} is not null or ${incomingCustomers.identifiers} is not null or ${incomingCustomers.companyName} is null)`,
      ),
    )
    .orderBy(sql`${incomingCustomers.resolvedAt} desc nulls last`, desc(incomingCustomers.id))
    .limit(limit);
}
