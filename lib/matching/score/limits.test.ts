import { describe, expect, it } from 'vitest';
import { compileLimits, declaredWeightLimits, groupMates, limitedSum, limitWeights, type WeightLimits } from './limits';

const limits: WeightLimits = {
  weightCaps: { profileEmbedding: 3 },
  evidenceGroups: { contactPoint: [['email'], ['phone'], ['street', 'addressDetail', 'locality']] },
  impliedBy: {},
};
const compiled = compileLimits(limits);

function limited(entries: Array<[string, number]>) {
  const fields = entries.map(([field]) => field);
  const weights = entries.map(([, weight]) => weight);
  return { each: limitWeights(fields, weights, compiled), sum: limitedSum(fields, weights, compiled) };
}

describe('limitWeights', () => {
  it('holds a capped field to ±cap and says what it was', () => {
    const { each, sum } = limited([['profileEmbedding', 12.7], ['companyName', 10]]);
    expect(each[0]).toEqual({ weight: 3, unlimitedWeight: 12.7, limitedBy: 'cap' });
    expect(each[1]).toEqual({ weight: 10 });
    expect(sum).toBe(13);
    expect(limited([['profileEmbedding', -9]]).each[0].weight).toBe(-3);
    expect(limited([['profileEmbedding', 2]]).each[0]).toEqual({ weight: 2 });
  });

  it('counts a group’s agreement once, by its strongest unit; an address’s parts add up first', () => {
    // A household: same mailbox (6), same phone (5), same address (4 + 1 + 3 = 8).
    const { each, sum } = limited([['email', 6], ['phone', 5], ['street', 4], ['addressDetail', 1], ['locality', 3], ['personName', -4]]);
    expect(each.map((entry) => entry.weight)).toEqual([0, 0, 4, 1, 3, -4]);
    expect(each[0]).toEqual({ weight: 0, unlimitedWeight: 6, limitedBy: 'evidenceGroup', evidenceGroup: 'contactPoint' });
    expect(sum).toBe(8 - 4);
  });

  it('counts premises once and drops an agreement another agreeing field implies (the town\'s country)', () => {
    const premises = compileLimits({ ...limits, evidenceGroups: { contactPoint: [['email'], ['phone'], ['domain'], ['street', 'addressDetail', 'locality']] }, impliedBy: { country: ['locality'] } });
    const fields = ['companyName', 'domain', 'phone', 'street', 'addressDetail', 'locality', 'country', 'contactName'];
    // Another business at the same premises: building, suite, switchboard and domain are one fact.
    const weights = [-3.5, 12, 11, 11.3, 7.1, 9.8, 2, -2.9];
    const each = limitWeights(fields, weights, premises);
    expect(each.map((entry) => entry.weight)).toEqual([-3.5, 0, 0, 11.3, 7.1, 9.8, 0, -2.9]);
    expect(each[6]).toEqual({ weight: 0, unlimitedWeight: 2, limitedBy: 'evidenceGroup' });
    expect(limitedSum(fields, weights, premises)).toBeCloseTo(-3.5 + 11.3 + 7.1 + 9.8 - 2.9, 9);
    // Without an agreeing town the country is evidence again; a country that differs is never dropped.
    expect(limitedSum(['locality', 'country'], [-2, 2], premises)).toBeCloseTo(0, 9);
    expect(limitedSum(['locality', 'country'], [5, -4], premises)).toBeCloseTo(1, 9);
  });

  it('keeps disagreements at full weight: a different phone is evidence of its own', () => {
    const { each, sum } = limited([['email', 6], ['phone', -4], ['street', 5]]);
    expect(each.map((entry) => entry.weight)).toEqual([6, -4, 0]);
    expect(sum).toBe(2);
  });

  it('counts the disagreements of one address once: another street in another town is one move', () => {
    const { each, sum } = limited([['street', -4.6], ['locality', -6.5], ['addressDetail', -2], ['phone', -3]]);
    expect(each.map((entry) => entry.weight)).toEqual([0, -6.5, 0, -3]);
    expect(each[0]).toEqual({ weight: 0, unlimitedWeight: -4.6, limitedBy: 'evidenceGroup', evidenceGroup: 'contactPoint' });
    expect(sum).toBeCloseTo(-9.5, 12);
  });

  it('keeps an address’s disagreement beside its agreement: same town, other street', () => {
    const { each, sum } = limited([['street', -4.6], ['locality', 5]]);
    expect(each.map((entry) => entry.weight)).toEqual([-4.6, 5]);
    expect(sum).toBeCloseTo(0.4, 12);
  });

  it('sums the same as the explained weights', () => {
    const entries: Array<[string, number]> = [['email', 2], ['street', 1.5], ['locality', 1], ['profileEmbedding', 7], ['phone', -3]];
    const { each, sum } = limited(entries);
    expect(sum).toBeCloseTo(each.reduce((total, entry) => total + entry.weight, 0), 12);
  });
});

describe('declaredWeightLimits', () => {
  it('caps the profile embedding and groups the contact points as the comparisons declare', () => {
    const declared = declaredWeightLimits();
    expect(declared.weightCaps).toEqual({ profileEmbedding: 3 });
    expect(declared.impliedBy).toEqual({ country: ['locality'] });
    expect(declared.evidenceGroups.contactPoint).toEqual([['email'], ['domain'], ['phone'], ['street', 'addressDetail', 'locality']]);
    expect(groupMates('phone', compileLimits(declared)).sort()).toEqual(['addressDetail', 'domain', 'email', 'locality', 'phone', 'street']);
    expect(groupMates('companyName', compileLimits(declared))).toEqual(['companyName']);
  });
});
