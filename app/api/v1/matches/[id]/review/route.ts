import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { toCustomerResponse } from '@/lib/schemas/customer';
import { toIncomingResponse } from '@/lib/schemas/incoming';
import { toMatchResponse } from '@/lib/schemas/match';
import { reviewInputSchema } from '@/lib/schemas/review';
import { reviewMatch } from '@/lib/services/review';

export const dynamic = 'force-dynamic';

/** accept / reject / merge / create_new on match {id}; expected_version guards against stale decisions (409). */
export const POST = route<{ id: string }>({ scope: 'review', body: true }, async (_request, { params, body, service }) => {
  const id = parseOrThrow(idParam, params.id, 'match id');
  const input = parseOrThrow(reviewInputSchema, body, 'review');
  const outcome = await reviewMatch(await service(), id, input);
  const customer = outcome.customer;
  return json({
    match: toMatchResponse({
      result: outcome.result,
      customer: {
        id: outcome.result.customerId,
        companyName: customer?.companyName ?? null,
        contactName: customer?.contactName ?? null,
        email: customer?.email ?? null,
        city: customer?.city ?? null,
        country: customer?.country ?? null,
      },
    }),
    incoming_customer: toIncomingResponse(outcome.incoming),
    customer: customer ? toCustomerResponse(customer) : null,
  });
});
