import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { toMatchListResponse } from '@/lib/http/responses/match';
import { matchIncoming } from '@/lib/services/matching';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** Runs matching for incoming {id}; idempotent (results are updated in place, never duplicated). */
export const POST = route<{ id: string }>({ scope: 'write' }, async (_request, { params, service }) => {
  const id = parseOrThrow(idParam, params.id, 'incoming customer id');
  const outcome = await matchIncoming(await service(), id);
  return json(toMatchListResponse({ incoming: outcome.incoming, matches: outcome.matches, processingTimeMs: outcome.processingTimeMs, likelyDuplicateCustomers: outcome.likelyDuplicateCustomers }));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('POST');
