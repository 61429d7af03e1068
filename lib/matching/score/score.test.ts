import { describe, expect, it } from 'vitest';
import type { ComparisonVector } from '../compare/types';
import type { MatchParameters } from './params';
import { probabilityFromWeight, scoreComparison, termFrequencyU } from './score';

const params: MatchParameters = {
  version: 'test-v1',
  lambda: 0.2,
  fields: {
    phone: { levels: { exact: { m: 0.8, u: 0.01 }, else: { m: 0.2, u: 0.99 } } },
    email: { levels: { exact: { m: 0.5, u: 0.125 }, else: { m: 0.5, u: 0.875 } } },
  },
  // No limits: these tests are about the plain sum (limits are tested below).
  weightCaps: {},
  evidenceGroups: {},
};

function vector(...comparisons: ComparisonVector['comparisons']): ComparisonVector {
  return { comparisons };
}

describe('scoreComparison', () => {
  it('sums log2(m/u) per field onto the prior and turns the weight into a probability', () => {
    const scored = scoreComparison(
      vector(
        { field: 'phone', level: 'exact', left: '+1', right: '+1' },
        { field: 'email', level: 'exact', left: 'a@x', right: 'a@x' },
      ),
      params,
    );
    const prior = Math.log2(0.2 / 0.8);
    expect(scored.priorWeight).toBeCloseTo(-2, 12);
    expect(scored.contributions.map((c) => c.weight)).toEqual([Math.log2(80), 2]);
    expect(scored.matchWeight).toBeCloseTo(prior + Math.log2(80) + 2, 12);
    // Seed defect: the confidence is the probability itself, not a weight scaled by a constant.
    expect(scored.matchProbability).toBeCloseTo(2 ** scored.matchWeight / (1 + 2 ** scored.matchWeight), 12);
    expect(scored.parametersVersion).toBe('test-v1');
  });

  it('gives the null level and unknown fields or levels weight 0 with no m/u', () => {
    const scored = scoreComparison(
      vector(
        { field: 'phone', level: 'null', left: null, right: '+1' },
        { field: 'website', level: 'exact', left: 'a', right: 'a' },
        { field: 'email', level: 'sameLocal', left: 'a@x', right: 'a@y' },
      ),
      params,
    );
    expect(scored.contributions.map((c) => [c.weight, c.m, c.u])).toEqual([[0, null, null], [0, null, null], [0, null, null]]);
    expect(scored.matchProbability).toBeCloseTo(0.2, 12);
  });

  it('uses the term frequency as u for an exact agreement and says so', () => {
    const rare = scoreComparison(vector({ field: 'phone', level: 'exact', left: 'x', right: 'x', termFrequency: 0.001 }), params);
    const common = scoreComparison(vector({ field: 'phone', level: 'exact', left: 'x', right: 'x', termFrequency: 0.4 }), params);
    expect(rare.contributions[0]).toMatchObject({ weight: Math.log2(0.8 / 0.001), u: 0.001, tfAdjusted: true });
    expect(common.contributions[0].weight).toBeCloseTo(Math.log2(2), 12);
    expect(rare.matchProbability).toBeGreaterThan(common.matchProbability);
  });

  it('keeps the left/right values shown to users', () => {
    const scored = scoreComparison(vector({ field: 'email', level: 'else', left: 'a@x', right: 'b@x' }), params);
    expect(scored.contributions[0]).toMatchObject({ field: 'email', level: 'else', left: 'a@x', right: 'b@x', m: 0.5, u: 0.875 });
  });
});

