import { z } from 'zod';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { submitIncomingBatch } from '@/lib/services/batch';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/** Up to MAX_BATCH_SIZE records; each row is stored or rejected on its own (207-style per-record results). */
export const POST = route({ scope: 'write', body: true, idempotent: true, maxBodyBytes: 8 * 1024 * 1024 }, async (_request, { body, service }) => {
  const max = env().MAX_BATCH_SIZE;
  const batch = parseOrThrow(
    z.object({
      records: z.array(z.unknown()).min(1, 'send at least one record').max(max, `at most ${max} records per batch`),
      match: z.boolean().default(false),
    }),
    body,
    'batch',
  );
  const outcome = await submitIncomingBatch(await service(), batch.records, { match: batch.match });
  if (outcome.stored === 0) {
    throw new AppError('validation_failed', `None of the ${outcome.received} records was valid; nothing was stored`, outcome.results);
  }
  return json(outcome, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('POST');
