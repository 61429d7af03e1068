import { describe, expect, it } from 'vitest';
import type { ComparisonVector } from '../compare/types';
import { compressVectors, countLevels, posterior, weightedMean } from './em-tables';
import { compileLimits } from './limits';

const vector = (...levels: Array<[string, string]>): ComparisonVector => ({ comparisons: levels.map(([field, level]) => ({ field, level, weight: 0, left: null, right: null })) as never });

describe('compressVectors', () => {
  it('keeps one vector per pattern of non-null levels with the number of pairs it stands for', () => {
    const a = vector(['name', 'exact'], ['email', 'null']);
    const b = vector(['name', 'exact']);
    const c = vector(['name', 'else'], ['email', 'exact']);
    const compressed = compressVectors([a, b, c, vector(['name', 'else'], ['email', 'exact'])]);
    expect(compressed.vectors).toEqual([a, c]);
    expect(compressed.counts).toEqual([2, 2]);
  });

  it('keeps a labelled pair apart, since its label is keyed by the vector', () => {
    const a = vector(['name', 'exact']);
    const labelled = vector(['name', 'exact']);
    const compressed = compressVectors([a, labelled, vector(['name', 'exact'])], new Map([[labelled, true]]));
    expect(compressed.vectors).toEqual([a, labelled]);
    expect(compressed.counts).toEqual([2, 1]);
  });

  it('counts levels and means as the pairs one by one would', () => {
    const pairs = [vector(['name', 'exact']), vector(['name', 'else']), vector(['name', 'exact']), vector(['name', 'exact'])];
    const weights = [0.9, 0.1, 0.9, 0.9];
    const { vectors, counts } = compressVectors(pairs);
    const patternWeights = vectors.map((v) => weights[pairs.indexOf(v)]);
    expect(countLevels(vectors, patternWeights.map((w, i) => w * counts[i]))).toEqual(countLevels(pairs, weights));
    expect(weightedMean(patternWeights, counts)).toBeCloseTo(weights.reduce((s, w) => s + w, 0) / weights.length, 12);
  });
});

describe('posterior', () => {
  const limits = compileLimits({ weightCaps: {}, evidenceGroups: {}, impliedBy: {} });
  const m = { personName: { exact: 0.7 }, phone: { exact: 0.8 }, generation: { different: 0.02, same: 0.98 } };
  const u = { personName: { exact: 0.001 }, phone: { exact: 0.001 }, generation: { different: 0.55, same: 0.45 } };

  it('holds a pair a level rules out (Jr against Sr) at the prior, as the scorer does, so EM does not learn households as matches', () => {
    const household = vector(['personName', 'exact'], ['phone', 'exact'], ['generation', 'different']);
    const oneGeneration = vector(['personName', 'exact'], ['phone', 'exact'], ['generation', 'same']);
    expect(posterior(household, m, u, 0.01, new Set(), limits)).toBeCloseTo(0.01, 12);
    expect(posterior(oneGeneration, m, u, 0.01, new Set(), limits)).toBeGreaterThan(0.99);
  });
});
