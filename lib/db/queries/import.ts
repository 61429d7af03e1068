// Queries of the file import: find stored rows by their source key, and upsert many rows in one
// statement keyed on (source_system, source_id) for customers and incoming customers alike.
import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { noteCustomerWrite } from '../read-routing';
import { copyCapableClient, copyUpsert } from './import-copy';
import { customers, incomingCustomers, type NewCustomer } from '../schema';
import type { NewIncomingCustomer } from './incoming';
import type { ImportTarget } from '../../import/types';

const tableOf = (target: ImportTarget) => (target === 'customers' ? customers : incomingCustomers);

/** The business fields an import compares to decide unchanged or updated (what a file can set). */
function storedFieldColumns(target: ImportTarget) {
  const t = tableOf(target);
  return {
    companyName: t.companyName, contactName: t.contactName, email: t.email, phone: t.phone, addressLine1: t.addressLine1,
    addressLine2: t.addressLine2, city: t.city, state: t.state, postalCode: t.postalCode, country: t.country, industry: t.industry,
    revenue: t.revenue, employeeCount: t.employeeCount, website: t.website, description: t.description, dateOfBirth: t.dateOfBirth,
    identifiers: t.identifiers,
  };
}

export interface StoredBySource {
  id: number;
  sourceId: string;
  /** Incoming rows: their state (a resolved record is not overwritten by an import); null for customers. */
  status: string | null;
  fields: { [K in keyof ReturnType<typeof storedFieldColumns>]: ReturnType<typeof storedFieldColumns>[K]['_']['data'] | null };
}

/** Stored rows of one source system with the given source ids (index lookup on the unique key). */
export async function findBySourceIds(db: Database, target: ImportTarget, sourceSystem: string, sourceIds: string[]): Promise<StoredBySource[]> {
  if (sourceIds.length === 0) return [];
  const t = tableOf(target);
  const status = target === 'incoming' ? incomingCustomers.processingStatus : sql<string | null>`null`;
  const rows = await db
    .select({ id: t.id, sourceId: t.sourceId, status, ...storedFieldColumns(target) })
    .from(t)
    .where(and(eq(t.sourceSystem, sourceSystem), inArray(t.sourceId, sourceIds)));
  return rows.map(({ id, sourceId, status: state, ...fields }) => ({ id, sourceId: sourceId!, status: state, fields }));
}

/** `excluded.<column>` for every column the rows set, so a conflicting row takes the new values. */
function takeExcluded(table: typeof customers | typeof incomingCustomers, keys: string[], extra: Record<string, SQL>): Record<string, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const set: Record<string, SQL> = {};
  for (const key of keys) if (key !== 'sourceSystem' && key !== 'sourceId' && columns[key]) set[key] = sql.raw(`excluded."${columns[key].name}"`);
  return { ...set, ...extra };
}

/** Inserts new customers and overwrites changed ones in one statement (after a COPY on PostgreSQL); ids in input order. */
export async function upsertCustomersBySource(db: Database, values: NewCustomer[]): Promise<Array<{ id: number }>> {
  if (values.length === 0) return [];
  const client = copyCapableClient(db);
  const rows = client
    ? await copyUpsert(client, { table: customers, conflictColumns: ['source_system', 'source_id'], extraSet: { updated_at: 'now()' } }, values)
    : await db
        .insert(customers)
        .values(values)
        .onConflictDoUpdate({ target: [customers.sourceSystem, customers.sourceId], set: takeExcluded(customers, Object.keys(values[0]), { updatedAt: sql`now()` }) })
        .returning({ id: customers.id });
  noteCustomerWrite();
  return rows;
}

/** Same for incoming records; a changed one goes back to pending so it is matched again. */
export async function upsertIncomingBySource(db: Database, values: NewIncomingCustomer[]): Promise<Array<{ id: number }>> {
  if (values.length === 0) return [];
  const client = copyCapableClient(db);
  if (client) {
    const rematch = { processing_status: `'pending'`, processed_at: 'null', error_message: 'null', received_at: 'now()' };
    return copyUpsert(client, { table: incomingCustomers, conflictColumns: ['source_system', 'source_id'], extraSet: rematch }, values);
  }
  const rematch = { processingStatus: sql`'pending'`, processedAt: sql`null`, errorMessage: sql`null`, receivedAt: sql`now()` };
  return db
    .insert(incomingCustomers)
    .values(values)
    .onConflictDoUpdate({ target: [incomingCustomers.sourceSystem, incomingCustomers.sourceId], set: takeExcluded(incomingCustomers, Object.keys(values[0]), rematch) })
    .returning({ id: incomingCustomers.id });
}