describe('scoreComparison with weight limits', () => {
  const limitedParams: MatchParameters = {
    ...params,
    fields: {
      ...params.fields,
      street: { levels: { exact: { m: 0.9, u: 0.001 }, else: { m: 0.1, u: 0.999 } } },
      profileEmbedding: { levels: { cosine90: { m: 0.3, u: 0.00003 }, else: { m: 0.05, u: 0.9 } } },
    },
    weightCaps: { profileEmbedding: 3 },
    evidenceGroups: { contactPoint: [['email'], ['phone'], ['street']] },
  };

  it('records the cap and the group in the explanation, and sums what it shows', () => {
    const scored = scoreComparison(
      vector(
        { field: 'phone', level: 'exact', left: '+1', right: '+1' },
        { field: 'street', level: 'exact', left: '1 main st', right: '1 main st' },
        { field: 'profileEmbedding', level: 'cosine90', left: '0.95', right: '0.95' },
      ),
      limitedParams,
    );
    const [phone, street, embedding] = scored.contributions;
    expect(street.weight).toBeCloseTo(Math.log2(900), 12);
    expect(phone).toMatchObject({ weight: 0, unlimitedWeight: Math.log2(80), limitedBy: 'evidenceGroup', evidenceGroup: 'contactPoint' });
    expect(embedding).toMatchObject({ weight: 3, limitedBy: 'cap' });
    expect(embedding.unlimitedWeight).toBeCloseTo(Math.log2(10_000), 9);
    expect(scored.matchWeight).toBeCloseTo(scored.priorWeight + Math.log2(900) + 3, 12);
  });

  it('applies the limits the comparisons declare when the parameters carry none', () => {
    const withoutLimits: MatchParameters = { ...limitedParams, weightCaps: undefined, evidenceGroups: undefined };
    const scored = scoreComparison(vector({ field: 'profileEmbedding', level: 'cosine90', left: '0.95', right: '0.95' }), withoutLimits);
    expect(scored.contributions[0]).toMatchObject({ weight: 3, limitedBy: 'cap' });
  });
});

describe('probabilityFromWeight', () => {
  it.each([[0, 0.5], [1, 2 / 3], [-1, 1 / 3], [50, 1], [-2000, 0]])('W=%f → p=%f', (weight, p) => {
    expect(probabilityFromWeight(weight)).toBeCloseTo(p, 12);
  });
});

describe('termFrequencyU', () => {
  it('trusts the model u in a tiny table and the table in a large one', () => {
    // A value held by 1 of 2 customers: share 0.5, but two customers say little about rarity.
    expect(termFrequencyU(0.5, 0.0003, 2)).toBeCloseTo((1 + 1000 * 0.0003) / 1002, 8);
    expect(termFrequencyU(0.5, 0.0003, 2)).toBeLessThan(0.002);
    // 1 of 100,000: rarer than the average exact agreement, so u falls below the level's u.
    expect(termFrequencyU(1e-5, 0.0003, 100_000)).toBeLessThan(0.0003);
    // A common value (5% of a large table) weighs less than the average agreement.
    expect(termFrequencyU(0.05, 0.0003, 100_000)).toBeGreaterThan(0.04);
  });

  it('uses the share as it is when the table size is unknown', () => {
    expect(termFrequencyU(0.25, 0.0003, undefined)).toBe(0.25);
    expect(termFrequencyU(0, 0.0003, undefined)).toBeGreaterThan(0);
  });
});

describe('a level that rules the pair out', () => {
  const household: MatchParameters = {
    ...params,
    fields: {
      ...params.fields,
      personName: { levels: { exact: { m: 0.7, u: 0.001 } } },
      generation: { levels: { same: { m: 0.98, u: 0.45 }, different: { m: 0.02, u: 0.55 } } },
    },
  };
  const fatherAndSon = vector(
    { field: 'personName', level: 'exact', left: 'david dobbins', right: 'david dobbins' },
    { field: 'generation', level: 'different', left: 'junior', right: 'senior' },
    { field: 'phone', level: 'exact', left: '+1', right: '+1' },
  );

  it('holds the weight at the prior however much else agrees, and says which field did it', () => {
    const scored = scoreComparison(fatherAndSon, household);
    expect(scored.matchWeight).toBeCloseTo(scored.priorWeight, 12);
    const generation = scored.contributions.find((c) => c.field === 'generation')!;
    expect(generation.limitedBy).toBe('rulesOut');
    expect(generation.unlimitedWeight).toBeCloseTo(Math.log2(0.02 / 0.55), 12);
    // The explanation still sums to the weight.
    expect(scored.contributions.reduce((sum, c) => sum + c.weight, scored.priorWeight)).toBeCloseTo(scored.matchWeight, 12);
  });

  it('leaves a pair alone that the other fields already put below the prior, and pairs of one generation', () => {
    const weak = scoreComparison(vector({ field: 'generation', level: 'different', left: 'junior', right: 'senior' }, { field: 'phone', level: 'else', left: '+1', right: '+2' }), household);
    expect(weak.contributions.every((c) => c.limitedBy === undefined)).toBe(true);
    expect(weak.matchWeight).toBeLessThan(weak.priorWeight);
    const same = scoreComparison(vector(fatherAndSon.comparisons[0], { ...fatherAndSon.comparisons[1], level: 'same' }, fatherAndSon.comparisons[2]), household);
    expect(same.matchProbability).toBeGreaterThan(0.99);
  });
});
