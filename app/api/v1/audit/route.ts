import { json, route } from '@/lib/http/handler';
import { paginationHeaders } from '@/lib/http/pagination';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { auditListQuerySchema } from '@/lib/schemas/audit';
import { toAuditResponse } from '@/lib/http/responses/audit';
import { listAudit } from '@/lib/services/audit';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** The audit log, newest first (admin scope). */
export const GET = route({ scope: 'admin' }, async (request, { service }) => {
  const query = parseOrThrow(auditListQuerySchema, searchParamsObject(new URL(request.url)), 'query');
  const page = await listAudit(await service(), { limit: query.limit, cursor: query.cursor, entityType: query.entity_type, entityId: query.entity_id, action: query.action, actor: query.actor });
  return json(page.events.map(toAuditResponse), { headers: paginationHeaders(request.url, page.nextCursor) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET');
