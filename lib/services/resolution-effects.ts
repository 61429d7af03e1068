// What a resolving decision does to the customer master (link, merge by block, create) and how
// "Change decision" takes it back. Each runs inside the caller's transaction.
import { findCustomerById } from '../db/queries/customers';
import { recordsResolvedTo } from '../db/queries/incoming';
import type { Customer, IncomingCustomer } from '../db/schema';
import { blockHasValue, defaultBlocks, MERGE_BLOCK_LABELS, MERGE_FIELD_API_NAMES, mergeFieldOfApiName, mergePatch, type MergeBlock, type MergeField } from '../domain/merge';
import { planUndo, type Resolution, type UndoPlan } from '../domain/resolution-record';
import { AppError } from '../errors';
import type { CustomerPatch } from '../schemas/customer';
import type { ServiceContext } from './context';
import { createCustomer, deleteCreatedCustomer, updateCustomer } from './customers';

export interface EffectOutcome {
  customer: Customer | null;
  merged?: Resolution['merged'];
}

async function existingCustomer(ctx: ServiceContext, id: number): Promise<Customer> {
  const customer = await findCustomerById(ctx.db, id);
  if (!customer) throw new AppError('conflict', `Customer #${id} no longer exists (it was erased); reject this candidate or create a new customer instead`);
  return customer;
}

/** Chosen blocks replace the customer's whole block; without a choice only blocks the customer lacks are filled. */
async function mergeInto(ctx: ServiceContext, customerId: number, incoming: IncomingCustomer, matchId: number, chosen: MergeBlock[] | undefined): Promise<EffectOutcome> {
  const customer = await existingCustomer(ctx, customerId);
  const empty = (chosen ?? []).filter((block) => !blockHasValue(incoming, block));
  if (empty.length > 0) {
    throw new AppError('validation_failed', `The incoming record has nothing to take for ${empty.map((block) => MERGE_BLOCK_LABELS[block].toLowerCase()).join(', ')}; leave ${empty.length === 1 ? 'it' : 'them'} out of merge_fields`);
  }
  const blocks = chosen ?? defaultBlocks(customer, incoming);
  const patch = mergePatch(customer, incoming, blocks);
  const fields = Object.keys(patch) as MergeField[];
  if (fields.length === 0) return { customer, merged: {} };
  const merged = Object.fromEntries(fields.map((field) => [MERGE_FIELD_API_NAMES[field], { before: customer[field] ?? null, after: patch[field] ?? null }]));
  const provenance = { from_incoming_id: incoming.id, match_id: matchId, blocks, fields: fields.map((field) => MERGE_FIELD_API_NAMES[field]) };
  const updated = await updateCustomer(ctx, customer.id, patch as CustomerPatch, 'customer.merged', provenance);
  return { customer: updated, merged };
}

function createFromIncoming(ctx: ServiceContext, incoming: IncomingCustomer): Promise<Customer> {
  return createCustomer(ctx, {
    companyName: incoming.companyName ?? '',
    contactName: incoming.contactName, email: incoming.email, phone: incoming.phone, addressLine1: incoming.addressLine1,
    addressLine2: incoming.addressLine2, city: incoming.city, state: incoming.state, postalCode: incoming.postalCode,
    country: incoming.country, industry: incoming.industry, revenue: incoming.revenue, employeeCount: incoming.employeeCount,
    website: incoming.website, description: incoming.description, dateOfBirth: incoming.dateOfBirth,
    identifiers: incoming.identifiers?.map((identifier) => ({ ...identifier, country: identifier.country ?? null })) ?? null,
    // Points back at the record it came from; the record keeps its own source id.
    sourceSystem: incoming.sourceSystem,
    sourceId: `incoming:${incoming.id}`,
  });
}

export type ResolvingDecision = Resolution['decision'];

export async function applyResolvingEffect(
  ctx: ServiceContext,
  incoming: IncomingCustomer,
  decision: ResolvingDecision,
  match: { id: number; customerId: number } | null,
  mergeBlocks?: MergeBlock[],
): Promise<EffectOutcome> {
  switch (decision) {
    case 'accept':
      return { customer: await existingCustomer(ctx, match!.customerId) };
    case 'merge':
      return mergeInto(ctx, match!.customerId, incoming, match!.id, mergeBlocks);
    case 'create_new':
      return { customer: await createFromIncoming(ctx, incoming) };
    case 'dismiss':
      return { customer: null };
  }
}

/** What undoing `resolution` would do now: reads the customer it touched and who else is linked to it. */
export async function undoPlanFor(ctx: ServiceContext, incoming: IncomingCustomer, resolution: Resolution): Promise<UndoPlan> {
  const customer = resolution.customer_id === null ? undefined : await findCustomerById(ctx.db, resolution.customer_id);
  if (resolution.decision === 'merge') {
    const currentValues = Object.fromEntries(
      Object.keys(resolution.merged ?? {}).map((apiName) => {
        const field = mergeFieldOfApiName(apiName);
        return [apiName, customer && field ? (customer[field] ?? null) : null];
      }),
    );
    return planUndo({ resolution, currentValues: customer ? currentValues : {} });
  }
  if (resolution.decision === 'create_new' && customer) {
    return planUndo({ resolution, otherLinkedRecords: await recordsResolvedTo(ctx.db, customer.id, incoming.id) });
  }
  return planUndo({ resolution, createdCustomerExists: Boolean(customer) });
}

/** Restores merged fields and deletes a created customer, as the plan says. */
export async function applyUndo(ctx: ServiceContext, incoming: IncomingCustomer, resolution: Resolution, plan: UndoPlan): Promise<void> {
  const restored = Object.entries(plan.restore);
  if (restored.length > 0 && resolution.customer_id !== null) {
    const patch = Object.fromEntries(restored.map(([apiName, value]) => [mergeFieldOfApiName(apiName)!, value])) as CustomerPatch;
    await updateCustomer(ctx, resolution.customer_id, patch, 'customer.unmerged', { from_incoming_id: incoming.id, reason: 'the merge decision was changed' });
  }
  if (plan.deleteCustomerId !== null) await deleteCreatedCustomer(ctx, plan.deleteCustomerId, { from_incoming_id: incoming.id });
}
