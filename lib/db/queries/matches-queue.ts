// The steward's review queue: one page of match results with both names, filtered and sorted in SQL.
// Offset pages with a hard cap (QUEUE_MAX_OFFSET) and a capped count, so no request walks the whole table.
import { and, asc, desc, eq, gte, ilike, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { escapeLike } from '../rows';
import { customers, incomingCustomers, matchingResults, type MatchingResult } from '../schema';
import type { ConfidenceBand } from '../../matching/types';
import type { CandidateDecision } from '../../domain/resolution';
import { MOST_UNCERTAIN_PROBABILITY, type QueueSort } from '../../schemas/review-queue';

export interface QueueFilter {
  bands: ConfidenceBand[];
  reviewed: 'no' | 'yes' | 'any';
  decision?: CandidateDecision;
  /** Created on or after this instant / before this instant. */
  createdFrom?: Date;
  createdBefore?: Date;
  text?: string;
}

export interface QueuePageRequest extends QueueFilter {
  sort: QueueSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  /** Counting stops here: the page shows "more than N". */
  countCap: number;
}

export interface QueueRow {
  result: Pick<MatchingResult, 'id' | 'incomingId' | 'customerId' | 'confidenceBand' | 'matchProbability' | 'matchCriteria' | 'rank' | 'reviewed' | 'reviewDecision' | 'reviewer' | 'version' | 'createdAt'>;
  incomingName: string | null;
  customerName: string | null;
  /** What a steward compares at a glance in the queue, for each side. */
  incoming: QueueContact;
  customer: QueueContact;
}

export interface QueueContact {
  contactName: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
}

function conditions(filter: QueueFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.bands.length > 0) where.push(inArray(matchingResults.confidenceBand, filter.bands));
  if (filter.reviewed !== 'any') where.push(eq(matchingResults.reviewed, filter.reviewed === 'yes'));
  if (filter.decision) where.push(eq(matchingResults.reviewDecision, filter.decision));
  if (filter.createdFrom) where.push(gte(matchingResults.createdAt, filter.createdFrom));
  if (filter.createdBefore) where.push(lt(matchingResults.createdAt, filter.createdBefore));
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text.toLowerCase())}%`;
    // customers.search_text has a trigram index; the incoming name is matched too so a steward finds what they just submitted.
    const byName = or(ilike(customers.searchText, pattern), ilike(incomingCustomers.companyName, pattern));
    where.push(/^\d{1,15}$/.test(filter.text) ? or(byName, eq(matchingResults.id, Number(filter.text)), eq(matchingResults.incomingId, Number(filter.text)))! : byName!);
  }
  return where.length ? and(...where) : undefined;
}

/** Band order for sorting: exact is "highest". */
const bandRank = sql`case ${matchingResults.confidenceBand} when 'exact' then 4 when 'high' then 3 when 'potential' then 2 else 1 end`;

function orderBy(request: QueuePageRequest): SQL[] {
  const direction = request.direction === 'asc' ? asc : desc;
  const tieBreak = direction(matchingResults.id);
  switch (request.sort) {
    case 'created':
      return [direction(matchingResults.createdAt), tieBreak];
    case 'band':
      return [direction(bandRank), direction(matchingResults.matchProbability), tieBreak];
    case 'probability':
      return [direction(matchingResults.matchProbability), tieBreak];
    case 'uncertainty': {
      // Descending uncertainty = nearest even odds first. No index serves this order: the page is a top-N sort of the filtered rows.
      const distance = sql`abs(${matchingResults.matchProbability} - ${MOST_UNCERTAIN_PROBABILITY})`;
      return [request.direction === 'desc' ? asc(distance) : desc(distance), tieBreak];
    }
  }
}

function selectQueueRows(db: Database, where: SQL | undefined) {
  return db
    .select({
      result: {
        id: matchingResults.id,
        incomingId: matchingResults.incomingId,
        customerId: matchingResults.customerId,
        confidenceBand: matchingResults.confidenceBand,
        matchProbability: matchingResults.matchProbability,
        matchCriteria: matchingResults.matchCriteria,
        rank: matchingResults.rank,
        reviewed: matchingResults.reviewed,
        reviewDecision: matchingResults.reviewDecision,
        reviewer: matchingResults.reviewer,
        version: matchingResults.version,
        createdAt: matchingResults.createdAt,
      },
      incomingName: incomingCustomers.companyName,
      customerName: customers.companyName,
      incoming: {
        contactName: incomingCustomers.contactName,
        email: incomingCustomers.email,
        phone: incomingCustomers.phone,
        city: incomingCustomers.city,
        country: incomingCustomers.country,
      },
      customer: { contactName: customers.contactName, email: customers.email, phone: customers.phone, city: customers.city, country: customers.country },
    })
    .from(matchingResults)
    .innerJoin(incomingCustomers, eq(incomingCustomers.id, matchingResults.incomingId))
    .innerJoin(customers, eq(customers.id, matchingResults.customerId))
    .where(where);
}

/** One page of rows, sorted; exported so a test can EXPLAIN it (matching_results_queue_idx serves the default sort). */
export function queuePageQuery(db: Database, request: QueuePageRequest) {
  return selectQueueRows(db, conditions(request)).orderBy(...orderBy(request)).limit(request.limit).offset(request.offset);
}

export async function pageReviewQueue(db: Database, request: QueuePageRequest): Promise<{ rows: QueueRow[]; total: number; totalCapped: boolean }> {
  const where = conditions(request);
  const counted = db
    .select({ one: sql`1` })
    .from(matchingResults)
    .innerJoin(incomingCustomers, eq(incomingCustomers.id, matchingResults.incomingId))
    .innerJoin(customers, eq(customers.id, matchingResults.customerId))
    .where(where)
    .limit(request.countCap + 1)
    .as('counted');
  const [rows, [{ total }]] = await Promise.all([
    queuePageQuery(db, request),
    db.select({ total: sql<number>`count(*)::int` }).from(counted),
  ]);
  return { rows, total: Math.min(total, request.countCap), totalCapped: total > request.countCap };
}

/**
 * The other rows of these incoming records that fit the same filter but are not in `shownIds` (on another
 * page): the queue shows a record's candidates together. Best first; bounded, a record has few candidates.
 */
export async function queueSiblingRows(db: Database, filter: QueueFilter, incomingIds: number[], shownIds: number[]): Promise<QueueRow[]> {
  if (incomingIds.length === 0) return [];
  const where = and(conditions(filter), inArray(matchingResults.incomingId, incomingIds), shownIds.length ? notInArray(matchingResults.id, shownIds) : undefined);
  return selectQueueRows(db, where).orderBy(desc(matchingResults.matchProbability), asc(matchingResults.id)).limit(incomingIds.length * 10);
}

/**
 * The open match after `current` in the queue's default order (probability, then id, both descending) that
 * belongs to another incoming record, wrapping to the top; null when none is left. "Next" on the match page.
 */
export async function findNextOpenMatch(db: Database, current: { id: number; incomingId: number; probability: number }): Promise<number | null> {
  const open = and(eq(matchingResults.reviewed, false), ne(matchingResults.incomingId, current.incomingId));
  const after = or(
    lt(matchingResults.matchProbability, current.probability),
    and(eq(matchingResults.matchProbability, current.probability), lt(matchingResults.id, current.id)),
  );
  const first = (where: SQL | undefined) =>
    db
      .select({ id: matchingResults.id })
      .from(matchingResults)
      .innerJoin(incomingCustomers, eq(incomingCustomers.id, matchingResults.incomingId))
      .innerJoin(customers, eq(customers.id, matchingResults.customerId))
      .where(where)
      .orderBy(desc(matchingResults.matchProbability), desc(matchingResults.id))
      .limit(1);
  const [next] = await first(and(open, after));
  if (next) return next.id;
  const [top] = await first(open);
  return top?.id ?? null;
}
