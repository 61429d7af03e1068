import { describe, expect, it } from 'vitest';
import type { ComparisonVector } from '../compare/types';
import { estimateFromLabels, estimateParameters, estimateU, holdContradictions } from './em';
import { MATCH_MODEL } from '../model';
import { initialParameters } from './params';

/** Deterministic pseudo-random numbers for reproducible synthetic pairs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

/** Pairs drawn from a known two-class model on three fields. */
function synthetic(count: number, lambda: number, seed: number) {
  const next = random(seed);
  const truth = {
    phone: { match: 0.9, nonMatch: 0.02 },
    street: { match: 0.8, nonMatch: 0.05 },
    email: { match: 0.7, nonMatch: 0.01 },
  };
  const vectors: ComparisonVector[] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < count; i += 1) {
    const isMatch = next() < lambda;
    labels.push(isMatch);
    vectors.push({
      comparisons: Object.entries(truth).map(([field, rates]) => ({
        field,
        level: next() < (isMatch ? rates.match : rates.nonMatch) ? 'exact' : 'else',
        left: null,
        right: null,
      })),
    });
  }
  return { vectors, labels };
}

/** Starting parameters without weight limits: the synthetic fields are independent by construction. */
function unlimited() {
  return { ...initialParameters(), weightCaps: {}, evidenceGroups: {} };
}

describe('estimateU', () => {
  it('counts level shares among random pairs, ignoring null levels', () => {
    const vectors: ComparisonVector[] = [
      ...Array.from({ length: 98 }, () => ({ comparisons: [{ field: 'phone', level: 'else', left: null, right: null }] })),
      ...Array.from({ length: 2 }, () => ({ comparisons: [{ field: 'phone', level: 'exact', left: null, right: null }] })),
      { comparisons: [{ field: 'phone', level: 'null', left: null, right: null }] },
    ];
    const u = estimateU(vectors);
    expect(u.phone.exact).toBeCloseTo(2.5 / 101.5, 6);
    expect(u.phone.else).toBeCloseTo(98.5 / 101.5, 6);
  });
});

describe('estimateParameters (EM)', () => {
  it('recovers m and λ from unlabelled pairs of a known model', () => {
    const candidates = synthetic(20_000, 0.1, 1);
    const randomPairs = synthetic(20_000, 0, 2);
    const result = estimateParameters({
      candidateVectors: candidates.vectors,
      randomVectors: randomPairs.vectors,
      initial: unlimited(),
      maxIterations: 100,
    });
    expect(result.converged).toBe(true);
    expect(result.candidateLambda).toBeCloseTo(0.1, 1);
    expect(result.parameters.fields.phone.levels.exact.m).toBeCloseTo(0.9, 1);
    expect(result.parameters.fields.street.levels.exact.m).toBeCloseTo(0.8, 1);
    expect(result.parameters.fields.email.levels.exact.m).toBeCloseTo(0.7, 1);
    expect(result.parameters.fields.phone.levels.exact.u).toBeCloseTo(0.02, 2);
  });

  it('turns the candidate λ into λ for any pair when the number of possible pairs is given', () => {
    const candidates = synthetic(5_000, 0.2, 3);
    const result = estimateParameters({ candidateVectors: candidates.vectors, randomVectors: synthetic(5_000, 0, 4).vectors, initial: unlimited(), totalPairs: 1_000_000 });
    expect(result.parameters.lambda).toBeCloseTo((result.candidateLambda * 5_000) / 1_000_000, 12);
  });

  it('does not estimate a field from the block that selected pairs on it', () => {
    const initial = unlimited();
    const candidates = synthetic(5_000, 0.2, 5);
    const result = estimateParameters({
      candidateVectors: candidates.vectors,
      randomVectors: synthetic(5_000, 0, 6).vectors,
      initial,
      blocks: [{ blockedOn: ['phone'], vectors: candidates.vectors }],
    });
    expect(result.parameters.fields.phone.levels.exact.m).toBe(initial.fields.phone.levels.exact.m);
    expect(result.parameters.fields.street.levels.exact.m).not.toBe(initial.fields.street.levels.exact.m);
  });
});

