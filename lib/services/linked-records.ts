// A customer as an entity: its master record and every source record resolved onto it (accepted, merged,
// or the record it was created from), for the customer page and GET /customers/{id}.
import { listLinkedRecords } from '../db/queries/incoming';
import type { Customer } from '../db/schema';
import { toLinkedRecord, type LinkedRecord } from '../domain/linked-record';
import type { ServiceContext } from './context';
import { getCustomer } from './customers';

/** How many linked records are listed, most recently decided first; the total says when there are more. */
export const LINKED_RECORDS_LIMIT = 100;

export interface CustomerWithLinkedRecords {
  customer: Customer;
  linkedRecords: LinkedRecord[];
  /** All records linked, also those beyond LINKED_RECORDS_LIMIT. */
  linkedRecordsTotal: number;
}

export async function linkedRecordsOf(ctx: ServiceContext, customerId: number): Promise<{ records: LinkedRecord[]; total: number }> {
  const { rows, total } = await listLinkedRecords(ctx.db, customerId, LINKED_RECORDS_LIMIT);
  return { records: rows.map(toLinkedRecord), total };
}

export async function getCustomerWithLinkedRecords(ctx: ServiceContext, id: number): Promise<CustomerWithLinkedRecords> {
  const customer = await getCustomer(ctx, id);
  const { records, total } = await linkedRecordsOf(ctx, customer.id);
  return { customer, linkedRecords: records, linkedRecordsTotal: total };
}
