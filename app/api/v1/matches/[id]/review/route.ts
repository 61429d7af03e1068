import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { reviewInputSchema } from '@/lib/schemas/review';
import { toDecisionResponse } from '@/lib/http/responses/decision';
import { matchesForIncoming } from '@/lib/services/matching';
import { reviewMatch } from '@/lib/services/resolution';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** accept / reject / merge / create_new / dismiss / reopen on match {id}; a stale expected_version or a resolved record answers 409. */
export const POST = route<{ id: string }>({ scope: 'review', body: true }, async (_request, { params, body, service }) => {
  const id = parseOrThrow(idParam, params.id, 'match id');
  const input = parseOrThrow(reviewInputSchema, body, 'review');
  const ctx = await service();
  const outcome = await reviewMatch(ctx, id, input);
  const { matches } = await matchesForIncoming(ctx, outcome.incoming.id);
  return json(toDecisionResponse({ outcome, matches, matchId: id }));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('POST');
