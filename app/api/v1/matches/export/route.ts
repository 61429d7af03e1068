import { route } from '@/lib/http/handler';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { AppError } from '@/lib/errors';
import { exportResponse } from '@/lib/http/export-response';
import { exportQuerySchema } from '@/lib/schemas/export';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/**
 * Matches, steward decisions or customers as a CSV / JSON / JSON Lines download. Scope 'read' for all
 * three: each holds no more than GET /matches/{id} and GET /customers already show a reader (decisions are
 * the review fields of a match, not the audit log's before/after snapshots, which stay admin-only).
 */
export const GET = route({ scope: 'read' }, async (request, { service, requestId }) => {
  let query;
  try {
    query = parseOrThrow(exportQuerySchema, searchParamsObject(new URL(request.url)), 'export query');
  } catch (error) {
    // An unknown kind, format or band is a malformed request for a download link, not a body to correct.
    if (error instanceof AppError && error.code === 'validation_failed') throw new AppError('bad_request', error.message, error.details);
    throw error;
  }
  return exportResponse(await service(), query, requestId);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET');
