// The one place a steward's decision is applied, for the API, the UI, bulk accept and the CLI alike: the
// record is locked, the transition checked (lib/domain/resolution.ts), applied and audited in one transaction.
import { appendAuditEvent } from '../db/queries/audit';
import { findIncomingById, lockIncoming, setIncomingStatus, writeResolution } from '../db/queries/incoming';
import { closeOpenCandidates, countOpenCandidates, findMatchResult, recordReview, reopenCandidates } from '../db/queries/matches';
import type { Customer, IncomingCustomer, MatchingResult } from '../db/schema';
import type { MergeBlock } from '../domain/merge';
import { checkTransition, isResolved, openState, RESOLVING, type MatchDecision } from '../domain/resolution';
import { readResolution, type Resolution, type UndoPlan } from '../domain/resolution-record';
import { AppError, notFound } from '../errors';
import type { RecordDecisionInput, ReviewInput } from '../schemas/review';
import type { ServiceContext } from './context';
import { refuseEntityConflict } from './entity-conflict';
import { applyResolvingEffect, applyUndo, undoPlanFor, type ResolvingDecision } from './resolution-effects';

export interface DecisionOutcome {
  incoming: IncomingCustomer;
  /** The candidate decided on (null for a record-level decision). */
  result: MatchingResult | null;
  /** The customer linked to, merged into or created (null for reject, dismiss and reopen). */
  customer: Customer | null;
  /** Other candidates closed by this decision. */
  superseded: number[];
  /** Reopen: what was undone, or with dry_run what would be. */
  undo: UndoPlan | null;
  dryRun: boolean;
}

interface Decision {
  decision: MatchDecision;
  notes: string | null;
  reviewer: string;
  dryRun: boolean;
  mergeBlocks?: MergeBlock[];
}

function refuseUnless(incoming: IncomingCustomer, decision: MatchDecision, candidate?: MatchingResult): void {
  const check = checkTransition(
    {
      incomingId: incoming.id,
      state: incoming.processingStatus,
      candidate: candidate ? { decision: candidate.reviewDecision } : undefined,
      resolvedBy: readResolution(incoming.resolution)?.by ?? null,
      resolvedCustomerId: incoming.resolvedCustomerId,
    },
    decision,
  );
  if (!check.allowed) throw new AppError('conflict', check.reason, { processing_status: incoming.processingStatus, version: incoming.version });
}

const stale = (what: string, yours: number, now: number) =>
  new AppError('conflict', `This ${what} changed since you loaded it (your version ${yours}, now ${now}); reload it and decide again`, { current_version: now });

async function audit(ctx: ServiceContext, action: string, entityType: string, entityId: number, before: unknown, after: unknown): Promise<void> {
  await appendAuditEvent(ctx.db, { actor: ctx.actor, action, entityType, entityId: String(entityId), before, after, requestId: ctx.requestId });
}

const outcome = (incoming: IncomingCustomer, partial: Partial<DecisionOutcome>): DecisionOutcome => ({
  incoming, result: null, customer: null, superseded: [], undo: null, dryRun: false, ...partial,
});

/** Accept, merge, create new or dismiss: the record is resolved and every other open candidate is superseded. */
async function resolve(ctx: ServiceContext, incoming: IncomingCustomer, match: MatchingResult | null, decision: Decision & { decision: ResolvingDecision }): Promise<DecisionOutcome> {
  // A link never joins two records that cannot be one customer (lib/domain/entity-conflict.ts).
  if (match && (decision.decision === 'accept' || decision.decision === 'merge')) await refuseEntityConflict(ctx, incoming, match.customerId);
  const decided = match ? await recordReview(ctx.db, match.id, match.version, { decision: decision.decision, reviewer: decision.reviewer, notes: decision.notes }) : null;
  if (match && !decided) throw stale('match', match.version, match.version + 1);
  const superseded = await closeOpenCandidates(ctx.db, incoming.id, { decision: 'superseded', reviewer: decision.reviewer, exceptId: match?.id });
  const effect = await applyResolvingEffect(ctx, incoming, decision.decision, match, decision.mergeBlocks);
  const resolution: Resolution = {
    decision: decision.decision,
    match_id: match?.id ?? null,
    customer_id: effect.customer?.id ?? null,
    previous_state: incoming.processingStatus === 'error' ? 'error' : incoming.processingStatus === 'no_match' ? 'no_match' : 'matched',
    closed_match_ids: [...(match ? [match.id] : []), ...superseded],
    ...(effect.merged ? { merged: effect.merged } : {}),
    by: decision.reviewer,
    at: new Date().toISOString(),
    notes: decision.notes,
  };
  const state = RESOLVING[decision.decision];
  const updated = await writeResolution(ctx.db, incoming.id, incoming.version, { status: state, resolution, resolvedCustomerId: resolution.customer_id });
  if (!updated) throw stale('record', incoming.version, incoming.version + 1);
  if (match && decided) {
    await audit(ctx, `match.${decision.decision}`, 'matching_result', match.id,
      { reviewed: match.reviewed, review_decision: match.reviewDecision, version: match.version, incoming_status: incoming.processingStatus },
      { reviewed: true, review_decision: decision.decision, version: decided.version, incoming_id: incoming.id, customer_id: resolution.customer_id ?? match.customerId, reviewer: decision.reviewer, notes: decision.notes });
  }
  for (const id of superseded) await audit(ctx, 'match.superseded', 'matching_result', id, { reviewed: false }, { review_decision: 'superseded', incoming_id: incoming.id, by_decision: decision.decision, by_match_id: match?.id ?? null });
  await audit(ctx, `incoming.${state}`, 'incoming_customer', incoming.id, { status: incoming.processingStatus, version: incoming.version }, { status: state, version: updated.version, resolution });
  return outcome(updated, { result: decided ?? null, customer: effect.customer, superseded });
}

