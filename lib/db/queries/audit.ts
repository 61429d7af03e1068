// The append-only audit log.
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { auditEvents, customers, incomingCustomers, matchingResults, type AuditEvent } from '../schema';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function appendAuditEvent(db: Database, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/** Erasure: the entity's earlier events keep only its id, not the data. */
export async function scrubAuditForEntity(db: Database, entityType: string, entityId: string): Promise<void> {
  await db.update(auditEvents).set({ before: null, after: null }).where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)));
}

export interface AuditFilter {
  limit: number;
  cursor?: number;
  entityType?: string;
  entityId?: string;
  action?: string;
  actor?: string;
}

/** Newest first, keyset-paginated by id. */
export async function listAuditEvents(db: Database, filter: AuditFilter): Promise<{ rows: AuditEvent[]; hasMore: boolean }> {
  const conditions: SQL[] = [];
  if (filter.cursor !== undefined) conditions.push(lt(auditEvents.id, filter.cursor));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actor) conditions.push(eq(auditEvents.actor, filter.actor));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
  return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
}

export async function recentAuditEvents(db: Database, limit: number): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit);
}

/** Events the filter pick lists are read from: the recent ones, so a long log is never scanned whole for them. */
const PICK_LIST_WINDOW = 5000;

/** The actions, entity types and actors of recent events, each sorted: the audit page's pick lists. */
export async function recentAuditValues(db: Database): Promise<{ actions: string[]; entityTypes: string[]; actors: string[] }> {
  const recent = db.select({ action: auditEvents.action, entityType: auditEvents.entityType, actor: auditEvents.actor }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(PICK_LIST_WINDOW);
  const rows = await recent;
  const sorted = (values: string[]) => [...new Set(values)].sort();
  return { actions: sorted(rows.map((row) => row.action)), entityTypes: sorted(rows.map((row) => row.entityType)), actors: sorted(rows.map((row) => row.actor)) };
}

/** Names of the customers, incoming records and matches (incoming → customer) that events on one page refer to. */
export async function auditEntityNames(db: Database, ids: { customer: number[]; incoming: number[]; match: number[] }): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.customer.length) {
    const rows = await db.select({ id: customers.id, company: customers.companyName, contact: customers.contactName }).from(customers).where(inArray(customers.id, ids.customer));
    for (const row of rows) names.set(`customer:${row.id}`, row.company ?? row.contact ?? '');
  }
  if (ids.incoming.length) {
    const rows = await db.select({ id: incomingCustomers.id, company: incomingCustomers.companyName, contact: incomingCustomers.contactName }).from(incomingCustomers).where(inArray(incomingCustomers.id, ids.incoming));
    for (const row of rows) names.set(`incoming_customer:${row.id}`, row.company ?? row.contact ?? '');
  }
  if (ids.match.length) {
    const rows = await db
      .select({ id: matchingResults.id, incoming: incomingCustomers.companyName, customer: customers.companyName })
      .from(matchingResults)
      .innerJoin(incomingCustomers, eq(incomingCustomers.id, matchingResults.incomingId))
      .innerJoin(customers, eq(customers.id, matchingResults.customerId))
      .where(inArray(matchingResults.id, ids.match));
    for (const row of rows) names.set(`matching_result:${row.id}`, `${row.incoming ?? '?'} → ${row.customer ?? '?'}`);
  }
  return names;
}
