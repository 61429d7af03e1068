import { describe, expect, it } from 'vitest';
import { chooseEfSearch, nearRecallAt, recallAt, type RecallCurve } from './recall';

const n = (id: number, distance: number) => ({ id, distance });

describe('recallAt', () => {
  const exact = [n(1, 0.1), n(2, 0.2), n(3, 0.3), n(4, 0.4)];

  it('is the share of the k nearest the approximate search found', () => {
    expect(recallAt(exact, [n(1, 0.1), n(2, 0.2), n(9, 0.5), n(3, 0.3)], 4)).toBe(0.75);
  });

  it('counts a different id at the same distance as the k-th as found (a tie, not a miss)', () => {
    expect(recallAt(exact, [n(1, 0.1), n(2, 0.2), n(3, 0.3), n(8, 0.4)], 4)).toBe(1);
  });

  it('is 1 when the table has no neighbours to find', () => expect(recallAt([], [], 25)).toBe(1));
});

describe('nearRecallAt', () => {
  it('counts only the neighbours within the distance', () => {
    expect(nearRecallAt([n(1, 0.1), n(2, 0.3), n(3, 0.9)], [n(1, 0.1), n(7, 0.55), n(3, 0.9)], 0.5)).toBe(0.5);
  });

  it('takes another customer with the same vector as found (identical records are interchangeable)', () => {
    expect(nearRecallAt([n(1, 0.1), n(2, 0.1)], [n(1, 0.1), n(9, 0.1)], 0.5)).toBe(1);
  });

  it('is null when no neighbour is that near (nothing to miss)', () => expect(nearRecallAt([n(1, 0.8)], [], 0.5)).toBeNull());
});

describe('chooseEfSearch', () => {
  const curve = (column: RecallCurve['column'], recalls: Array<[number, number]>): RecallCurve => ({
    column,
    k: 25,
    queries: 10,
    exactLatency: { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 },
    points: recalls.map(([efSearch, recall]) => ({ efSearch, recall, perfectShare: 0, nearRecall: recall, latency: { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 } })),
  });

  it('takes the smallest ef_search that reaches the target on every column', () => {
    const name = curve('company_name_embedding', [[40, 0.995], [64, 0.999], [100, 1]]);
    const profile = curve('full_profile_embedding', [[40, 0.97], [64, 0.991], [100, 0.998]]);
    expect(chooseEfSearch([name, profile], 0.99)).toBe(64);
  });

  it('is null when no value reaches it', () => {
    expect(chooseEfSearch([curve('company_name_embedding', [[40, 0.9], [200, 0.98]])], 0.99)).toBeNull();
  });
});
