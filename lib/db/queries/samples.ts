// Deterministic pseudo-random samples of records for parameter estimation (offline work: a sort over
// the table is acceptable here, unlike in the request path).
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { customers, incomingCustomers, type Customer, type IncomingCustomer } from '../schema';

export async function sampleCustomers(db: Database, size: number, salt: string): Promise<Customer[]> {
  return db.select().from(customers).orderBy(sql`md5(${customers.id}::text || ${salt})`).limit(size);
}

export async function sampleIncoming(db: Database, size: number, salt: string): Promise<IncomingCustomer[]> {
  return db.select().from(incomingCustomers).orderBy(sql`md5(${incomingCustomers.id}::text || ${salt})`).limit(size);
}

export async function tableCounts(db: Database): Promise<{ customers: number; incoming: number }> {
  const [c] = await db.select({ count: sql<number>`count(*)::int` }).from(customers);
  const [i] = await db.select({ count: sql<number>`count(*)::int` }).from(incomingCustomers);
  return { customers: Number(c.count), incoming: Number(i.count) };
}
