import { describe, expect, test } from 'vitest';
import { Random } from '@/lib/evaluation/sample/random';
import { NULL_LEVEL } from './comparisons';
import { estimateParameters, estimateU, matchProbability, matchWeight, runEm, type FellegiSunterParameters } from './fellegi-sunter';

const vector = (...levels: number[]) => Int8Array.from(levels);

describe('estimateU', () => {
  test('level frequencies over random pairs, smoothed so no level is 0, missing not counted', () => {
    const u = estimateU([vector(1, 1), vector(1, 0), vector(1, NULL_LEVEL), vector(1, 1)], [2, 2]);
    expect(u[0][0]).toBeGreaterThan(0);
    expect(u[0][0]).toBeCloseTo(0.5 / 5);
    expect(u[0][1]).toBeCloseTo(4.5 / 5);
    expect(u[1][0]).toBeCloseTo(1.5 / 4);
  });
});

describe('matchWeight and matchProbability', () => {
  const parameters: FellegiSunterParameters = { m: [[0.9, 0.1], [0.8, 0.2]], u: [[0.01, 0.99], [0.1, 0.9]], lambda: 0.2 };

  test('W = logit2(λ) + Σ log2(m/u); a missing field adds nothing', () => {
    expect(matchWeight(vector(0, 1), parameters)).toBeCloseTo(Math.log2(0.2 / 0.8) + Math.log2(90) + Math.log2(0.2 / 0.9));
    expect(matchWeight(vector(0, NULL_LEVEL), parameters)).toBeCloseTo(Math.log2(0.25) + Math.log2(90));
    expect(matchWeight(vector(0, 1), parameters, [true, false])).toBeCloseTo(Math.log2(0.25) + Math.log2(90));
  });

  test('p = 2^W / (1 + 2^W)', () => {
    const weight = matchWeight(vector(0, 0), parameters);
    expect(matchProbability(vector(0, 0), parameters)).toBeCloseTo(2 ** weight / (1 + 2 ** weight));
  });
});

/** Pairs drawn from a known model, so EM has something to recover. */
function simulate(truth: FellegiSunterParameters, count: number): { vectors: Int8Array[]; matches: number } {
  const random = new Random(3, 'fs-simulation');
  let matches = 0;
  const vectors = Array.from({ length: count }, () => {
    const isMatch = random.chance(truth.lambda);
    if (isMatch) matches += 1;
    const levels = (isMatch ? truth.m : truth.u).map((probabilities) => random.weighted(probabilities.map((p, level) => [level, p] as const)));
    return Int8Array.from(levels);
  });
  return { vectors, matches };
}

describe('EM', () => {
  const truth: FellegiSunterParameters = {
    m: [[0.85, 0.1, 0.05], [0.9, 0.1], [0.7, 0.3]],
    u: [[0.01, 0.09, 0.9], [0.05, 0.95], [0.1, 0.9]],
    lambda: 0.1,
  };

  test('recovers m and λ from unlabelled pairs when u is known', () => {
    const { vectors, matches } = simulate(truth, 20_000);
    const run = runEm(vectors, { m: [[0.5, 0.25, 0.25], [0.5, 0.5], [0.5, 0.5]], u: truth.u, lambda: 0.3 }, [true, true, true]);
    expect(run.converged).toBe(true);
    expect(run.parameters.lambda).toBeCloseTo(matches / vectors.length, 2);
    expect(run.parameters.m[0][0]).toBeCloseTo(0.85, 1);
    expect(run.parameters.m[1][0]).toBeCloseTo(0.9, 1);
  });

  test('a field the session was blocked on keeps its starting m and does not vote', () => {
    const { vectors } = simulate(truth, 2_000);
    const start = { m: [[0.5, 0.25, 0.25], [0.5, 0.5], [0.5, 0.5]], u: truth.u, lambda: 0.3 };
    const run = runEm(vectors, start, [true, false, true]);
    expect(run.parameters.m[1]).toEqual([0.5, 0.5]);
    expect(run.parameters.m[0][0]).not.toBe(0.5);
  });

  test('estimateParameters: each field learnt where it was not blocked on, then λ over all candidates', () => {
    const { vectors, matches } = simulate(truth, 20_000);
    const estimate = estimateParameters(
      [
        { vectors, blockedFields: [true, false, false] },
        { vectors, blockedFields: [false, true, false] },
      ],
      vectors,
      truth.u,
      0.3,
    );
    expect(estimate.sessionIterations).toHaveLength(2);
    expect(estimate.parameters.m[0][0]).toBeCloseTo(0.85, 1);
    expect(estimate.parameters.m[2][0]).toBeCloseTo(0.7, 1);
    expect(estimate.parameters.lambda).toBeCloseTo(matches / vectors.length, 2);
  });
});
