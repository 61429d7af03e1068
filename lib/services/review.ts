// A steward's decision on a match: accept (link), reject, merge into the existing customer, or create
// the incoming record as a new customer. Optimistic locking on the result's version; audited.
import { appendAuditEvent } from '../db/queries/audit';
import { findCustomerById } from '../db/queries/customers';
import { findIncomingById, setIncomingStatus } from '../db/queries/incoming';
import { findMatchResult, recordReview } from '../db/queries/matches';
import type { Customer, IncomingCustomer, MatchingResult } from '../db/schema';
import { AppError, notFound } from '../errors';
import { MERGEABLE_FIELDS, type ReviewInput } from '../schemas/review';
import type { CustomerPatch } from '../schemas/customer';
import type { ServiceContext } from './context';
import { createCustomer, snakeCase, updateCustomer } from './customers';

export interface ReviewOutcome {
  result: MatchingResult;
  incoming: IncomingCustomer;
  /** The customer the decision linked, merged into or created (null for reject). */
  customer: Customer | null;
}

type MergeableField = (typeof MERGEABLE_FIELDS)[number];

const FIELD_OF: Record<MergeableField, keyof CustomerPatch & keyof IncomingCustomer> = {
  company_name: 'companyName', contact_name: 'contactName', email: 'email', phone: 'phone', address_line1: 'addressLine1',
  address_line2: 'addressLine2', city: 'city', state: 'state', postal_code: 'postalCode', country: 'country', industry: 'industry',
  revenue: 'revenue', employee_count: 'employeeCount', website: 'website', description: 'description',
};

/** Chosen fields overwrite; without a choice, the incoming record only fills the customer's empty fields. */
function mergePatch(customer: Customer, incoming: IncomingCustomer, chosen: MergeableField[] | undefined): CustomerPatch {
  const patch: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(FIELD_OF) as Array<[MergeableField, keyof CustomerPatch & keyof IncomingCustomer]>) {
    const value = incoming[field];
    if (value === null || value === undefined) continue;
    if (chosen ? chosen.includes(name) : customer[field] === null || customer[field] === undefined) patch[field] = value;
  }
  return patch as CustomerPatch;
}

async function applyDecision(ctx: ServiceContext, input: ReviewInput, result: MatchingResult, incoming: IncomingCustomer): Promise<Customer | null> {
  switch (input.decision) {
    case 'reject':
      return null;
    case 'accept':
      return (await findCustomerById(ctx.db, result.customerId)) ?? null;
    case 'merge': {
      const customer = await findCustomerById(ctx.db, result.customerId);
      if (!customer) throw notFound('Customer', result.customerId);
      const patch = mergePatch(customer, incoming, input.merge_fields);
      if (Object.keys(patch).length === 0) return customer;
      return updateCustomer(ctx, customer.id, patch, 'customer.merged', { from_incoming_id: incoming.id, match_id: result.id, fields: Object.keys(patch).map(snakeCase) });
    }
    case 'create_new':
      return createCustomer(ctx, {
        companyName: incoming.companyName ?? '',
        contactName: incoming.contactName, email: incoming.email, phone: incoming.phone, addressLine1: incoming.addressLine1,
        addressLine2: incoming.addressLine2, city: incoming.city, state: incoming.state, postalCode: incoming.postalCode,
        country: incoming.country, industry: incoming.industry, revenue: incoming.revenue, employeeCount: incoming.employeeCount,
        website: incoming.website, description: incoming.description, dateOfBirth: incoming.dateOfBirth,
        identifiers: incoming.identifiers?.map((identifier) => ({ ...identifier, country: identifier.country ?? null })) ?? null,
        sourceSystem: incoming.sourceSystem,
        sourceId: incoming.sourceId ? `incoming:${incoming.id}:${incoming.sourceId}` : null,
      });
  }
}

export async function reviewMatch(ctx: ServiceContext, resultId: number, input: ReviewInput): Promise<ReviewOutcome> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const current = await findMatchResult(tx, resultId);
    if (!current) throw notFound('Match', resultId);
    if (current.version !== input.expected_version) {
      throw new AppError(
        'conflict',
        `This match changed since you loaded it (your version ${input.expected_version}, now ${current.version}); reload it and decide again`,
        { current_version: current.version, reviewed: current.reviewed, review_decision: current.reviewDecision },
      );
    }
    const incoming = await findIncomingById(tx, current.incomingId);
    if (!incoming) throw notFound('Incoming customer', current.incomingId);
    const reviewer = input.reviewer ?? ctx.actor;
    const updated = await recordReview(tx, resultId, input.expected_version, { decision: input.decision, reviewer, notes: input.notes });
    if (!updated) throw new AppError('conflict', 'This match was changed by someone else just now; reload it and decide again');
    const customer = await applyDecision(txCtx, input, current, incoming);
    if (input.decision !== 'reject') await setIncomingStatus(tx, incoming.id, 'reviewed');
    await appendAuditEvent(tx, {
      // The authenticated caller, never a name from the request body; the stated reviewer is kept beside it.
      actor: ctx.actor,
      action: `match.${input.decision}`,
      entityType: 'matching_result',
      entityId: String(resultId),
      before: { reviewed: current.reviewed, review_decision: current.reviewDecision, version: current.version, incoming_status: incoming.processingStatus },
      after: {
        reviewed: true,
        review_decision: input.decision,
        version: updated.version,
        incoming_id: incoming.id,
        customer_id: customer?.id ?? current.customerId,
        reviewer,
        notes: input.notes,
      },
      requestId: ctx.requestId,
    });
    const refreshed = (await findIncomingById(tx, incoming.id))!;
    return { result: updated, incoming: refreshed, customer };
  });
}
