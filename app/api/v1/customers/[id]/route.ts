import { route, json } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { toCustomerResponse } from '@/lib/schemas/customer';
import { appContext } from '@/lib/services/bootstrap';
import { getCustomer } from '@/lib/services/customers';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(async (_request, { params, requestId }) => {
  const id = parseOrThrow(idParam, params.id, 'customer id');
  return json(toCustomerResponse(await getCustomer(await appContext('api', requestId), id)));
});