/** Not this customer: the record stays open, and becomes "no match: decide" when no candidate is left. */
async function reject(ctx: ServiceContext, incoming: IncomingCustomer, match: MatchingResult, decision: Decision): Promise<DecisionOutcome> {
  const decided = await recordReview(ctx.db, match.id, match.version, { decision: 'reject', reviewer: decision.reviewer, notes: decision.notes });
  if (!decided) throw stale('match', match.version, match.version + 1);
  const state = openState(await countOpenCandidates(ctx.db, incoming.id));
  if (state !== incoming.processingStatus) await setIncomingStatus(ctx.db, incoming.id, state);
  await audit(ctx, 'match.reject', 'matching_result', match.id,
    { reviewed: match.reviewed, review_decision: match.reviewDecision, version: match.version, incoming_status: incoming.processingStatus },
    { reviewed: true, review_decision: 'reject', version: decided.version, incoming_id: incoming.id, customer_id: match.customerId, reviewer: decision.reviewer, notes: decision.notes, incoming_status: state });
  if (state !== incoming.processingStatus) await audit(ctx, `incoming.${state}`, 'incoming_customer', incoming.id, { status: incoming.processingStatus }, { status: state, reason: `candidate match #${match.id} rejected` });
  return outcome((await findIncomingById(ctx.db, incoming.id))!, { result: decided });
}

/** Undo a rejection while the record is still open: the candidate is back in the queue. */
async function reopenCandidate(ctx: ServiceContext, incoming: IncomingCustomer, match: MatchingResult, decision: Decision): Promise<DecisionOutcome> {
  const undo: UndoPlan = { reopenMatchIds: [match.id], restore: {}, keep: [], deleteCustomerId: null, blockers: [], effects: [`Candidate match #${match.id} goes back to the review queue.`] };
  if (decision.dryRun) return outcome(incoming, { result: match, undo, dryRun: true });
  await reopenCandidates(ctx.db, incoming.id, [match.id]);
  if (incoming.processingStatus !== 'matched') await setIncomingStatus(ctx.db, incoming.id, 'matched');
  await audit(ctx, 'match.reopened', 'matching_result', match.id, { review_decision: match.reviewDecision, reviewer: match.reviewer }, { reviewed: false, incoming_id: incoming.id, notes: decision.notes });
  if (incoming.processingStatus !== 'matched') await audit(ctx, 'incoming.matched', 'incoming_customer', incoming.id, { status: incoming.processingStatus }, { status: 'matched', reason: `rejection of match #${match.id} undone` });
  return outcome((await findIncomingById(ctx.db, incoming.id))!, { result: (await findMatchResult(ctx.db, match.id)) ?? null, undo });
}

/** Before resolutions were recorded in full (migrated rows): the link alone is known. */
function legacyResolution(incoming: IncomingCustomer): Resolution {
  const decision = incoming.processingStatus === 'linked' ? 'accept' : incoming.processingStatus === 'created' ? 'create_new' : 'dismiss';
  return { decision, match_id: null, customer_id: decision === 'create_new' ? null : incoming.resolvedCustomerId, previous_state: 'matched', closed_match_ids: [], by: 'unknown', at: (incoming.resolvedAt ?? new Date()).toISOString(), notes: null, legacy: true };
}

