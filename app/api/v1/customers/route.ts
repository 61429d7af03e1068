import { route, json } from '@/lib/http/handler';
import { readJsonBody } from '@/lib/http/body';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { customerInputSchema, customerListQuerySchema, toCustomerResponse } from '@/lib/schemas/customer';
import { appContext } from '@/lib/services/bootstrap';
import { createCustomer, listCustomers } from '@/lib/services/customers';

export const dynamic = 'force-dynamic';

export const POST = route(async (request, { requestId }) => {
  const input = parseOrThrow(customerInputSchema, await readJsonBody(request), 'customer');
  const customer = await createCustomer(await appContext('api', requestId), input);
  return json(toCustomerResponse(customer), { status: 201, headers: { Location: `/api/v1/customers/${customer.id}` } });
});

/** The body stays a JSON array (seed contract); the next page is in the Link and X-Next-Cursor headers. */
export const GET = route(async (request, { requestId }) => {
  const url = new URL(request.url);
  const query = parseOrThrow(customerListQuerySchema, searchParamsObject(url), 'query');
  const page = await listCustomers(await appContext('api', requestId), query);
  const headers = new Headers();
  if (page.nextCursor !== null) {
    const next = new URL(url);
    next.searchParams.set('cursor', String(page.nextCursor));
    headers.set('Link', `<${next.pathname}${next.search}>; rel="next"`);
    headers.set('X-Next-Cursor', String(page.nextCursor));
  }
  return json(page.customers.map(toCustomerResponse), { headers });
});
