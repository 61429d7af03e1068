// API keys: stored as a public prefix and a SHA-256 hash of the whole key; the key itself is never stored.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { apiKeys } from '../schema';

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function insertApiKey(db: Database, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row;
}

export async function findActiveApiKeyByPrefix(db: Database, prefix: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt))).limit(1);
  return row;
}

export async function listApiKeys(db: Database): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).orderBy(asc(apiKeys.id));
}

/** The revoked key's id, or undefined when no active key has this prefix. */
export async function revokeApiKey(db: Database, prefix: string): Promise<{ id: number } | undefined> {
  const [row] = await db.update(apiKeys).set({ revokedAt: sql`now()` }).where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id });
  return row;
}

export async function touchApiKey(db: Database, id: number): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, id));
}