/** "Change decision": undo what the resolving decision did, after saying what that is (dry_run). */
async function reopenRecord(ctx: ServiceContext, incoming: IncomingCustomer, decision: Decision): Promise<DecisionOutcome> {
  const resolution = readResolution(incoming.resolution) ?? legacyResolution(incoming);
  const plan = await undoPlanFor(ctx, incoming, resolution);
  if (decision.dryRun) return outcome(incoming, { undo: plan, dryRun: true });
  if (plan.blockers.length > 0) throw new AppError('conflict', plan.blockers.join(' '), { blockers: plan.blockers });
  await applyUndo(ctx, incoming, resolution, plan);
  const reopened = await reopenCandidates(ctx.db, incoming.id, plan.reopenMatchIds);
  const open = await countOpenCandidates(ctx.db, incoming.id);
  const state = open === 0 && resolution.previous_state === 'error' ? 'error' : openState(open);
  const updated = await writeResolution(ctx.db, incoming.id, incoming.version, { status: state, resolution: null, resolvedCustomerId: null });
  if (!updated) throw stale('record', incoming.version, incoming.version + 1);
  for (const id of reopened) await audit(ctx, 'match.reopened', 'matching_result', id, { incoming_status: incoming.processingStatus }, { reviewed: false, incoming_id: incoming.id });
  await audit(ctx, 'incoming.reopened', 'incoming_customer', incoming.id, { status: incoming.processingStatus, resolution }, { status: state, undone: plan.effects, notes: decision.notes });
  return outcome(updated, { undo: plan });
}

function decisionOf(ctx: ServiceContext, input: { decision: MatchDecision; notes?: string | null; dry_run?: boolean }, reviewer?: string | null, mergeBlocks?: MergeBlock[]): Decision {
  return { decision: input.decision, notes: input.notes ?? null, reviewer: reviewer ?? ctx.actor, dryRun: input.dry_run === true, mergeBlocks };
}

/** A decision on one candidate (accept, reject, merge, create new, dismiss, or reopen what closed it). */
export async function reviewMatch(ctx: ServiceContext, matchId: number, input: ReviewInput): Promise<DecisionOutcome> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const found = await findMatchResult(tx, matchId);
    if (!found) throw notFound('Match', matchId);
    const incoming = await lockIncoming(tx, found.incomingId);
    if (!incoming) throw notFound('Incoming customer', found.incomingId);
    // Read again under the record's lock: a decision that committed meanwhile is seen.
    const match = (await findMatchResult(tx, matchId))!;
    refuseUnless(incoming, input.decision, match);
    if (match.version !== input.expected_version) throw stale('match', input.expected_version, match.version);
    const decision = decisionOf(ctx, input, input.reviewer, input.merge_fields);
    if (input.decision === 'reopen') return isResolved(incoming.processingStatus) ? reopenRecord(txCtx, incoming, decision) : reopenCandidate(txCtx, incoming, match, decision);
    if (input.decision === 'reject') return reject(txCtx, incoming, match, decision);
    // Create new or dismiss from a candidate already rejected is about the record: that rejection stands.
    return resolve(txCtx, incoming, match.reviewDecision === null ? match : null, { ...decision, decision: input.decision });
  });
}

/** A decision on the record itself: create new, dismiss, or change the decision that resolved it. */
export async function decideIncoming(ctx: ServiceContext, incomingId: number, input: RecordDecisionInput): Promise<DecisionOutcome> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const incoming = await lockIncoming(tx, incomingId);
    if (!incoming) throw notFound('Incoming customer', incomingId);
    refuseUnless(incoming, input.decision);
    if (incoming.version !== input.expected_version) throw stale('record', input.expected_version, incoming.version);
    const decision = decisionOf(ctx, input);
    if (input.decision === 'reopen') return reopenRecord(txCtx, incoming, decision);
    return resolve(txCtx, incoming, null, { ...decision, decision: input.decision });
  });
}

/** What "Change decision" would undo now, for the page that asks before doing it; null when nothing is resolved. */
export async function previewChangeDecision(ctx: ServiceContext, incoming: IncomingCustomer): Promise<UndoPlan | null> {
  if (!isResolved(incoming.processingStatus)) return null;
  return undoPlanFor(ctx, incoming, readResolution(incoming.resolution) ?? legacyResolution(incoming));
}
