// Audit events in the API's response shape.
import type { AuditEvent } from '../../db/schema';

export function toAuditResponse(event: AuditEvent) {
  return {
    audit_id: event.id,
    actor: event.actor,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    before: event.before,
    after: event.after,
    request_id: event.requestId,
    at: event.at.toISOString(),
  };
}
