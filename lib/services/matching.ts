// matchIncoming: candidates → score → band → upsert results → status → audit, in one transaction.
import { appendAuditEvent } from '../db/queries/audit';
import { lockIncoming, setIncomingStatus } from '../db/queries/incoming';
import { countOpenCandidates, listMatchesForIncoming, replaceMatchResults, type MatchWithCustomer, type NewMatchingResult } from '../db/queries/matches';
import { isResolved, openState, STATE_LABELS } from '../domain/resolution';
import { AppError } from '../errors';
import type { IncomingCustomer } from '../db/schema';
import { logger } from '../logger';
import { matchCompleteness } from '../domain/match-completeness';
import type { ServiceContext } from './context';
import { getIncoming } from './incoming';
import { matchCriteria, withLinkedRecords } from './match-criteria';
import { matchSettings, type MatchSettings } from './matching-settings';
import { currentParameters } from './parameters';
import { competitionBitsOf, standaloneProbability } from '../matching/pipeline';
import { scoreRecord, type ScoredCandidate } from './scoring';
import type { ExactHold } from '../matching/types';

export interface MatchOutcome {
  incoming: IncomingCustomer;
  matches: MatchWithCustomer[];
  candidateCount: number;
  capped: boolean;
  likelyDuplicateCustomers: boolean;
  processingTimeMs: number;
  settings: MatchSettings;
  /** Every candidate scored (also those below the storage floor), best first. */
  scored: Array<{
    customerId: number;
    matchProbability: number;
    /** Bits, after competition. */
    matchWeight: number;
    /** The competing-candidates term inside matchWeight (≤ 0; 0 when no candidate excludes this one). */
    competitionBits: number;
    /** Why the pair may not be exact (compare-pair.ts exactHold), or null: a held pair is never in the exact band. */
    exactHold: ExactHold | null;
  }>;
  /** True when the record has no embeddings (provider down at submit): exact-key and trigram candidates only. */
  partial: boolean;
  warnings: string[];
}

export interface MatchOptions {
  settings?: MatchSettings;
  /** Customers never proposed, e.g. the record itself when looking for duplicates among customers. */
  excludeCustomerIds?: number[];
}

/**
 * The stored rows: the best candidates above the storage floor, ranked. A candidate that reaches the
 * floor alone but not against the candidates it excludes is kept too: "one of these two" is for a
 * steward to decide, not a reason to show nothing.
 */
function resultRows(incomingId: number, scored: ScoredCandidate[], linkedVia: Map<number, number[]>, settings: MatchSettings): NewMatchingResult[] {
  return scored
    .filter((candidate) => Math.max(candidate.matchProbability, standaloneProbability(candidate)) >= settings.minStoredProbability)
    .slice(0, settings.maxStoredResults)
    .map((candidate, index) => ({
      incomingId,
      customerId: candidate.customer.id,
      similarityScore: candidate.matchProbability,
      matchProbability: candidate.matchProbability,
      matchWeight: candidate.matchWeight,
      confidenceBand: candidate.confidenceBand,
      matchType: candidate.confidenceBand,
      matchCriteria: withLinkedRecords(matchCriteria(candidate), linkedVia.get(candidate.customer.id)),
      rank: index + 1,
    }));
}

/** A resolved record keeps its decision and its results: matching it again needs the decision changed first. */
export function refuseResolved(incoming: IncomingCustomer): void {
  if (!isResolved(incoming.processingStatus)) return;
  throw new AppError(
    'conflict',
    `Incoming #${incoming.id} is resolved (${STATE_LABELS[incoming.processingStatus].toLowerCase()}); change its decision first to match it again`,
    { processing_status: incoming.processingStatus },
  );
}

/** Idempotent: running it twice leaves the same rows (updated in place), never duplicates. */
export async function matchIncoming(ctx: ServiceContext, incomingId: number, options: MatchOptions = {}): Promise<MatchOutcome> {
  const settings = options.settings ?? matchSettings();
  const started = performance.now();
  const incoming = await getIncoming(ctx, incomingId);
  refuseResolved(incoming);
  const params = await currentParameters(ctx.db);
  const scoring = await scoreRecord(ctx.db, { record: incoming, matchData: incoming, excludeCustomerIds: options.excludeCustomerIds }, params, settings);
  const rows = resultRows(incoming.id, scoring.candidates, scoring.linkedVia, settings);
  await ctx.db.transaction(async (tx) => {
    // A decision taken while this record was being scored stands: nothing is written over it.
    refuseResolved((await lockIncoming(tx, incoming.id))!);
    await replaceMatchResults(tx, incoming.id, rows);
    // To review while a candidate is open (rejected ones stay rejected), else "no match: decide".
    const status = openState(await countOpenCandidates(tx, incoming.id));
    await setIncomingStatus(tx, incoming.id, status, { processedAt: new Date(), errorMessage: null });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: 'incoming.matched',
      entityType: 'incoming_customer',
      entityId: String(incoming.id),
      after: {
        status,
        candidates: scoring.candidateCount,
        stored_results: rows.length,
        best: rows[0] ? { customer_id: rows[0].customerId, probability: rows[0].matchProbability, band: rows[0].confidenceBand } : null,
        parameters_version: params.version,
        ...(matchCompleteness(incoming).partial ? { partial: true } : {}),
      },
      requestId: ctx.requestId,
    });
  });
  if (scoring.capped) logger().warn({ incomingId, candidates: scoring.candidateCount }, 'candidate cap reached; some candidates were not scored');
  const updated = await getIncoming(ctx, incoming.id);
  return {
    incoming: updated,
    matches: await listMatchesForIncoming(ctx.db, incoming.id),
    candidateCount: scoring.candidateCount,
    capped: scoring.capped,
    likelyDuplicateCustomers: scoring.likelyDuplicateCustomers,
    processingTimeMs: Math.round(performance.now() - started),
    settings,
    scored: scoring.candidates.map((candidate) => ({
      customerId: candidate.customer.id,
      matchProbability: candidate.matchProbability,
      matchWeight: candidate.matchWeight,
      competitionBits: competitionBitsOf(candidate),
      exactHold: candidate.exactHold,
    })),
    ...matchCompleteness(incoming),
  };
}

/** The stored ranked results of incoming {id} (no re-matching). */
export async function matchesForIncoming(ctx: ServiceContext, incomingId: number): Promise<{ incoming: IncomingCustomer; matches: MatchWithCustomer[] }> {
  const incoming = await getIncoming(ctx, incomingId);
  return { incoming, matches: await listMatchesForIncoming(ctx.db, incoming.id) };
}
