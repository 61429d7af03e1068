// Downloads for the steward UI: the exports of GET /api/v1/matches/export, authorised by the steward's
// session (uiContext, with the API's scopes: read, admin for decisions) so a plain link works when keys are
// required. The API keeps Bearer keys only.
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { AppError, toAppError } from '@/lib/errors';
import { exportResponse, exportScope } from '@/lib/http/export-response';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { logger, safeError } from '@/lib/logger';
import { exportQuerySchema } from '@/lib/schemas/export';
import { returnPathFromReferer } from '@/lib/ui/export-links';
import { uiContext } from '@/lib/ui/session';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest): Promise<Response> {
  const url = new URL(request.url);
  // Signed out meanwhile: /login, then back to the page the link was on rather than to a bare download.
  const ctx = await uiContext(exportScope(url.searchParams.get('what')), returnPathFromReferer(request.headers.get('referer'), url.origin));
  const requestId = randomUUID();
  try {
    return await exportResponse(ctx, parseOrThrow(exportQuerySchema, searchParamsObject(url), 'export query'), requestId);
  } catch (error) {
    // As in the API: a bad kind, format or band is a malformed link (400), not a form to correct.
    const appError = error instanceof AppError && error.code === 'validation_failed' ? new AppError('bad_request', error.message, error.details) : toAppError(error);
    if (appError.status >= 500) logger().error({ err: safeError(error), requestId }, 'export download failed');
    return Response.json(appError.toBody(), { status: appError.status, headers: { 'x-request-id': requestId } });
  }
}
