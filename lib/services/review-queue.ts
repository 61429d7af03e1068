// The review queue: a filtered, sorted page of match results, and bulk accept of exact matches
// (each with the version the steward saw; conflicts are reported, never overwritten).
import { findNextOpenMatch, pageReviewQueue, queueSiblingRows, type QueueContact, type QueueFilter, type QueueRow } from '../db/queries/matches-queue';
import { findMatchResult } from '../db/queries/matches';
import { listIncoming } from '../db/queries/incoming';
import { countByStatus } from '../db/queries/queue';
import { AppError } from '../errors';
import { QUEUE_MAX_OFFSET, type BulkAcceptInput, type ReviewQueueQuery } from '../schemas/review-queue';
import type { ServiceContext } from './context';
import { reviewMatch } from './resolution';

// Pages and components name the stored rows through this service, never through the database module.
export type { QueueContact, QueueRow };

export interface ReviewQueuePage {
  rows: QueueRow[];
  /** Other candidates of the records on this page that fit the filter but fall on another page: shown with their record. */
  siblingRows: QueueRow[];
  total: number;
  /** True when there are more rows than were counted. */
  totalCapped: boolean;
  page: number;
  pageCount: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function dayStart(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

export async function listReviewQueue(ctx: ServiceContext, query: ReviewQueueQuery): Promise<ReviewQueuePage> {
  const maxPage = Math.floor(QUEUE_MAX_OFFSET / query.size) + 1;
  if (query.page > maxPage) {
    throw new AppError('validation_failed', `Pages beyond ${maxPage} are not shown at this page size; narrow the filters or sort the other way`);
  }
  if (query.from && query.to && query.from > query.to) throw new AppError('validation_failed', 'The "from" date is after the "to" date; swap them');
  const filter: QueueFilter = {
    bands: query.band,
    reviewed: query.reviewed,
    decision: query.decision,
    createdFrom: query.from ? dayStart(query.from) : undefined,
    // "to" is inclusive: everything before the start of the next day.
    createdBefore: query.to ? new Date(dayStart(query.to).getTime() + DAY_MS) : undefined,
    text: query.q,
  };
  const { rows, total, totalCapped } = await pageReviewQueue(ctx.db, {
    ...filter,
    sort: query.sort,
    direction: query.dir,
    offset: (query.page - 1) * query.size,
    limit: query.size,
    countCap: QUEUE_MAX_OFFSET + query.size,
  });
  const incomingIds = [...new Set(rows.map((row) => row.result.incomingId))];
  const siblingRows = await queueSiblingRows(ctx.db, filter, incomingIds, rows.map((row) => row.result.id));
  return { rows, siblingRows, total, totalCapped, page: query.page, pageCount: Math.min(maxPage, Math.max(1, Math.ceil(total / query.size))) };
}

export interface UndecidedRecord {
  id: number;
  name: string;
  place: string;
  receivedAt: string;
  version: number;
}

/** Records with no candidate left to accept ("no match: decide"), oldest first: they stay in the queue until created or dismissed. */
export async function listNoMatchRecords(ctx: ServiceContext, limit: number, text?: string): Promise<{ records: UndecidedRecord[]; total: number }> {
  const { rows } = await listIncoming(ctx.db, { status: 'no_match', limit, q: text });
  const total = text ? rows.length : ((await countByStatus(ctx.db)).no_match ?? 0);
  return {
    records: rows.map((row) => ({
      id: row.id,
      name: row.companyName ?? row.contactName ?? `Incoming ${row.id}`,
      place: [row.city, row.country].filter(Boolean).join(', '),
      receivedAt: row.receivedAt.toISOString(),
      version: row.version,
    })),
    total,
  };
}

export interface BulkAcceptOutcome {
  accepted: number[];
  /** Matches left as they were, each with the reason. */
  skipped: Array<{ id: number; reason: string }>;
}

/** Accepts each exact-band match at the version the steward saw; one transaction per match so one conflict does not undo the rest. */
export async function bulkAcceptExact(ctx: ServiceContext, input: BulkAcceptInput): Promise<BulkAcceptOutcome> {
  const outcome: BulkAcceptOutcome = { accepted: [], skipped: [] };
  for (const { id, version } of input.matches) {
    const current = await findMatchResult(ctx.db, id);
    if (!current) {
      outcome.skipped.push({ id, reason: 'no longer exists' });
      continue;
    }
    if (current.confidenceBand !== 'exact') {
      outcome.skipped.push({ id, reason: `is in the ${current.confidenceBand} band, not exact; review it on its own` });
      continue;
    }
    try {
      await reviewMatch(ctx, id, { decision: 'accept', expected_version: version, notes: input.notes ?? null, reviewer: null, merge_fields: undefined });
      outcome.accepted.push(id);
    } catch (error) {
      // A sibling accepted just before, or someone else's decision: the message says which.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      outcome.skipped.push({ id, reason: error.message });
    }
  }
  return outcome;
}

/** The match a steward goes to after this one ("next" on the match page): the next open match of another record, or null. */
export async function nextOpenMatch(ctx: ServiceContext, current: { id: number; incomingId: number; matchProbability: number }): Promise<number | null> {
  return findNextOpenMatch(ctx.db, { id: current.id, incomingId: current.incomingId, probability: current.matchProbability });
}