describe('estimateParameters with evidence groups', () => {
  it('does not estimate the group mates of a blocked field from that block: a shared address brings shared phones', () => {
    const initial = { ...initialParameters(), weightCaps: {}, evidenceGroups: { contactPoint: [['phone'], ['street']] } };
    const candidates = synthetic(5_000, 0.2, 9);
    const result = estimateParameters({ candidateVectors: candidates.vectors, initial, blocks: [{ blockedOn: ['phone'], vectors: candidates.vectors }] });
    expect(result.parameters.fields.street.levels.exact.m).toBe(initial.fields.street.levels.exact.m);
    expect(result.parameters.fields.email.levels.exact.m).not.toBe(initial.fields.email.levels.exact.m);
    // The limits used are recorded with the estimate.
    expect(result.parameters.evidenceGroups).toEqual(initial.evidenceGroups);
  });
});

describe('estimateU fallback', () => {
  it('keeps the starting u of a field no random pair fills, instead of a uniform guess', () => {
    const vectors: ComparisonVector[] = [{ comparisons: [{ field: 'phone', level: 'else', left: null, right: null }] }];
    const fallback = { dateOfBirth: { exact: 5e-5, transposed: 5e-5, yearMonth: 1e-3, yearClose: 0.05, else: 0.9489 } };
    expect(estimateU(vectors, fallback).dateOfBirth).toEqual(fallback.dateOfBirth);
  });

  it('weights pairs by their chance of being a non-match', () => {
    const vectors: ComparisonVector[] = [
      { comparisons: [{ field: 'phone', level: 'exact', left: null, right: null }] },
      { comparisons: [{ field: 'phone', level: 'else', left: null, right: null }] },
    ];
    const u = estimateU(vectors, undefined, [0, 1]);
    expect(u.phone.exact).toBeCloseTo(0.5 / 2.5, 6);
  });
});

describe('estimateFromLabels', () => {
  it('takes m from confirmed matches and u from rejected pairs', () => {
    const { vectors, labels } = synthetic(20_000, 0.3, 7);
    const params = estimateFromLabels(vectors, labels);
    expect(params.training?.method).toBe('labels');
    expect(params.fields.phone.levels.exact.m).toBeCloseTo(0.9, 1);
    expect(params.fields.phone.levels.exact.u).toBeCloseTo(0.02, 2);
    expect(params.lambda).toBeCloseTo(0.3, 1);
  });

  it('keeps u and λ of base parameters when given, and rejects mismatched labels', () => {
    const { vectors, labels } = synthetic(2_000, 0.3, 8);
    const base = initialParameters(undefined, 0.05);
    const params = estimateFromLabels(vectors, labels, base);
    expect(params.lambda).toBe(0.05);
    expect(params.fields.phone.levels.exact.u).toBe(base.fields.phone.levels.exact.u);
    expect(() => estimateFromLabels(vectors, labels.slice(1))).toThrow(/labels/);
  });
});

describe('estimateParameters on a block EM cannot split', () => {
  it('learns nothing from a block that collapses into one class (every pair taken for a match)', () => {
    const initial = unlimited();
    const agreeing: ComparisonVector = { comparisons: ['phone', 'street', 'email'].map((field) => ({ field, level: 'exact', left: null, right: null })) };
    const block = { blockedOn: ['phone'], vectors: Array.from({ length: 200 }, () => agreeing) };
    const result = estimateParameters({ candidateVectors: block.vectors, initial, blocks: [block] });
    expect(result.parameters.fields.street.levels.exact.m).toBe(initial.fields.street.levels.exact.m);
    expect(result.parameters.fields.email.levels.exact.m).toBe(initial.fields.email.levels.exact.m);
  });
});

