import { json, route } from '@/lib/http/handler';
import { paginationHeaders } from '@/lib/http/pagination';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { customerInputSchema, customerListQuerySchema } from '@/lib/schemas/customer';
import { toCustomerResponse } from '@/lib/http/responses/customer';
import { createCustomer, listCustomers } from '@/lib/services/customers';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

export const POST = route({ scope: 'write', body: true, idempotent: true }, async (_request, { body, service }) => {
  const input = parseOrThrow(customerInputSchema, body, 'customer');
  const customer = await createCustomer(await service(), input);
  return json(toCustomerResponse(customer), { status: 201, headers: { Location: `/api/v1/customers/${customer.id}` } });
});

/** The body stays a JSON array (seed contract); the next page is in the Link and X-Next-Cursor headers. */
export const GET = route({ scope: 'read' }, async (request, { service }) => {
  const query = parseOrThrow(customerListQuerySchema, searchParamsObject(new URL(request.url)), 'query');
  const page = await listCustomers(await service(), query);
  return json(page.customers.map(toCustomerResponse), { headers: paginationHeaders(request.url, page.nextCursor) });
});

export const { PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET', 'POST');
