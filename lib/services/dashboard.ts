// The dashboard's figures for the last N days, as plain serialisable data for server and client components.
import 'server-only';
import {
  bestMatchCountsByBand,
  bestMatchesPerDay,
  decisionsPerDay,
  incomingCountsByStatus,
  medianSecondsToReview,
  openBacklogByBand,
} from '../db/queries/dashboard';
import { INCOMING_STATES, type IncomingState } from '../domain/resolution';
import { CONFIDENCE_BANDS, type ConfidenceBand } from '../matching/types';
import type { ServiceContext } from './context';
import { countsByKey, dailySeries, sum, utcDays, windowStart, type DailySeries } from './dashboard-series';

/** Decisions a steward took on a candidate (superseded ones were closed by another decision). */
export const STEWARD_DECISIONS = ['accept', 'merge', 'create_new', 'dismiss', 'reject'] as const;
export type StewardDecision = (typeof STEWARD_DECISIONS)[number];
export const BACKLOG_BANDS = [...CONFIDENCE_BANDS, 'none'] as const;
export type BacklogBand = (typeof BACKLOG_BANDS)[number];

export interface DashboardSummary {
  days: number;
  /** First UTC day of the window, YYYY-MM-DD. */
  since: string;
  incoming: { total: number; byStatus: Record<IncomingState, number> };
  bestMatches: { total: number; byBand: Record<ConfidenceBand, number> };
  matchesPerDay: DailySeries<ConfidenceBand>;
  decisions: { total: number; perDay: DailySeries<StewardDecision> };
  /** Every open record (to review, or no match: decide) by its best open candidate's band; 'none' has no candidate. */
  backlog: { total: number; byBand: Record<BacklogBand, number>; oldestReceivedAt: string | null };
  medianSecondsToReview: number | null;
}

export async function dashboardSummary(ctx: ServiceContext, options: { days: number; now?: Date }): Promise<DashboardSummary> {
  const since = windowStart(options.now ?? new Date(), options.days);
  const days = utcDays(since, options.days);
  // Sequential on purpose: PGlite runs one query at a time anyway, and a pool of one would queue them.
  const statusRows = await incomingCountsByStatus(ctx.db, since);
  const bandRows = await bestMatchCountsByBand(ctx.db, since);
  const matchDayRows = await bestMatchesPerDay(ctx.db, since);
  const decisionRows = await decisionsPerDay(ctx.db, since);
  const backlogRows = await openBacklogByBand(ctx.db);
  const median = await medianSecondsToReview(ctx.db, since);

  const byStatus = countsByKey(INCOMING_STATES, statusRows.map((row) => ({ key: row.status, count: row.count })));
  const byBand = countsByKey(CONFIDENCE_BANDS, bandRows.map((row) => ({ key: row.band, count: row.count })));
  const backlogByBand = countsByKey(BACKLOG_BANDS, backlogRows.map((row) => ({ key: row.band, count: row.count })));
  const oldest = backlogRows.flatMap((row) => (row.oldestReceivedAt ? [row.oldestReceivedAt.getTime()] : []));
  return {
    days: options.days,
    since: days[0],
    incoming: { total: sum(byStatus), byStatus },
    bestMatches: { total: sum(byBand), byBand },
    matchesPerDay: dailySeries(days, CONFIDENCE_BANDS, matchDayRows.map((row) => ({ day: row.day, key: row.band, count: row.count }))),
    decisions: {
      total: decisionRows.reduce((total, row) => total + row.count, 0),
      perDay: dailySeries(days, STEWARD_DECISIONS, decisionRows.map((row) => ({ day: row.day, key: row.decision, count: row.count }))),
    },
    backlog: { total: sum(backlogByBand), byBand: backlogByBand, oldestReceivedAt: oldest.length ? new Date(Math.min(...oldest)).toISOString() : null },
    medianSecondsToReview: median,
  };
}
