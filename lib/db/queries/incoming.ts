// Queries on incoming customers: insert, read, and status transitions.
import { and, asc, eq, gt, ilike, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { escapeLike } from '../rows';
import { incomingCustomers, type IncomingCustomer, type ProcessingStatus } from '../schema';

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
  status?: ProcessingStatus;
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

export async function setIncomingStatus(
  db: Database,
  id: number,
  status: ProcessingStatus,
  extra: { processedAt?: Date | null; errorMessage?: string | null } = {},
): Promise<void> {
  await db.update(incomingCustomers).set({ processingStatus: status, ...extra }).where(eq(incomingCustomers.id, id));
}
