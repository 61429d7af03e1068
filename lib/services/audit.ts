// Reading the audit log.
import { listAuditEvents, type AuditFilter } from '../db/queries/audit';
import type { AuditEvent } from '../db/schema';
import type { ServiceContext } from './context';

// Pages and components name the stored rows through this service, never through the database module.
export type { AuditEvent };

export async function listAudit(ctx: ServiceContext, filter: AuditFilter): Promise<{ events: AuditEvent[]; nextCursor: number | null }> {
  const { rows, hasMore } = await listAuditEvents(ctx.db, filter);
  return { events: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}
