import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { toMatchListResponse } from '@/lib/http/responses/match';
import { matchesForIncoming } from '@/lib/services/matching';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** Ranked results for incoming {id}, with band, probability and the per-field explanation. */
export const GET = route<{ id: string }>({ scope: 'read' }, async (_request, { params, service }) => {
  const id = parseOrThrow(idParam, params.id, 'incoming customer id');
  const started = performance.now();
  const listing = await matchesForIncoming(await service(), id);
  return json(toMatchListResponse({ ...listing, processingTimeMs: Math.round(performance.now() - started) }));
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET');
