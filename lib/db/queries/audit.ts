// The append-only audit log.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { auditEvents, type AuditEvent } from '../schema';

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
