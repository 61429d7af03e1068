import { json, route } from '@/lib/http/handler';
import { parseOrThrow } from '@/lib/http/validate';
import { idParam } from '@/lib/schemas/common';
import { customerPatchSchema } from '@/lib/schemas/customer';
import { toCustomerDetailResponse, toCustomerResponse } from '@/lib/http/responses/customer';
import { deleteCustomer, updateCustomer } from '@/lib/services/customers';
import { getCustomerWithLinkedRecords } from '@/lib/services/linked-records';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = route<Params>({ scope: 'read' }, async (_request, { params, service }) => {
  const id = parseOrThrow(idParam, params.id, 'customer id');
  return json(toCustomerDetailResponse(await getCustomerWithLinkedRecords(await service(), id)));
});

export const PATCH = route<Params>({ scope: 'write', body: true }, async (_request, { params, body, service }) => {
  const id = parseOrThrow(idParam, params.id, 'customer id');
  const patch = parseOrThrow(customerPatchSchema, body, 'customer changes');
  return json(toCustomerResponse(await updateCustomer(await service(), id, patch)));
});

/** Erasure (admin: it cannot be undone): the customer, its embeddings and match rows go; the audit log keeps only the id. */
export const DELETE = route<Params>({ scope: 'admin' }, async (_request, { params, service }) => {
  const id = parseOrThrow(idParam, params.id, 'customer id');
  await deleteCustomer(await service(), id);
  return new Response(null, { status: 204 });
});

export const { POST, PUT, OPTIONS } = unsupportedMethods('GET', 'PATCH', 'DELETE');
