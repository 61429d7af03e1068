// The append-only audit log.
import { desc } from 'drizzle-orm';
import type { Database } from '../client';
import { auditEvents, type AuditEvent } from '../schema';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function appendAuditEvent(db: Database, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

export async function recentAuditEvents(db: Database, limit: number): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(limit);
}
