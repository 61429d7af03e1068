import { json, route } from '@/lib/http/handler';
import { paginationHeaders } from '@/lib/http/pagination';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { customerInputSchema } from '@/lib/schemas/customer';
import { incomingListQuerySchema, incomingSubmitQuerySchema } from '@/lib/schemas/incoming';
import { toIncomingResponse } from '@/lib/http/responses/incoming';
import { toMatchListResponse } from '@/lib/http/responses/match';
import { listIncoming, receiveIncoming } from '@/lib/services/incoming';
import { matchesForIncoming, matchIncoming } from '@/lib/services/matching';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** Stores an incoming customer (status pending); with ?match=true (or "match": true) also matches it. */
export const POST = route({ scope: 'write', body: true, idempotent: true }, async (request, { body, service }) => {
  const { match: matchQuery } = parseOrThrow(incomingSubmitQuerySchema, searchParamsObject(new URL(request.url)), 'query');
  const input = parseOrThrow(customerInputSchema, body, 'incoming customer');
  const matchNow = matchQuery || (typeof body === 'object' && body !== null && (body as { match?: unknown }).match === true);
  const ctx = await service();
  const { incoming, resubmitted } = await receiveIncoming(ctx, input);
  // Sent before: 200 with the stored record (matched now only if it was still waiting), nothing new stored.
  const init = { status: resubmitted ? 200 : 201, headers: { Location: `/api/v1/customers/incoming/${incoming.id}` } };
  const marked = <T extends { incoming_customer: object }>(body: T) => ({ ...body, incoming_customer: { ...body.incoming_customer, resubmitted } });
  if (!matchNow) return json({ ...toIncomingResponse(incoming), resubmitted }, init);
  if (resubmitted && incoming.processingStatus !== 'pending') {
    const stored = await matchesForIncoming(ctx, incoming.id);
    return json(marked(toMatchListResponse({ ...stored, processingTimeMs: 0 })), init);
  }
  const outcome = await matchIncoming(ctx, incoming.id);
  return json(
    marked(toMatchListResponse({ incoming: outcome.incoming, matches: outcome.matches, processingTimeMs: outcome.processingTimeMs, likelyDuplicateCustomers: outcome.likelyDuplicateCustomers })),
    init,
  );
});

export const GET = route({ scope: 'read' }, async (request, { service }) => {
  const query = parseOrThrow(incomingListQuerySchema, searchParamsObject(new URL(request.url)), 'query');
  const page = await listIncoming(await service(), query);
  return json(page.incoming.map(toIncomingResponse), { headers: paginationHeaders(request.url, page.nextCursor) });
});

export const { PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET', 'POST');
