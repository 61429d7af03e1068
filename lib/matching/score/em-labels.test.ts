import { describe, expect, it } from 'vitest';
import type { ComparisonVector } from '../compare/types';
import { estimateParameters } from './em';
import { initialParameters } from './params';

/** Deterministic pseudo-random numbers for reproducible synthetic pairs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/**
 * Candidate pairs of three kinds: true matches, other businesses at the same premises (phone and street
 * agree, email does not) and unrelated pairs. A two-class EM takes the premises pairs for matches.
 */
const RATES = {
  match: { phone: 0.9, street: 0.8, email: 0.7 },
  premises: { phone: 0.9, street: 0.95, email: 0.05 },
  unrelated: { phone: 0.02, street: 0.05, email: 0.01 },
} as const;

function pairs(count: number, share: { match: number; premises: number }, seed: number) {
  const next = random(seed);
  const vectors: ComparisonVector[] = [];
  const isMatch: boolean[] = [];
  for (let i = 0; i < count; i += 1) {
    const draw = next();
    const kind = draw < share.match ? 'match' : draw < share.match + share.premises ? 'premises' : 'unrelated';
    isMatch.push(kind === 'match');
    vectors.push({ comparisons: Object.entries(RATES[kind]).map(([field, rate]) => ({ field, level: next() < rate ? 'exact' : 'else', left: null, right: null })) });
  }
  return { vectors, isMatch };
}

/** Starting parameters without weight limits: the synthetic fields are independent by construction. */
const initial = () => ({ ...initialParameters(), weightCaps: {}, evidenceGroups: {} });

describe('estimateParameters with steward labels (semi-supervised EM)', () => {
  const candidates = pairs(4_000, { match: 0.1, premises: 0.1 }, 1);
  const randomPairs = pairs(4_000, { match: 0, premises: 0 }, 2).vectors;
  const options = { candidateVectors: candidates.vectors, randomVectors: randomPairs, initial: initial(), totalPairs: 1_000_000 };
  const labelsOfFirst = (count: number) => new Map(candidates.vectors.slice(0, count).map((vector, index) => [vector, candidates.isMatch[index]]));

  it('is estimateParameters when no candidate pair is labelled', () => {
    const plain = estimateParameters(options);
    const stray: ComparisonVector = { comparisons: [] };
    const withStrayLabel = estimateParameters({ ...options, labels: new Map([[stray, true]]) });
    expect(withStrayLabel.parameters.fields).toEqual(plain.parameters.fields);
    expect(withStrayLabel.parameters.lambda).toBe(plain.parameters.lambda);
    expect(withStrayLabel.parameters.training?.labels).toEqual({ matches: 0, nonMatches: 0 });
    expect(estimateParameters({ ...options, labels: new Map() }).parameters.fields).toEqual(plain.parameters.fields);
  }, 60_000);

  it('moves m and the candidate λ towards the truth as labels are added', () => {
    const distance = (result: ReturnType<typeof estimateParameters>) => {
      const { fields } = result.parameters;
      return Math.abs(fields.email.levels.exact.m - RATES.match.email) + Math.abs(fields.phone.levels.exact.m - RATES.match.phone);
    };
    const none = estimateParameters(options);
    const some = estimateParameters({ ...options, labels: labelsOfFirst(400) });
    const many = estimateParameters({ ...options, labels: labelsOfFirst(2_000) });
    // Without labels the premises pairs drag email's m down to about half its true 0.7.
    expect(none.parameters.fields.email.levels.exact.m).toBeLessThan(0.4);
    expect(distance(some)).toBeLessThan(distance(none));
    expect(distance(many)).toBeLessThan(distance(some) - 0.05);
    expect(Math.abs(many.candidateLambda - 0.1)).toBeLessThan(Math.abs(none.candidateLambda - 0.1));
    expect(many.parameters.training?.labels).toEqual({ matches: candidates.isMatch.slice(0, 2_000).filter(Boolean).length, nonMatches: 2_000 - candidates.isMatch.slice(0, 2_000).filter(Boolean).length });
  }, 60_000);

  it('holds a labelled pair at its class: every pair labelled, m is the labelled matches\' level shares', () => {
    const labels = new Map(candidates.vectors.map((vector, index) => [vector, candidates.isMatch[index]]));
    const result = estimateParameters({ ...options, labels, priorStrength: 0 });
    const matches = candidates.vectors.filter((_, index) => candidates.isMatch[index]);
    const emailExact = matches.filter((vector) => vector.comparisons.find((c) => c.field === 'email')!.level === 'exact').length / matches.length;
    expect(result.parameters.fields.email.levels.exact.m).toBeCloseTo(emailExact, 6);
    expect(result.candidateLambda).toBeCloseTo(matches.length / candidates.vectors.length, 9);
  }, 60_000);
});
