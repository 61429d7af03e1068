// Rows whose embeddings are missing or from another model, read in id order for re-embedding, and the
// update that stores new vectors. Used by `npm run reembed`; one table at a time.
import { and, asc, eq, gt, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { noteCustomerWrite } from '../read-routing';
import { customers, incomingCustomers } from '../schema';
import { storeIncomingMatchData, type IncomingMatchData } from './queue';

export type EmbeddedTable = 'customers' | 'incoming';

const TABLES = { customers, incoming: incomingCustomers } as const;

export interface ReembedSelection {
  /** The model rows should end up with. */
  model: string;
  /** Only rows without embeddings (provider down when stored), not rows of another model. */
  missingOnly: boolean;
  /** Every row, whatever its model (a refresh after an upgrade that changed normalisation). */
  everything?: boolean;
}

function needsWork(table: EmbeddedTable, selection: ReembedSelection): SQL {
  const t = TABLES[table];
  if (selection.everything) return sql`true`;
  const missing = [isNull(t.companyNameEmbedding), isNull(t.fullProfileEmbedding), isNull(t.embeddingModel)];
  if (table === 'incoming') missing.push(eq(incomingCustomers.needsEmbedding, true));
  if (selection.missingOnly) return or(...missing)!;
  return or(...missing, ne(t.embeddingModel, selection.model))!;
}

export async function countRowsToReembed(db: Database, table: EmbeddedTable, selection: ReembedSelection): Promise<number> {
  const t = TABLES[table];
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(t).where(needsWork(table, selection));
  return Number(row?.count ?? 0);
}

/** The business fields of a row (what embedding texts are made of), its id, and what re-matching needs to know. */
export interface RowToReembed {
  id: number;
  companyName: string | null; contactName: string | null; email: string | null; phone: string | null;
  addressLine1: string | null; addressLine2: string | null; city: string | null; state: string | null;
  postalCode: string | null; country: string | null; industry: string | null; revenue: number | null;
  employeeCount: number | null; website: string | null; description: string | null; dateOfBirth: string | null;
  identifiers: Array<{ type: string; value: string; country?: string | null }> | null;
  /** Incoming only: stored while the provider was down (its matches, if any, are partial). */
  needsEmbedding: boolean;
  processingStatus: string | null;
}

/** The next `limit` rows after `afterId` that still need work, in id order (a keyset page: resumable). */
export async function nextRowsToReembed(db: Database, table: EmbeddedTable, selection: ReembedSelection, afterId: number, limit: number): Promise<RowToReembed[]> {
  const t = TABLES[table];
  const incomingOnly = table === 'incoming'
    ? { needsEmbedding: incomingCustomers.needsEmbedding, processingStatus: incomingCustomers.processingStatus }
    : { needsEmbedding: sql<boolean>`false`, processingStatus: sql<string | null>`null` };
  return db
    .select({
      id: t.id, companyName: t.companyName, contactName: t.contactName, email: t.email, phone: t.phone,
      addressLine1: t.addressLine1, addressLine2: t.addressLine2, city: t.city, state: t.state, postalCode: t.postalCode,
      country: t.country, industry: t.industry, revenue: t.revenue, employeeCount: t.employeeCount, website: t.website,
      description: t.description, dateOfBirth: t.dateOfBirth, identifiers: t.identifiers,
      ...incomingOnly,
    })
    .from(t)
    .where(and(gt(t.id, afterId), needsWork(table, selection)))
    .orderBy(asc(t.id))
    .limit(limit);
}

export interface NewEmbeddings {
  id: number;
  companyNameEmbedding: number[];
  fullProfileEmbedding: number[];
  /** Incoming only: keep the flag until a follow-up step (re-matching) is done, so a crash repeats that step. */
  keepNeedsEmbedding?: boolean;
}

/** Stores a batch of vectors in one transaction (a crash loses at most the batch in hand). */
export async function storeEmbeddings(db: Database, table: EmbeddedTable, model: string, rows: NewEmbeddings[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const row of rows) {
      const values = { companyNameEmbedding: row.companyNameEmbedding, fullProfileEmbedding: row.fullProfileEmbedding, embeddingModel: model };
      if (table === 'incoming') await tx.update(incomingCustomers).set({ ...values, needsEmbedding: row.keepNeedsEmbedding ?? false }).where(eq(incomingCustomers.id, row.id));
      else await tx.update(customers).set(values).where(eq(customers.id, row.id));
    }
  });
  if (table === 'customers') noteCustomerWrite();
}

/** Match keys and embeddings derived anew from a row (same columns in both tables), one transaction per batch. */
export type DerivedColumns = IncomingMatchData;

export async function storeDerivedColumns(db: Database, table: EmbeddedTable, rows: Array<{ id: number; values: DerivedColumns; keepNeedsEmbedding?: boolean }>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { id, values, keepNeedsEmbedding } of rows) {
      if (table === 'incoming') await storeIncomingMatchData(tx, id, values, keepNeedsEmbedding ?? false);
      else await tx.update(customers).set(values).where(eq(customers.id, id));
    }
  });
  if (table === 'customers') noteCustomerWrite();
}

export async function clearNeedsEmbedding(db: Database, id: number): Promise<void> {
  await db.update(incomingCustomers).set({ needsEmbedding: false }).where(eq(incomingCustomers.id, id));
}
