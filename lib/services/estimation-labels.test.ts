import { describe, expect, it } from 'vitest';
import type { ComparisonVector } from '../matching/compare/types';
import { MATCH_MODEL } from '../matching/model';
import { labelCandidates, pairKey } from './estimation-labels';
import { matchSettings } from './matching-settings';

const vector = (): ComparisonVector => ({ comparisons: [] });

describe('labelCandidates', () => {
  it('labels both vectors of a dedupe pair but counts the decision once', async () => {
    const fromA = vector();
    const fromB = vector();
    const other = vector();
    const sampled = new Map([
      [pairKey(7, 3, 'dedupe'), [fromA, fromB]],
      [pairKey(7, 9, 'dedupe'), [other]],
    ]);
    const context = { db: undefined as never, mode: 'dedupe' as const, model: MATCH_MODEL, limits: matchSettings().limits };
    const labelled = await labelCandidates(context, [
      { recordId: 3, customerId: 7, isMatch: true },
      { recordId: 7, customerId: 9, isMatch: false },
    ], sampled);
    expect(labelled.labels.size).toBe(3);
    expect([...labelled.labels.values()]).toEqual([true, true, false]);
    expect([...labelled.pairs.values()].map((pair) => pair.isMatch)).toEqual([true, false]);
    expect(labelled.notCandidates).toBe(0);
  });
});
