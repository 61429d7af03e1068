// The embedding cache table: vectors by (sha256 of the text, model). Lookups and writes are batched.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { embeddingCache } from '../schema';

/** Hashes per lookup query: keeps the IN list and the reply (1536 floats per row) moderate. */
const LOOKUP_CHUNK = 500;
/** Rows per upsert statement: each row carries a 1536-float literal (~20 KB of SQL). */
const WRITE_CHUNK = 100;

export async function findCachedEmbeddings(db: Database, model: string, contentHashes: readonly string[]): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  for (let start = 0; start < contentHashes.length; start += LOOKUP_CHUNK) {
    const chunk = contentHashes.slice(start, start + LOOKUP_CHUNK);
    const rows = await db
      .select({ contentHash: embeddingCache.contentHash, embedding: embeddingCache.embedding })
      .from(embeddingCache)
      .where(and(eq(embeddingCache.model, model), inArray(embeddingCache.contentHash, chunk)));
    for (const row of rows) found.set(row.contentHash, row.embedding);
  }
  return found;
}

/** Insert or refresh: a concurrent writer of the same text and model leaves one row with a valid vector. */
export async function upsertCachedEmbeddings(db: Database, model: string, entries: ReadonlyArray<{ contentHash: string; embedding: number[] }>): Promise<void> {
  for (let start = 0; start < entries.length; start += WRITE_CHUNK) {
    await db
      .insert(embeddingCache)
      .values(entries.slice(start, start + WRITE_CHUNK).map((entry) => ({ contentHash: entry.contentHash, model, embedding: entry.embedding })))
      .onConflictDoUpdate({ target: [embeddingCache.contentHash, embeddingCache.model], set: { embedding: sql`excluded.embedding` } });
  }
}

export async function countCachedEmbeddings(db: Database, model: string): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(embeddingCache).where(eq(embeddingCache.model, model));
  return Number(row?.count ?? 0);
}
