import { json, route } from '@/lib/http/handler';
import { paginationHeaders } from '@/lib/http/pagination';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { customerInputSchema } from '@/lib/schemas/customer';
import { incomingListQuerySchema, incomingSubmitQuerySchema, toIncomingResponse } from '@/lib/schemas/incoming';
import { toMatchListResponse } from '@/lib/schemas/match';
import { listIncoming, submitIncoming } from '@/lib/services/incoming';
import { matchIncoming } from '@/lib/services/matching';

export const dynamic = 'force-dynamic';

/** Stores an incoming customer (status pending); with ?match=true (or "match": true) also matches it. */
export const POST = route({ scope: 'write', body: true, idempotent: true }, async (request, { body, service }) => {
  const { match: matchQuery } = parseOrThrow(incomingSubmitQuerySchema, searchParamsObject(new URL(request.url)), 'query');
  const input = parseOrThrow(customerInputSchema, body, 'incoming customer');
  const matchNow = matchQuery || (typeof body === 'object' && body !== null && (body as { match?: unknown }).match === true);
  const ctx = await service();
  const incoming = await submitIncoming(ctx, input);
  const location = { Location: `/api/v1/matches/${incoming.id}` };
  if (!matchNow) return json(toIncomingResponse(incoming), { status: 201, headers: location });
  const outcome = await matchIncoming(ctx, incoming.id);
  return json(
    toMatchListResponse({ incoming: outcome.incoming, matches: outcome.matches, processingTimeMs: outcome.processingTimeMs, likelyDuplicateCustomers: outcome.likelyDuplicateCustomers }),
    { status: 201, headers: location },
  );
});

export const GET = route({ scope: 'read' }, async (request, { service }) => {
  const query = parseOrThrow(incomingListQuerySchema, searchParamsObject(new URL(request.url)), 'query');
  const page = await listIncoming(await service(), query);
  return json(page.incoming.map(toIncomingResponse), { headers: paginationHeaders(request.url, page.nextCursor) });
});
