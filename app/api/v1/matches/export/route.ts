import { route } from '@/lib/http/handler';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { AppError } from '@/lib/errors';
import { requireScope } from '@/lib/http/auth';
import { exportResponse, exportScope } from '@/lib/http/export-response';
import { exportQuerySchema } from '@/lib/schemas/export';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/**
 * Matches, steward decisions or customers as a CSV / JSON / JSON Lines download. Matches and customers need
 * 'read' (no more than GET /matches/{id} and GET /customers show); decisions carry audit data and need 'admin'.
 */
export const GET = route({ scope: 'read' }, async (request, { service, requestId, principal }) => {
  requireScope(principal, exportScope(new URL(request.url).searchParams.get('what')));
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
