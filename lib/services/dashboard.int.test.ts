import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { insertCustomer } from '../db/queries/customers';
import { insertIncoming } from '../db/queries/incoming';
import { matchingResults } from '../db/schema';
import type { CandidateDecision, IncomingState } from '../domain/resolution';
import { testDatabases } from '../db/testing';
import type { ConfidenceBand } from '../matching/types';
import { dashboardSummary } from './dashboard';

// A fixed clock: the 7-day window starts at 2025-03-04T00:00Z.
const NOW = new Date('2025-03-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe.each(testDatabases())('dashboardSummary on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
    const db = handle.db;
    const [c1, c2] = [await insertCustomer(db, { companyName: 'Contoso' }), await insertCustomer(db, { companyName: 'Fabrikam' })];
    async function incoming(status: IncomingState, receivedAt: string) {
      return (await insertIncoming(db, { companyName: 'Incoming', processingStatus: status, receivedAt: at(receivedAt) })).id;
    }
    async function result(incomingId: number, customerId: number, band: ConfidenceBand, rank: number, createdAt: string, review?: [CandidateDecision, string]) {
      await db.insert(matchingResults).values({
        incomingId, customerId, rank, confidenceBand: band, matchType: band, similarityScore: 0.9, matchProbability: 0.9, matchWeight: 3, matchCriteria: {},
        createdAt: at(createdAt), reviewed: Boolean(review), reviewDecision: review?.[0], reviewedAt: review ? at(review[1]) : undefined,
      });
    }
    const i1 = await incoming('matched', '2025-03-09T10:00:00Z');
    await result(i1, c1.id, 'exact', 1, '2025-03-09T23:30:00Z');
    await result(i1, c2.id, 'low', 2, '2025-03-09T23:30:00Z'); // not a best match: excluded from band counts
    const i2 = await incoming('linked', '2025-03-09T11:00:00Z');
    await result(i2, c1.id, 'high', 1, '2025-03-09T11:01:00Z', ['accept', '2025-03-10T11:01:00Z']); // 86,400 s
    const i3 = await incoming('matched', '2025-03-05T08:00:00Z');
    await result(i3, c2.id, 'potential', 1, '2025-03-05T08:01:00Z');
    const i4 = await incoming('no_match', '2025-03-05T09:00:00Z'); // its only candidate rejected: open, no match to decide
    await result(i4, c1.id, 'potential', 1, '2025-03-05T09:01:00Z', ['reject', '2025-03-05T09:31:00Z']); // 1,800 s
    await incoming('no_match', '2025-03-06T09:00:00Z');
    await incoming('pending', '2025-03-06T10:00:00Z');
    // Before the window: out of every windowed figure, but still in the all-time backlog.
    const oldOpen = await incoming('matched', '2025-02-20T00:00:00Z');
    await result(oldOpen, c2.id, 'high', 1, '2025-02-20T00:00:00Z');
    const oldReviewed = await incoming('linked', '2025-02-20T00:00:00Z');
    await result(oldReviewed, c1.id, 'high', 1, '2025-02-20T00:00:00Z', ['merge', '2025-03-04T00:00:00Z']); // 1,036,800 s, decided on the window's first instant
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('counts incoming records in the window by processing status', async () => {
    const summary = await dashboardSummary({ db: handle.db, actor: 'test' }, { days: 7, now: NOW });
    expect(summary.since).toBe('2025-03-04');
    expect(summary.incoming).toEqual({ total: 6, byStatus: { pending: 1, matching: 0, matched: 2, no_match: 2, linked: 1, created: 0, dismissed: 0, error: 0 } });
  });

  it('counts best matches by band and per UTC day, with every day of the window present', async () => {
    const summary = await dashboardSummary({ db: handle.db, actor: 'test' }, { days: 7, now: NOW });
    expect(summary.bestMatches).toEqual({ total: 4, byBand: { exact: 1, high: 1, potential: 2, low: 0 } });
    expect(summary.matchesPerDay.map((entry) => entry.day)).toEqual(['2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
    expect(summary.matchesPerDay[1]).toEqual({ day: '2025-03-05', exact: 0, high: 0, potential: 2, low: 0 });
    expect(summary.matchesPerDay[5]).toEqual({ day: '2025-03-09', exact: 1, high: 1, potential: 0, low: 0 });
    expect(summary.matchesPerDay[0]).toEqual({ day: '2025-03-04', exact: 0, high: 0, potential: 0, low: 0 });
  });

  it('counts decisions per day by type, the all-time open backlog and the median time to review', async () => {
    const summary = await dashboardSummary({ db: handle.db, actor: 'test' }, { days: 7, now: NOW });
    expect(summary.decisions.total).toBe(3);
    expect(summary.decisions.perDay[0]).toEqual({ day: '2025-03-04', accept: 0, reject: 0, merge: 1, create_new: 0, dismiss: 0 });
    expect(summary.decisions.perDay[1]).toEqual({ day: '2025-03-05', accept: 0, reject: 1, merge: 0, create_new: 0, dismiss: 0 });
    expect(summary.decisions.perDay[6]).toEqual({ day: '2025-03-10', accept: 1, reject: 0, merge: 0, create_new: 0, dismiss: 0 });
    // Every open record counts, also those with no candidate left (by their best open candidate's band, else none).
    expect(summary.backlog).toEqual({ total: 5, byBand: { exact: 1, high: 1, potential: 1, low: 0, none: 2 }, oldestReceivedAt: '2025-02-20T00:00:00.000Z' });
    expect(summary.medianSecondsToReview).toBeCloseTo(86_400, 3);
  });

  it('a one-day window sees only today', async () => {
    const summary = await dashboardSummary({ db: handle.db, actor: 'test' }, { days: 1, now: NOW });
    expect(summary.incoming.total).toBe(0);
    expect(summary.decisions.total).toBe(1);
    expect(summary.matchesPerDay).toEqual([{ day: '2025-03-10', exact: 0, high: 0, potential: 0, low: 0 }]);
    expect(summary.medianSecondsToReview).toBeCloseTo(86_400, 3);
    expect(summary.backlog.total).toBe(5);
  });
});
