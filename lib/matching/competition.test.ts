import { describe, expect, it } from 'vitest';
import { combineViews, competingCandidates, NEGLIGIBLE_WEIGHT_BITS, PairViews } from './competition';

const odds = (bits: number) => 2 ** bits;
const probability = (bits: number) => odds(bits) / (1 + odds(bits));

describe('competingCandidates', () => {
  it('changes nothing when no two candidates exclude each other', () => {
    const result = competingCandidates([10, 8, -3], () => false);
    expect(result.map((entry) => entry.penaltyBits)).toEqual([0, 0, 0]);
    expect(result.every((entry) => entry.competitors.length === 0)).toBe(true);
  });

  it('splits the odds between two strong candidates that cannot be one entity', () => {
    // A John Smith with no birth date at the address of two John Smiths born twenty years apart.
    const [first, second] = competingCandidates([12, 12], (j, k) => j !== k);
    // Alone each would be p ≈ 0.9998; against each other about even.
    expect(probability(12 + first.penaltyBits)).toBeCloseTo(odds(12) / (1 + 2 * odds(12)), 6);
    expect(probability(12 + first.penaltyBits)).toBeLessThan(0.51);
    expect(second.competitors).toEqual([0]);
  });

  it('takes no rival that could not be the record itself (it hard-conflicts with the record)', () => {
    // Robert Smith born 1978: the Robert E Smith Sr born 1954 at his address is strong on name and address,
    // but another birth date rules him out as this record, so he does not claim it from the 1978 candidate.
    const conflict = (j: number, k: number) => j !== k;
    const [young, senior] = competingCandidates([9, 12], conflict, (k) => k !== 1);
    expect(young.penaltyBits).toBe(0);
    expect(young.competitors).toEqual([]);
    // The ruled-out candidate still meets its rival: its own score is not raised.
    expect(senior.penaltyBits).toBeCloseTo(-Math.log2(1 + odds(9)), 9);
  });

  it('leaves a clear best candidate nearly untouched and takes a look-alike down', () => {
    const [strong, weak] = competingCandidates([14, 4], (j, k) => j !== k);
    // In bits the strong one loses log2(1 + 2^4); in probability almost nothing.
    expect(strong.penaltyBits).toBeCloseTo(-Math.log2(1 + odds(4)), 9);
    expect(probability(14 + strong.penaltyBits)).toBeGreaterThan(0.998);
    expect(weak.penaltyBits).toBeLessThan(-13.9);
    expect(probability(4 + weak.penaltyBits)).toBeLessThan(0.001);
  });

  it('counts only the candidates in conflict with this one, strongest first', () => {
    // 0 conflicts with 1 and 2; 1 and 2 agree with each other (they are one entity's records).
    const conflict = (j: number, k: number) => (j === 0) !== (k === 0);
    const result = competingCandidates([6, 3, 9], conflict);
    expect(result[0].competitors).toEqual([2, 1]);
    // 1 and 2 do not exclude each other: one other entity, claiming 0 once, by its strongest record.
    expect(result[0].penaltyBits).toBeCloseTo(-Math.log2(1 + odds(9)), 9);
    expect(result[1].competitors).toEqual([0]);
    expect(result[2].penaltyBits).toBeCloseTo(-Math.log2(1 + odds(6)), 9);
  });

  it('adds the claims of rivals that exclude each other too: two other people', () => {
    // Everyone excludes everyone: three different people.
    const [first] = competingCandidates([6, 3, 9], (j, k) => j !== k);
    expect(first.penaltyBits).toBeCloseTo(-Math.log2(1 + odds(9) + odds(3)), 9);
  });

  it('never asks about candidates too weak to matter, and asks each pair once', () => {
    const asked: string[] = [];
    const result = competingCandidates([10, NEGLIGIBLE_WEIGHT_BITS - 1, 8], (j, k) => {
      asked.push(`${Math.min(j, k)}-${Math.max(j, k)}`);
      return true;
    });
    expect(new Set(asked)).toEqual(new Set(['0-2']));
    expect(asked).toHaveLength(1);
    expect(result[1]).toEqual({ penaltyBits: 0, competitors: [] });
  });

  it('stays finite for very large weights', () => {
    const [first] = competingCandidates([2000, 2000], () => true);
    expect(Number.isFinite(first.penaltyBits)).toBe(true);
    expect(first.penaltyBits).toBeCloseTo(-2000, 6);
  });
});

describe('combineViews', () => {
  it('is the weight itself without rivals, and one view’s penalty with one view', () => {
    expect(combineViews(7, [])).toBe(7);
    expect(combineViews(7, [0, 0])).toBe(7);
    expect(combineViews(7, [-2])).toBeCloseTo(5, 12);
  });

  it('stays finite when a view excludes overwhelming rivals', () => {
    expect(combineViews(10, [-3000, -2])).toBeCloseTo(-2990, 6);
  });

  it('adds the rivals both records of a dedupe pair exclude', () => {
    // Rival odds 3 from one view (penalty −2) and 1 from the other (penalty −1): 1 + 3 + 1 = 5.
    expect(combineViews(10, [-2, -1])).toBeCloseTo(10 - Math.log2(5), 12);
  });
});

describe('PairViews', () => {
  it('keeps the best view before competition, counts every view’s rivals, and keeps what came with the best', () => {
    const views = new PairViews<string>();
    // View from record a: weight 10 after a −2 competition term (12 alone). View from b: 11 alone, −1.
    views.add('a|b', 10, -2, 'from a');
    views.add('a|b', 10, -1, 'from b');
    views.add('a|c', 5, 0, 'only');
    const probabilities = views.probabilities();
    expect(probabilities.get('a|b')).toBeCloseTo(probability(combineViews(12, [-2, -1])), 12);
    expect(probabilities.get('a|c')).toBeCloseTo(probability(5), 12);
    expect(views.item('a|b')).toBe('from a');
    expect(views.item('missing')).toBeUndefined();
  });
});
