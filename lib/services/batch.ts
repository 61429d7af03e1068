// A batch of incoming records: each row is validated on its own, good rows are stored (and matched if
// asked), bad rows are reported with their field problems — nothing silently dropped.
import { fieldProblems, type FieldProblem } from '../http/validate';
import { findIncomingBySource } from '../db/queries/incoming';
import { AppError } from '../errors';
import { customerInputSchema, type CustomerInput } from '../schemas/customer';
import type { ServiceContext } from './context';
import { isUniqueViolation } from './db-errors';
import { getIncoming, receiveIncoming, sameRecordOrConflict, submitIncomingBulk, withSourceId, type Received } from './incoming';
import { matchesForIncoming, matchIncoming } from './matching';

type BestMatch = { customer_id: number; match_probability: number; confidence_band: string } | null;

export type BatchItemResult =
  /** `resubmitted`: received before (same source key, or same content without one); the stored record is returned. */
  | { index: number; status: 'stored'; incoming_id: number; processing_status: string; resubmitted: boolean; best_match?: BestMatch }
  | { index: number; status: 'rejected'; errors: FieldProblem[] };

export interface BatchOutcome {
  received: number;
  stored: number;
  rejected: number;
  results: BatchItemResult[];
}

type Keyed = { index: number; input: CustomerInput & { sourceId: string } };
type Stored = { id: number; resubmitted: boolean } | { conflict: string };

const sourceKey = (input: { sourceSystem: string; sourceId: string }) => `${input.sourceSystem}\u0000${input.sourceId}`;

/** What was received before answers for itself; the rest is stored in one bulk write. */
async function storeNew(ctx: ServiceContext, items: Keyed[]): Promise<Map<number, Stored>> {
  const stored = new Map<number, Stored>();
  const fresh = new Map<string, Keyed>();
  for (const item of items) {
    if (fresh.has(sourceKey(item.input))) continue;
    const existing = await findIncomingBySource(ctx.db, item.input.sourceSystem, item.input.sourceId);
    if (!existing) fresh.set(sourceKey(item.input), item);
    else stored.set(item.index, await sameOrConflict(() => sameRecordOrConflict(existing, item.input)));
  }
  const newItems = [...fresh.values()];
  try {
    const ids = await submitIncomingBulk(ctx, newItems.map((item) => item.input));
    newItems.forEach((item, i) => stored.set(item.index, { id: ids[i], resubmitted: false }));
  } catch (error) {
    // Another request stored some of these meanwhile: one by one, each finds its own answer.
    if (!isUniqueViolation(error)) throw error;
    for (const item of newItems) stored.set(item.index, await sameOrConflict(() => receiveIncoming(ctx, item.input)));
  }
  // A repeat inside the batch is the record of its first occurrence.
  for (const item of items) {
    if (stored.has(item.index)) continue;
    const first = stored.get(fresh.get(sourceKey(item.input))!.index)!;
    stored.set(item.index, 'id' in first ? { id: first.id, resubmitted: true } : first);
  }
  return stored;
}

async function sameOrConflict(receive: () => Received | Promise<Received>): Promise<Stored> {
  try {
    const { incoming, resubmitted } = await receive();
    return { id: incoming.id, resubmitted };
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') return { conflict: error.message };
    throw error;
  }
}

async function itemResult(ctx: ServiceContext, index: number, stored: { id: number; resubmitted: boolean }, match: boolean): Promise<BatchItemResult> {
  const incoming = await getIncoming(ctx, stored.id);
  // A record received before is matched only if it is still waiting; a resolved one keeps its decision.
  const matchNow = match && incoming.processingStatus === 'pending';
  const outcome = matchNow ? await matchIncoming(ctx, stored.id) : await matchesForIncoming(ctx, stored.id);
  const best = outcome.matches[0];
  return {
    index,
    status: 'stored',
    incoming_id: stored.id,
    processing_status: outcome.incoming.processingStatus,
    resubmitted: stored.resubmitted,
    ...(match ? { best_match: best ? { customer_id: best.result.customerId, match_probability: best.result.matchProbability, confidence_band: best.result.confidenceBand } : null } : {}),
  };
}

export async function submitIncomingBatch(ctx: ServiceContext, records: unknown[], options: { match: boolean }): Promise<BatchOutcome> {
  const results: BatchItemResult[] = new Array(records.length);
  const valid: Keyed[] = [];
  records.forEach((record, index) => {
    const parsed = customerInputSchema.safeParse(record);
    if (parsed.success) valid.push({ index, input: withSourceId(parsed.data) });
    else results[index] = { index, status: 'rejected', errors: fieldProblems(parsed.error) };
  });
  const stored = await storeNew(ctx, valid);
  for (const { index } of valid) {
    const outcome = stored.get(index)!;
    // The same source_id with other content than before: reported for that row, the rest go on.
    results[index] = 'conflict' in outcome ? { index, status: 'rejected', errors: [{ path: 'source_id', message: outcome.conflict }] } : await itemResult(ctx, index, outcome, options.match);
  }
  const rejected = results.filter((result) => result.status === 'rejected').length;
  return { received: records.length, stored: records.length - rejected, rejected, results };
}
