// The /import page's upload: the same import as POST /api/v1/customers/import, authorised by the
// steward session (its httpOnly session cookie) instead of an Authorization header.
import { NextResponse } from 'next/server';
import { AppError, toAppError } from '@/lib/errors';
import { importUploadResponse } from '@/lib/http/import-upload';
import { assertSameOrigin } from '@/lib/http/origin';
import { hasScope } from '@/lib/services/api-keys';
import { currentSteward } from '@/lib/ui/session';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  try {
    // A form posted from another site must not import into this one (open mode needs no cookie); the proxy skips this route.
    assertSameOrigin(request);
    const steward = await currentSteward();
    if (!steward) throw new AppError('unauthorized', 'Sign in again: the session has ended');
    if (!hasScope(steward, 'write')) throw new AppError('forbidden', 'Your API key lacks the "write" scope an import needs');
    return await importUploadResponse(request, async () => ({ db: steward.db, actor: steward.actor }));
  } catch (error) {
    const appError = toAppError(error);
    return NextResponse.json(appError.toBody(), { status: appError.status });
  }
}
