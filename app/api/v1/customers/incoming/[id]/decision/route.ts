import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { recordDecisionSchema } from '@/lib/schemas/review';
import { toDecisionResponse } from '@/lib/http/responses/decision';
import { matchesForIncoming } from '@/lib/services/matching';
import { decideIncoming } from '@/lib/services/resolution';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** create_new / dismiss / reopen on incoming {id}, also when it has no candidate; expected_version is the record's version. */
export const POST = route<{ id: string }>({ scope: 'review', body: true }, async (_request, { params, body, service }) => {
  const id = parseOrThrow(idParam, params.id, 'incoming customer id');
  const input = parseOrThrow(recordDecisionSchema, body, 'decision');
  const ctx = await service();
  const outcome = await decideIncoming(ctx, id, input);
  const { matches } = await matchesForIncoming(ctx, id);
  return json(toDecisionResponse({ outcome, matches, matchId: null }));
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('POST');
