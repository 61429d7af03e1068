// Accept and merge are refused when the record hard-conflicts with the customer's entity (its master
// record or a record already linked to it); one check in the resolution service serves every entry point.
import { findCustomerById } from '../db/queries/customers';
import { linkedIdentities } from '../db/queries/incoming';
import type { IncomingCustomer } from '../db/schema';
import { entityConflictMessage, findEntityConflict, type EntityConflict, type EntityMember } from '../domain/entity-conflict';
import { AppError } from '../errors';
import type { ServiceContext } from './context';

/** Linked records compared besides the master record: the most recent ones that carry a date of birth, a document or a person's name. */
export const ENTITY_CONFLICT_CHECK_LIMIT = 200;

/** The hard conflict between the record and the customer's entity, or null (also when the customer is gone). */
export async function entityConflictOf(ctx: ServiceContext, incoming: IncomingCustomer, customerId: number): Promise<EntityConflict | null> {
  const customer = await findCustomerById(ctx.db, customerId);
  if (!customer) return null;
  const master: EntityMember = { kind: 'customer', id: customer.id, record: customer };
  const fromMaster = findEntityConflict(incoming, [master]);
  if (fromMaster) return fromMaster;
  const linked = (await linkedIdentities(ctx.db, customerId, ENTITY_CONFLICT_CHECK_LIMIT)).filter((row) => row.id !== incoming.id);
  return findEntityConflict(incoming, linked.map((row): EntityMember => ({ kind: 'linked_record', id: row.id, record: row })));
}

/** 409 with the field and what to do, before anything is written. */
export async function refuseEntityConflict(ctx: ServiceContext, incoming: IncomingCustomer, customerId: number): Promise<void> {
  const found = await entityConflictOf(ctx, incoming, customerId);
  if (!found) return;
  throw new AppError('conflict', entityConflictMessage(incoming.id, customerId, found), {
    hard_conflict: {
      field: found.field,
      conflict: found.conflict,
      incoming_value: found.incomingValue,
      other_value: found.otherValue,
      ...(found.with.kind === 'customer' ? { customer_id: found.with.id } : { linked_incoming_id: found.with.id }),
    },
  });
}

/** A refusal on the records' merits, not a race with another steward. */
export function isHardConflictError(error: unknown): boolean {
  return error instanceof AppError && typeof error.details === 'object' && error.details !== null && 'hard_conflict' in error.details;
}
