// One match as the steward's detail view needs it: the result, both records in full, and the other
// candidates proposed for the same incoming record.
import { findCustomerById } from '../db/queries/customers';
import { findIncomingById } from '../db/queries/incoming';
import { findMatchResult, listMatchesForIncoming, type MatchWithCustomer } from '../db/queries/matches';
import type { Customer, IncomingCustomer, MatchingResult } from '../db/schema';
import { notFound } from '../errors';
import type { ServiceContext } from './context';

export interface MatchDetail {
  result: MatchingResult;
  incoming: IncomingCustomer;
  customer: Customer;
  /** Every stored candidate for the same incoming record, best first (this one included). */
  siblings: MatchWithCustomer[];
}

export async function getMatchDetail(ctx: ServiceContext, resultId: number): Promise<MatchDetail> {
  const result = await findMatchResult(ctx.db, resultId);
  if (!result) throw notFound('Match', resultId);
  const [incoming, customer, siblings] = await Promise.all([
    findIncomingById(ctx.db, result.incomingId),
    findCustomerById(ctx.db, result.customerId),
    listMatchesForIncoming(ctx.db, result.incomingId),
  ]);
  if (!incoming) throw notFound('Incoming customer', result.incomingId);
  if (!customer) throw notFound('Customer', result.customerId);
  return { result, incoming, customer, siblings };
}
