// Reading the audit log.
import { auditEntityNames, listAuditEvents, recentAuditValues, type AuditFilter } from '../db/queries/audit';
import type { AuditEvent } from '../db/schema';
import type { ServiceContext } from './context';

// Pages and components name the stored rows through this service, never through the database module.
export type { AuditEvent };

export async function listAudit(ctx: ServiceContext, filter: AuditFilter): Promise<{ events: AuditEvent[]; nextCursor: number | null }> {
  const { rows, hasMore } = await listAuditEvents(ctx.db, filter);
  return { events: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}

/** What the audit page's filters offer: the actions, entity types and actors seen recently. */
export async function auditFilterOptions(ctx: ServiceContext): Promise<{ actions: string[]; entityTypes: string[]; actors: string[] }> {
  return recentAuditValues(ctx.db);
}

/** "customer:12" → "Acme Corporation" for the entities these events name (names that were erased are absent). */
export async function auditNames(ctx: ServiceContext, events: readonly AuditEvent[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((event) => event.entityType === type && /^\d{1,15}$/.test(event.entityId)).map((event) => Number(event.entityId)))];
  return auditEntityNames(ctx.db, { customer: ids('customer'), incoming: ids('incoming_customer'), match: ids('matching_result') });
}
