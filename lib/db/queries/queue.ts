// The incoming queue: claim rows for matching so that concurrent workers never take the same row
// (FOR UPDATE SKIP LOCKED), renew and release claims, mark failures. A claim is claimed_at/claimed_by;
// a claim older than the lease belongs to a worker presumed dead and may be taken again.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { queryRows } from '../rows';
import type { IncomingState } from '../../domain/resolution';
import { incomingCustomers, type IncomingCustomer } from '../schema';

export interface ClaimRequest {
  workerId: string;
  limit: number;
  leaseSeconds: number;
}

/** No claim, or one older than the lease. */
const unclaimed = (leaseSeconds: number) => sql`(claimed_at is null or claimed_at < now() - make_interval(secs => ${leaseSeconds}))`;

function ids(rows: Array<{ id: string | number }>): number[] {
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/**
 * Claims up to `limit` queued rows, oldest first, and sets them to 'matching'. Queued = 'pending', or
 * 'matching' under an expired claim (its worker died). The same statement runs on PGlite.
 */
export async function claimPending(db: Database, request: ClaimRequest): Promise<number[]> {
  const rows = await queryRows<{ id: string; received_at: string }>(
    db,
    sql`update incoming_customers
        set processing_status = 'matching', claimed_at = now(), claimed_by = ${request.workerId}
        where id in (
          select id from incoming_customers
          where processing_status in ('pending', 'matching') and ${unclaimed(request.leaseSeconds)}
          order by received_at, id
          limit ${request.limit}
          for update skip locked)
        returning id`,
  );
  return ids(rows);
}

/** Resolved records keep their decision and results: a re-match leaves them out. */
const unresolved = sql`processing_status not in ('linked', 'created', 'dismissed')`;

/** Claims unresolved rows with id > afterId for a re-match (--all); only the claim marks the row as taken. */
export async function claimAfter(db: Database, request: ClaimRequest & { afterId: number }): Promise<number[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update incoming_customers
        set claimed_at = now(), claimed_by = ${request.workerId}
        where id in (
          select id from incoming_customers
          where id > ${request.afterId} and ${unresolved} and ${unclaimed(request.leaseSeconds)}
          order by id
          limit ${request.limit}
          for update skip locked)
        returning id`,
  );
  return ids(rows);
}

/** Claims one unresolved row by id; empty when another worker holds a live claim on it. */
export async function claimById(db: Database, request: ClaimRequest & { id: number }): Promise<number[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update incoming_customers set claimed_at = now(), claimed_by = ${request.workerId}
        where id = ${request.id} and ${unresolved} and ${unclaimed(request.leaseSeconds)}
        returning id`,
  );
  return ids(rows);
}

/** Refreshes the lease before work starts on a row; false when the claim was lost (taken over after expiry). */
export async function renewClaim(db: Database, id: number, workerId: string): Promise<boolean> {
  const rows = await db
    .update(incomingCustomers)
    .set({ claimedAt: sql`now()` })
    .where(and(eq(incomingCustomers.id, id), eq(incomingCustomers.claimedBy, workerId)))
    .returning({ id: incomingCustomers.id });
  return rows.length > 0;
}

/** Ends a claim after the row was processed (its status was set by the matcher or markFailed). */
export async function finishClaim(db: Database, id: number, workerId: string): Promise<void> {
  await db
    .update(incomingCustomers)
    .set({ claimedAt: null, claimedBy: null })
    .where(and(eq(incomingCustomers.id, id), eq(incomingCustomers.claimedBy, workerId)));
}

/** Gives unprocessed claims back: rows claimed from the queue return to 'pending'. */
export async function releaseClaims(db: Database, workerId: string, rowIds: number[]): Promise<number> {
  if (rowIds.length === 0) return 0;
  const rows = await db
    .update(incomingCustomers)
    .set({
      claimedAt: null,
      claimedBy: null,
      processingStatus: sql`case when ${incomingCustomers.processingStatus} = 'matching' then 'pending' else ${incomingCustomers.processingStatus} end`,
    })
    .where(and(inArray(incomingCustomers.id, rowIds), eq(incomingCustomers.claimedBy, workerId)))
    .returning({ id: incomingCustomers.id });
  return rows.length;
}

/** A row whose matching threw: status 'error' with a short reason (never a stack), claim ended. */
export async function markFailed(db: Database, id: number, workerId: string, reason: string): Promise<void> {
  await db
    .update(incomingCustomers)
    // A steward's decision stands even if a re-match fails; the reason is kept either way.
    .set({
      processingStatus: sql`case when ${incomingCustomers.processingStatus} in ('linked', 'created', 'dismissed') then ${incomingCustomers.processingStatus} else 'error' end`,
      version: sql`${incomingCustomers.version} + 1`,
      errorMessage: reason,
      processedAt: sql`now()`,
      claimedAt: null,
      claimedBy: null,
    })
    .where(and(eq(incomingCustomers.id, id), eq(incomingCustomers.claimedBy, workerId)));
}

/** Puts failed rows back in the queue (after the cause was fixed). */
export async function requeueFailed(db: Database): Promise<number> {
  const rows = await db
    .update(incomingCustomers)
    .set({ processingStatus: 'pending', errorMessage: null, claimedAt: null, claimedBy: null })
    .where(and(eq(incomingCustomers.processingStatus, 'error'), isNull(incomingCustomers.claimedBy)))
    .returning({ id: incomingCustomers.id });
  return rows.length;
}

/** Rows a --pending run would take now (queued and not under a live claim). */
export async function countClaimable(db: Database, leaseSeconds: number): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from incoming_customers where processing_status in ('pending', 'matching') and ${unclaimed(leaseSeconds)}`,
  );
  return Number(row.n);
}

/** Unresolved records with id > afterId: what a re-match (--all) would take. */
export async function countIncoming(db: Database, afterId = 0): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from incoming_customers where id > ${afterId} and ${unresolved}`);
  return Number(row.n);
}

export async function countByStatus(db: Database): Promise<Partial<Record<IncomingState, number>>> {
  const rows = await queryRows<{ status: IncomingState; n: string | number }>(
    db,
    sql`select processing_status as status, count(*) as n from incoming_customers group by processing_status`,
  );
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** The business fields of the given rows that lack derived match keys or embeddings (e.g. loaded by a pipeline). */
export async function rowsMissingMatchData(db: Database, rowIds: number[]): Promise<IncomingCustomer[]> {
  if (rowIds.length === 0) return [];
  return db
    .select()
    .from(incomingCustomers)
    .where(
      and(
        inArray(incomingCustomers.id, rowIds),
        or(
          eq(incomingCustomers.needsEmbedding, true),
          isNull(incomingCustomers.embeddingModel),
          isNull(incomingCustomers.companyNameEmbedding),
          isNull(incomingCustomers.fullProfileEmbedding),
        ),
      ),
    );
}

export type IncomingMatchData = Pick<
  typeof incomingCustomers.$inferInsert,
  | 'nameNormalized' | 'legalForm' | 'emailNormalized' | 'emailDomain' | 'phoneE164' | 'websiteDomain' | 'postalCodeNormalized'
  | 'streetNumber' | 'identifierKeys' | 'companyNameEmbedding' | 'fullProfileEmbedding' | 'embeddingModel'
>;

export async function storeIncomingMatchData(db: Database, id: number, data: IncomingMatchData, needsEmbedding = false): Promise<void> {
  await db.update(incomingCustomers).set({ ...data, needsEmbedding }).where(eq(incomingCustomers.id, id));
}
