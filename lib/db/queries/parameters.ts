// Stored model parameters: the newest active row wins.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { matchParameters } from '../schema';

export type StoredParameters = typeof matchParameters.$inferSelect;

export async function latestActiveParameters(db: Database): Promise<StoredParameters | undefined> {
  const [row] = await db.select().from(matchParameters).where(eq(matchParameters.active, true)).orderBy(desc(matchParameters.id)).limit(1);
  return row;
}

export async function saveParameters(db: Database, row: typeof matchParameters.$inferInsert): Promise<StoredParameters> {
  const [saved] = await db.insert(matchParameters).values(row).returning();
  return saved;
}
