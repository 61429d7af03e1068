// Dashboard aggregates: one grouped query per figure, each bounded to rows since a given instant and
// served by an index on the time column (schema.ts), so the page stays cheap as the tables grow.
import { and, eq, gte, isNotNull, ne, sql } from 'drizzle-orm';
import { queryRows } from '../rows';
import type { Database } from '../client';
import { incomingCustomers, matchingResults } from '../schema';

/** Days are UTC calendar days, as YYYY-MM-DD, so every database and browser agrees on the buckets. */
const utcDay = (column: typeof matchingResults.createdAt | typeof matchingResults.reviewedAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;

const count = sql<number>`count(*)::int`;

/** Incoming records received since `since`, by processing status. */
export async function incomingCountsByStatus(db: Database, since: Date): Promise<Array<{ status: string; count: number }>> {
  return db
    .select({ status: incomingCustomers.processingStatus, count })
    .from(incomingCustomers)
    .where(gte(incomingCustomers.receivedAt, since))
    .groupBy(incomingCustomers.processingStatus);
}

/** Each matched record's best candidate (rank 1) created since `since`, by band: how confident matching was. */
export async function bestMatchCountsByBand(db: Database, since: Date): Promise<Array<{ band: string; count: number }>> {
  return db
    .select({ band: matchingResults.confidenceBand, count })
    .from(matchingResults)
    .where(and(eq(matchingResults.rank, 1), gte(matchingResults.createdAt, since)))
    .groupBy(matchingResults.confidenceBand);
}

/** Best matches per UTC day and band since `since`. */
export async function bestMatchesPerDay(db: Database, since: Date): Promise<Array<{ day: string; band: string; count: number }>> {
  const day = utcDay(matchingResults.createdAt);
  return db
    .select({ day, band: matchingResults.confidenceBand, count })
    .from(matchingResults)
    .where(and(eq(matchingResults.rank, 1), gte(matchingResults.createdAt, since)))
    .groupBy(day, matchingResults.confidenceBand);
}

/** Steward decisions per UTC day and decision since `since`. */
export async function decisionsPerDay(db: Database, since: Date): Promise<Array<{ day: string; decision: string; count: number }>> {
  const day = utcDay(matchingResults.reviewedAt);
  return db
    .select({ day, decision: sql<string>`${matchingResults.reviewDecision}`, count })
    .from(matchingResults)
    // Superseded candidates were closed by another decision, not decided on their own.
    .where(and(gte(matchingResults.reviewedAt, since), isNotNull(matchingResults.reviewDecision), ne(matchingResults.reviewDecision, 'superseded')))
    .groupBy(day, matchingResults.reviewDecision);
}

/**
 * The open review backlog, all time (a backlog hidden by a date window would mislead): every record still
 * to decide (to review, or no match: decide), by the band of its best open candidate ('none' without one).
 */
export async function openBacklogByBand(db: Database): Promise<Array<{ band: string; count: number; oldestReceivedAt: Date | null }>> {
  const rows = await queryRows<{ band: string; count: string | number; oldest: string | Date | null }>(
    db,
    sql`select coalesce(best.band, 'none') as band, count(*) as count, min(i.received_at) as oldest
        from incoming_customers i
        left join lateral (
          select m.confidence_band as band from matching_results m
          where m.incoming_id = i.id and m.reviewed = false
          order by m.match_probability desc, m.id limit 1) best on true
        where i.processing_status in ('matched', 'no_match')
        group by 1`,
  );
  return rows.map((row) => ({ band: row.band, count: Number(row.count), oldestReceivedAt: row.oldest === null ? null : new Date(row.oldest) }));
}

/** Median seconds from a match being stored to its decision, over decisions since `since`; null without any. */
export async function medianSecondsToReview(db: Database, since: Date): Promise<number | null> {
  const [row] = await db
    .select({
      median: sql<string | number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${matchingResults.reviewedAt} - ${matchingResults.createdAt}))`,
    })
    .from(matchingResults)
    .where(and(gte(matchingResults.reviewedAt, since), ne(matchingResults.reviewDecision, 'superseded')));
  return row?.median === null || row?.median === undefined ? null : Number(row.median);
}
