import { describe, expect, it } from 'vitest';
import { resolveBandThresholds } from './band';
import { rankMatches } from './rank';

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
