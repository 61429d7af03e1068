// Queries on matching results: idempotent upsert per (incoming, customer), and ranked reads.
import { and, asc, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../client';
import type { CandidateDecision } from '../../domain/resolution';
import { customers, incomingCustomers, matchingResults, type MatchingResult } from '../schema';

export type NewMatchingResult = typeof matchingResults.$inferInsert;

/**
 * Writes the current results of one incoming record: new pairs are inserted, existing pairs updated in
 * place (never duplicated), and unreviewed pairs that are no longer candidates removed. Reviewed pairs
 * keep their decision.
 */
export async function replaceMatchResults(db: Database, incomingId: number, results: NewMatchingResult[]): Promise<void> {
  const keepIds = results.map((result) => result.customerId);
  await db
    .delete(matchingResults)
    .where(
      and(
        eq(matchingResults.incomingId, incomingId),
        eq(matchingResults.reviewed, false),
        keepIds.length ? notInArray(matchingResults.customerId, keepIds) : undefined,
      ),
    );
  if (results.length === 0) return;
  await db
    .insert(matchingResults)
    .values(results)
    .onConflictDoUpdate({
      target: [matchingResults.incomingId, matchingResults.customerId],
      set: {
        similarityScore: sql`excluded.similarity_score`,
        matchProbability: sql`excluded.match_probability`,
        matchWeight: sql`excluded.match_weight`,
        confidenceBand: sql`excluded.confidence_band`,
        matchType: sql`excluded.match_type`,
        matchCriteria: sql`excluded.match_criteria`,
        rank: sql`excluded.rank`,
        updatedAt: sql`now()`,
        version: sql`${matchingResults.version} + 1`,
      },
    });
}

export async function findMatchResult(db: Database, id: number): Promise<MatchingResult | undefined> {
  const [row] = await db.select().from(matchingResults).where(eq(matchingResults.id, id)).limit(1);
  return row;
}

/** Records a decision only if the row is still at the expected version (optimistic locking). */
export async function recordReview(
  db: Database,
  id: number,
  expectedVersion: number,
  review: { decision: NonNullable<MatchingResult['reviewDecision']>; reviewer: string; notes: string | null },
): Promise<MatchingResult | undefined> {
  const [row] = await db
    .update(matchingResults)
    .set({
      reviewed: true,
      reviewDecision: review.decision,
      reviewer: review.reviewer,
      reviewerNotes: review.notes,
      reviewedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${matchingResults.version} + 1`,
    })
    .where(and(eq(matchingResults.id, id), eq(matchingResults.version, expectedVersion)))
    .returning();
  return row;
}

/** Closes every open candidate of a record (but `exceptId`) with `decision`; returns their ids. */
export async function closeOpenCandidates(
  db: Database,
  incomingId: number,
  review: { decision: NonNullable<MatchingResult['reviewDecision']>; reviewer: string; exceptId?: number },
): Promise<number[]> {
  const rows = await db
    .update(matchingResults)
    .set({ reviewed: true, reviewDecision: review.decision, reviewer: review.reviewer, reviewedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${matchingResults.version} + 1` })
    .where(
      and(
        eq(matchingResults.incomingId, incomingId),
        eq(matchingResults.reviewed, false),
        review.exceptId !== undefined ? sql`${matchingResults.id} <> ${review.exceptId}` : undefined,
      ),
    )
    .returning({ id: matchingResults.id });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** Opens candidates again (a decision undone); returns the ids that still exist. */
export async function reopenCandidates(db: Database, incomingId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(matchingResults)
    .set({ reviewed: false, reviewDecision: null, reviewer: null, reviewerNotes: null, reviewedAt: null, updatedAt: sql`now()`, version: sql`${matchingResults.version} + 1` })
    .where(and(eq(matchingResults.incomingId, incomingId), inArray(matchingResults.id, ids)))
    .returning({ id: matchingResults.id });
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** Reviewed candidates whose decision is one of `decisions` (the labelling ones): the pairs stewards judged. */
export async function reviewedPairs(db: Database, decisions: readonly CandidateDecision[]): Promise<Array<{ incomingId: number; customerId: number; decision: CandidateDecision }>> {
  const rows = await db
    .select({ incomingId: matchingResults.incomingId, customerId: matchingResults.customerId, decision: matchingResults.reviewDecision })
    .from(matchingResults)
    .where(and(eq(matchingResults.reviewed, true), inArray(matchingResults.reviewDecision, [...decisions])))
    .orderBy(asc(matchingResults.id));
  return rows.map((row) => ({ ...row, decision: row.decision! }));
}

export async function countOpenCandidates(db: Database, incomingId: number): Promise<number> {
  const [row] = await db
    .select({ open: count() })
    .from(matchingResults)
    .where(and(eq(matchingResults.incomingId, incomingId), eq(matchingResults.reviewed, false)));
  return Number(row?.open ?? 0);
}

/** Incoming records that have a candidate row for this customer (their state depends on it). */
export async function incomingIdsWithCandidate(db: Database, customerId: number): Promise<number[]> {
  const rows = await db.selectDistinct({ id: matchingResults.incomingId }).from(matchingResults).where(eq(matchingResults.customerId, customerId));
  return rows.map((row) => row.id);
}

export interface MatchWithCustomer {
  result: MatchingResult;
  customer: { id: number; companyName: string | null; contactName: string | null; email: string | null; phone: string | null; city: string | null; country: string | null };
}

export async function listMatchesForIncoming(db: Database, incomingId: number): Promise<MatchWithCustomer[]> {
  const rows = await db
    .select({
      result: matchingResults,
      customer: {
        id: customers.id,
        companyName: customers.companyName,
        contactName: customers.contactName,
        email: customers.email,
        phone: customers.phone,
        city: customers.city,
        country: customers.country,
      },
    })
    .from(matchingResults)
    .innerJoin(customers, eq(customers.id, matchingResults.customerId))
    .where(eq(matchingResults.incomingId, incomingId))
    .orderBy(asc(matchingResults.rank), desc(matchingResults.matchWeight), asc(matchingResults.customerId));
  return rows;
}

export interface MatchWithIncoming {
  result: MatchingResult;
  incoming: { id: number; companyName: string | null; contactName: string | null; sourceSystem: string; processingStatus: string; receivedAt: Date };
}

/** The incoming records matched to one customer, newest first (matching_results_customer_idx), bounded. */
export async function listMatchesForCustomer(db: Database, customerId: number, limit: number): Promise<{ rows: MatchWithIncoming[]; hasMore: boolean }> {
  const rows = await db
    .select({
      result: matchingResults,
      incoming: {
        id: incomingCustomers.id,
        companyName: incomingCustomers.companyName,
        contactName: incomingCustomers.contactName,
        sourceSystem: incomingCustomers.sourceSystem,
        processingStatus: incomingCustomers.processingStatus,
        receivedAt: incomingCustomers.receivedAt,
      },
    })
    .from(matchingResults)
    .innerJoin(incomingCustomers, eq(incomingCustomers.id, matchingResults.incomingId))
    .where(eq(matchingResults.customerId, customerId))
    .orderBy(desc(matchingResults.createdAt), desc(matchingResults.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
