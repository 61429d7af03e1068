// Customer use cases: create (with match keys and embeddings computed once at write time) and list.
import { appendAuditEvent } from '../db/queries/audit';
import { findCustomerById, insertCustomer, listCustomers as listCustomerRows } from '../db/queries/customers';
import type { Customer } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { CustomerInput, CustomerListQuery } from '../schemas/customer';
import type { ServiceContext } from './context';
import { deriveMatchData } from './match-data';

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === '23505' || cause?.code === '23505';
}

export async function createCustomer(ctx: ServiceContext, input: CustomerInput): Promise<Customer> {
  const matchData = await deriveMatchData(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const customer = await insertCustomer(tx, { ...input, ...matchData });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: 'customer.created',
        entityType: 'customer',
        entityId: String(customer.id),
        after: { company_name: customer.companyName, source_system: customer.sourceSystem, source_id: customer.sourceId },
        requestId: ctx.requestId,
      });
      return customer;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `A customer with source_system "${input.sourceSystem}" and source_id "${input.sourceId}" already exists`);
    }
    throw error;
  }
}

export interface CustomerPage {
  customers: Customer[];
  nextCursor: number | null;
}

export async function listCustomers(ctx: ServiceContext, query: CustomerListQuery): Promise<CustomerPage> {
  const { rows, hasMore } = await listCustomerRows(ctx.db, query);
  return { customers: rows, nextCursor: hasMore ? rows[rows.length - 1].id : null };
}

export async function getCustomer(ctx: ServiceContext, id: number): Promise<Customer> {
  const customer = await findCustomerById(ctx.db, id);
  if (!customer) throw notFound('Customer', id);
  return customer;
}
