// Any /api path without a route of its own: the JSON error shape, not Next's HTML 404 page.
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

const noEndpoint = route<unknown>({ scope: null }, async (request) => {
  throw new AppError('not_found', `No API endpoint at ${new URL(request.url).pathname}; the API reference is at /docs`);
});

export const GET = noEndpoint;
export const POST = noEndpoint;
export const PUT = noEndpoint;
export const PATCH = noEndpoint;
export const DELETE = noEndpoint;
export const OPTIONS = noEndpoint;
