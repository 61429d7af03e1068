import { describe, expect, it } from 'vitest';
import { resolveBandThresholds } from './band';
import { keepBestPerKey, rankMatches } from './rank';

const thresholds = resolveBandThresholds();

describe('rankMatches', () => {
  it('sorts by probability, highest first', () => {
    const ranked = rankMatches(
      [{ id: 'a', matchProbability: 0.2 }, { id: 'b', matchProbability: 0.97 }, { id: 'c', matchProbability: 0.5 }],
      thresholds,
    );
    expect(ranked.matches.map((match) => match.id)).toEqual(['b', 'c', 'a']);
    expect(ranked.likelyDuplicateCustomers).toBe(false);
  });

  it('flags two candidates both at or above the high cut', () => {
    const ranked = rankMatches([{ matchProbability: 0.85 }, { matchProbability: 0.99 }], thresholds);
    expect(ranked.likelyDuplicateCustomers).toBe(true);
    expect(rankMatches([{ matchProbability: 0.849 }, { matchProbability: 0.99 }], thresholds).likelyDuplicateCustomers).toBe(false);
  });
});

describe('keepBestPerKey (seed defect: the first duplicate was kept, not the best)', () => {
  it('keeps the best-scored candidate per customer, whatever channel found it first', () => {
    const found = [
      { customerId: 'c1', channel: 'phone', matchProbability: 0.4 },
      { customerId: 'c2', channel: 'phone', matchProbability: 0.7 },
      { customerId: 'c1', channel: 'embedding', matchProbability: 0.93 },
      { customerId: 'c2', channel: 'name', matchProbability: 0.6 },
    ];
    const best = keepBestPerKey(found, (item) => item.customerId, (item) => item.matchProbability);
    expect(best).toEqual([
      { customerId: 'c1', channel: 'embedding', matchProbability: 0.93 },
      { customerId: 'c2', channel: 'phone', matchProbability: 0.7 },
    ]);
  });
});
