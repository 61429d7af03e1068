// Queries on incoming customers: insert, read, and status transitions.
import { eq } from 'drizzle-orm';
import type { Database } from '../client';
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

export async function setIncomingStatus(
  db: Database,
  id: number,
  status: ProcessingStatus,
  extra: { processedAt?: Date | null; errorMessage?: string | null } = {},
): Promise<void> {
  await db.update(incomingCustomers).set({ processingStatus: status, ...extra }).where(eq(incomingCustomers.id, id));
}