describe('contradiction levels (levels flagged contradicts)', () => {
  const at = (field: string, level: string) => ({ field, level, left: null, right: null });
  it('keep their declared m where households would teach EM that a contradiction is evidence of a match', () => {
    // Candidates dominated by households: one street, one surname, other given names and birth dates.
    const household = { comparisons: [at('street', 'exact'), at('personName', 'givenConflict'), at('dateOfBirth', 'else')] };
    const person = { comparisons: [at('street', 'exact'), at('personName', 'exact'), at('dateOfBirth', 'exact')] };
    const stranger = { comparisons: [at('street', 'else'), at('personName', 'else'), at('dateOfBirth', 'else')] };
    const candidates = [...Array(300).fill(household), ...Array(100).fill(person), ...Array(2000).fill(stranger)];
    const initial = initialParameters();
    const result = estimateParameters({ candidateVectors: candidates, initial, totalPairs: 1_000_000 });
    const name = result.parameters.fields.personName.levels;
    const dob = result.parameters.fields.dateOfBirth.levels;
    expect(name.givenConflict.m).toBeCloseTo(initial.fields.personName.levels.givenConflict.m, 9);
    expect(dob.else.m).toBeCloseTo(initial.fields.dateOfBirth.levels.else.m, 9);
    // The other levels are still estimated and share what is left.
    const total = Object.values(name).reduce((sum, level) => sum + level.m, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(name.exact.m).not.toBeCloseTo(initial.fields.personName.levels.exact.m, 3);
  });

  it('holdContradictions scales the free levels to share the rest and leaves fields without such levels alone', () => {
    // The identifier's declared m: exact 0.9, conflict 0.1.
    const held = holdContradictions('identifier', { exact: 0.5, conflict: 0.5 });
    expect(held.conflict).toBeCloseTo(0.1, 12);
    expect(held.exact).toBeCloseTo(0.9, 12);
    const street = { exact: 0.7, else: 0.3 };
    expect(holdContradictions('street', street)).toBe(street);
  });
});

describe('estimateU priors', () => {
  const at = (field: string, level: string) => ({ comparisons: [{ field, level, left: null, right: null }] });
  const initial = initialParameters();
  const fallback = Object.fromEntries(Object.entries(initial.fields).map(([field, { levels }]) => [field, Object.fromEntries(Object.entries(levels).map(([level, { u }]) => [level, u]))]));

  it('keeps the declared u of a shared document number however many random pairs share one (they are duplicates)', () => {
    const pairs = [...Array(40).fill(at('identifier', 'exact')), ...Array(60).fill(at('identifier', 'conflict'))];
    const u = estimateU(pairs, fallback);
    expect(u.identifier.exact).toBe(initial.fields.identifier.levels.exact.u);
    expect(u.identifier.exact + u.identifier.conflict).toBeCloseTo(1, 9);
  });

  it('moves a declared u only as far as the number of random pairs allows', () => {
    // 10 of 100 random pairs share a birth date: a small, duplicate-dense table.
    const few = estimateU([...Array(10).fill(at('dateOfBirth', 'exact')), ...Array(90).fill(at('dateOfBirth', 'else'))], fallback);
    const declared = initial.fields.dateOfBirth.levels.exact.u;
    const priorPairs = MATCH_MODEL.estimation.uPriorPairs;
    expect(few.dateOfBirth.exact).toBeCloseTo((10 + priorPairs * declared) / (100 + priorPairs), 9);
    expect(few.dateOfBirth.exact).toBeLessThan(0.01);
    // The same share over 100,000 pairs is what the data says.
    const many = estimateU([...Array(10_000).fill(at('dateOfBirth', 'exact')), ...Array(90_000).fill(at('dateOfBirth', 'else'))], fallback);
    expect(many.dateOfBirth.exact).toBeGreaterThan(0.098);
  });

  it('leaves fields without a declared meaning to the data', () => {
    const u = estimateU([...Array(3).fill(at('phone', 'exact')), ...Array(97).fill(at('phone', 'else'))], fallback);
    expect(u.phone.exact).toBeCloseTo(3.5 / 101.5, 9);
  });
});
