// One match, or one incoming record, as the steward's pages need them: both records in full, every
// candidate of the record, and — for a resolved record — what changing the decision would undo.
import { findCustomerById } from '../db/queries/customers';
import { findIncomingById } from '../db/queries/incoming';
import { findMatchResult, listMatchesForIncoming, type MatchWithCustomer } from '../db/queries/matches';
import type { Customer, IncomingCustomer, MatchingResult } from '../db/schema';
import { entityConflictMessage } from '../domain/entity-conflict';
import { isOpen } from '../domain/resolution';
import type { UndoPlan } from '../domain/resolution-record';
import { notFound } from '../errors';
import type { ServiceContext } from './context';
import { entityConflictOf } from './entity-conflict';
import { previewChangeDecision } from './resolution';

export interface IncomingDetail {
  incoming: IncomingCustomer;
  /** Every stored candidate, best first, each with its decision. */
  siblings: MatchWithCustomer[];
  /** The customer a resolved record is linked to or created as (null when none, or erased since). */
  resolvedCustomer: Customer | null;
  /** Resolved: what "Change decision" would do now. */
  undo: UndoPlan | null;
}

export interface MatchDetail extends IncomingDetail {
  result: MatchingResult;
  customer: Customer;
  /** Open candidate only: why accept and merge would be refused (a hard conflict), said before the steward tries. */
  linkRefusal: string | null;
}

export async function getIncomingDetail(ctx: ServiceContext, incomingId: number): Promise<IncomingDetail> {
  const incoming = await findIncomingById(ctx.db, incomingId);
  if (!incoming) throw notFound('Incoming customer', incomingId);
  const siblings = await listMatchesForIncoming(ctx.db, incomingId);
  const resolvedCustomer = incoming.resolvedCustomerId === null ? null : ((await findCustomerById(ctx.db, incoming.resolvedCustomerId)) ?? null);
  return { incoming, siblings, resolvedCustomer, undo: await previewChangeDecision(ctx, incoming) };
}

export async function getMatchDetail(ctx: ServiceContext, resultId: number): Promise<MatchDetail> {
  const result = await findMatchResult(ctx.db, resultId);
  if (!result) throw notFound('Match', resultId);
  const customer = await findCustomerById(ctx.db, result.customerId);
  if (!customer) throw notFound('Customer', result.customerId);
  const detail = await getIncomingDetail(ctx, result.incomingId);
  const open = result.reviewDecision === null && isOpen(detail.incoming.processingStatus);
  const conflict = open ? await entityConflictOf(ctx, detail.incoming, customer.id) : null;
  return { result, customer, ...detail, linkRefusal: conflict ? entityConflictMessage(detail.incoming.id, customer.id, conflict) : null };
}
