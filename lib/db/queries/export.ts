// Export reads: one keyset page at a time (id > after, id order), so an export of any size never holds
// more than a page in memory. Matches, steward decisions (from the audit log) and customers.
import { aliasedTable, and, asc, count, eq, gt, gte, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { auditEvents, customers, incomingCustomers, matchingResults } from '../schema';
import type { ConfidenceBand } from '../../matching/types';

export interface ExportFilter {
  bands?: ConfidenceBand[];
  reviewed?: boolean;
  since?: Date;
}

const matchedCustomers = aliasedTable(customers, 'matched_customer');

function matchConditions(filter: ExportFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.bands?.length) conditions.push(inArray(matchingResults.confidenceBand, filter.bands));
  if (filter.reviewed !== undefined) conditions.push(eq(matchingResults.reviewed, filter.reviewed));
  if (filter.since) conditions.push(gte(matchingResults.updatedAt, filter.since));
  return conditions;
}

export async function matchesPage(db: Database, filter: ExportFilter, afterId: number, limit: number) {
  return db
    .select({
      matchId: matchingResults.id,
      incomingId: matchingResults.incomingId,
      incomingSourceSystem: incomingCustomers.sourceSystem,
      incomingSourceId: incomingCustomers.sourceId,
      incomingStatus: incomingCustomers.processingStatus,
      customerId: matchingResults.customerId,
      customerSourceSystem: matchedCustomers.sourceSystem,
      customerSourceId: matchedCustomers.sourceId,
      matchProbability: matchingResults.matchProbability,
      confidenceBand: matchingResults.confidenceBand,
      rank: matchingResults.rank,
      reviewed: matchingResults.reviewed,
      reviewDecision: matchingResults.reviewDecision,
      reviewer: matchingResults.reviewer,
      reviewedAt: matchingResults.reviewedAt,
      updatedAt: matchingResults.updatedAt,
      matchCriteria: matchingResults.matchCriteria,
    })
    .from(matchingResults)
    .innerJoin(incomingCustomers, eq(incomingCustomers.id, matchingResults.incomingId))
    .innerJoin(matchedCustomers, eq(matchedCustomers.id, matchingResults.customerId))
    .where(and(gt(matchingResults.id, afterId), ...matchConditions(filter)))
    .orderBy(asc(matchingResults.id))
    .limit(limit);
}

export type MatchExportRow = Awaited<ReturnType<typeof matchesPage>>[number];

/**
 * Steward decisions from the audit log: on candidates (match.accept, match.reject, match.superseded, ...), and
 * on records as a whole where no candidate carried them (create new or dismiss without one, change decision).
 */
function decisionConditions(filter: ExportFilter): SQL[] {
  const onCandidate = and(eq(auditEvents.entityType, 'matching_result'), like(auditEvents.action, 'match.%'));
  const onRecord = and(
    eq(auditEvents.entityType, 'incoming_customer'),
    or(eq(auditEvents.action, 'incoming.reopened'), and(inArray(auditEvents.action, ['incoming.created', 'incoming.dismissed']), sql`${auditEvents.after}->'resolution'->>'match_id' is null`)),
  );
  const conditions: SQL[] = [or(onCandidate, onRecord)!];
  if (filter.since) conditions.push(gte(auditEvents.at, filter.since));
  return conditions;
}

export async function decisionsPage(db: Database, filter: ExportFilter, afterId: number, limit: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.id, afterId), ...decisionConditions(filter)))
    .orderBy(asc(auditEvents.id))
    .limit(limit);
}

export type DecisionExportRow = Awaited<ReturnType<typeof decisionsPage>>[number];

export async function customersPage(db: Database, filter: ExportFilter, afterId: number, limit: number) {
  const conditions: SQL[] = [gt(customers.id, afterId)];
  if (filter.since) conditions.push(gte(customers.updatedAt, filter.since));
  return db
    .select({
      id: customers.id,
      companyName: customers.companyName,
      contactName: customers.contactName,
      email: customers.email,
      phone: customers.phone,
      addressLine1: customers.addressLine1,
      addressLine2: customers.addressLine2,
      city: customers.city,
      state: customers.state,
      postalCode: customers.postalCode,
      country: customers.country,
      industry: customers.industry,
      revenue: customers.revenue,
      employeeCount: customers.employeeCount,
      website: customers.website,
      description: customers.description,
      sourceSystem: customers.sourceSystem,
      sourceId: customers.sourceId,
    })
    .from(customers)
    .where(and(...conditions))
    .orderBy(asc(customers.id))
    .limit(limit);
}

export type CustomerExportRow = Awaited<ReturnType<typeof customersPage>>[number];

/** Rows an export will contain (for a progress bar). */
export async function exportRowCount(db: Database, what: 'matches' | 'decisions' | 'customers', filter: ExportFilter): Promise<number> {
  const [row] =
    what === 'matches' ? await db.select({ n: count() }).from(matchingResults).where(and(...matchConditions(filter)))
    : what === 'decisions' ? await db.select({ n: count() }).from(auditEvents).where(and(...decisionConditions(filter)))
    : await db.select({ n: count() }).from(customers).where(filter.since ? gte(customers.updatedAt, filter.since) : undefined);
  return Number(row.n);
}
