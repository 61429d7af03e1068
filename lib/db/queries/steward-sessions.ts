// Steward sign-in sessions, found by the hash of the id the browser holds; the id itself is never stored.
import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { apiKeys, stewardSessions } from '../schema';
import type { ApiKeyRow } from './api-keys';

export type StewardSessionRow = typeof stewardSessions.$inferSelect;

export async function insertStewardSession(db: Database, values: typeof stewardSessions.$inferInsert): Promise<StewardSessionRow> {
  const [row] = await db.insert(stewardSessions).values(values).returning();
  return row;
}

/** The session and the key it was signed in with (revoked or expired keys included: the caller decides). */
export async function findStewardSession(db: Database, idHash: string): Promise<{ session: StewardSessionRow; key: ApiKeyRow } | undefined> {
  const [row] = await db.select({ session: stewardSessions, key: apiKeys }).from(stewardSessions).innerJoin(apiKeys, eq(apiKeys.id, stewardSessions.apiKeyId)).where(eq(stewardSessions.idHash, idHash)).limit(1);
  return row;
}

export async function touchStewardSession(db: Database, idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(stewardSessions).set({ lastSeenAt, expiresAt }).where(eq(stewardSessions.idHash, idHash));
}

export async function deleteStewardSession(db: Database, idHash: string): Promise<boolean> {
  const rows = await db.delete(stewardSessions).where(eq(stewardSessions.idHash, idHash)).returning({ idHash: stewardSessions.idHash });
  return rows.length > 0;
}

export async function deleteStewardSessionsForApiKey(db: Database, apiKeyId: number): Promise<number> {
  const rows = await db.delete(stewardSessions).where(eq(stewardSessions.apiKeyId, apiKeyId)).returning({ idHash: stewardSessions.idHash });
  return rows.length;
}

/** Deletes up to `limit` sessions that ended before `now`; returns how many went. */
export async function deleteExpiredStewardSessions(db: Database, now: Date, limit: number): Promise<number> {
  const expired = db.select({ idHash: stewardSessions.idHash }).from(stewardSessions).where(lt(stewardSessions.expiresAt, now)).limit(limit);
  const rows = await db.delete(stewardSessions).where(sql`${stewardSessions.idHash} in (${expired})`).returning({ idHash: stewardSessions.idHash });
  return rows.length;
}
