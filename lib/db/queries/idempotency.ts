// Stored first responses per (principal, Idempotency-Key).
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { idempotencyKeys } from '../schema';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** Claims the key; returns false when it is already claimed (by an earlier or a concurrent request). */
export async function claimIdempotencyKey(db: Database, row: Omit<typeof idempotencyKeys.$inferInsert, 'statusCode' | 'responseBody'>): Promise<boolean> {
  const inserted = await db.insert(idempotencyKeys).values(row).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  return inserted.length > 0;
}

export async function findIdempotencyKey(db: Database, principal: string, key: string): Promise<IdempotencyRow | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key))).limit(1);
  return row;
}

export async function completeIdempotencyKey(db: Database, principal: string, key: string, statusCode: number, responseBody: unknown): Promise<void> {
  await db.update(idempotencyKeys).set({ statusCode, responseBody }).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
}

export async function releaseIdempotencyKey(db: Database, principal: string, key: string): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
}

/** Erasure: stored responses that carry this customer are removed with it. */
export async function deleteIdempotencyResponsesForCustomer(db: Database, customerId: number): Promise<void> {
  await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.responseBody}->>'customer_id' = ${String(customerId)}`);
}

/** Deletes up to `limit` stored responses created before `cutoff`; returns how many went. */
export async function deleteExpiredIdempotencyKeys(db: Database, cutoff: Date, limit: number): Promise<number> {
  const expired = db.select({ principal: idempotencyKeys.principal, key: idempotencyKeys.key }).from(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).limit(limit);
  const rows = await db
    .delete(idempotencyKeys)
    .where(sql`(${idempotencyKeys.principal}, ${idempotencyKeys.key}) in (${expired})`)
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
