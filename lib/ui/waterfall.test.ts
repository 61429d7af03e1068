import { describe, expect, it } from 'vitest';
import { matchCriteriaOf } from '../schemas/explanation.test-helpers';
import { probabilityFromWeight, waterfallDomain, waterfallSteps } from './waterfall';

const explanation = matchCriteriaOf({
  prior_weight: -10,
  match_weight: 8.5,
  match_probability: probabilityFromWeight(8.5),
  fields: [
    { field: 'companyName', level: 'jw95', weight: 4 },
    { field: 'legalForm', level: 'null', weight: 0 },
    { field: 'email', level: 'exact', weight: 12 },
    { field: 'phone', level: 'null', weight: 0 },
    { field: 'locality', level: 'postalAndCity', weight: 5 },
    { field: 'country', level: 'same', weight: 0, limited_by: 'evidenceGroup', unlimited_weight: 1.3 },
    { field: 'street', level: 'else', weight: -2.5 },
  ],
});

describe('waterfallSteps', () => {
  const steps = waterfallSteps(explanation);
  it('runs from the prior through the fields with evidence, biggest weight first, to the stored total', () => {
    expect(steps[0]).toMatchObject({ kind: 'prior', from: 0, to: -10 });
    expect(steps.filter((step) => step.kind === 'field').map((step) => [step.label, step.weight])).toEqual([
      ['Email', 12],
      ['City, state and postal code', 5],
      ['Company name', 4],
      ['Country', 0],
      ['Street address', -2.5],
    ]);
    expect(steps[1]).toMatchObject({ level: 'same address after normalising', from: -10, to: 2 });
    expect(steps.at(-2)?.to).toBeCloseTo(8.5);
    expect(steps.at(-1)).toMatchObject({ kind: 'total', to: 8.5 });
  });
  it('folds the fields without evidence into one line that names them', () => {
    const folded = steps.filter((step) => step.kind === 'folded');
    expect(folded).toEqual([expect.objectContaining({ label: '2 fields without evidence', level: 'Legal form, Phone', weight: 0 })]);
  });
  it('says in place why an agreeing field adds nothing', () => {
    expect(steps.find((step) => step.field === 'country')?.note).toBe('counted once with the city, state and postal code, which implies it (alone +1.3)');
  });
  it('has no folded line when every field has evidence', () => {
    expect(waterfallSteps({ ...explanation, fields: explanation.fields.filter((field) => field.level !== 'null') }).some((step) => step.kind === 'folded')).toBe(false);
  });
  it('has a domain that contains every bar and zero', () => {
    const [low, high] = waterfallDomain(steps);
    expect(low).toBeLessThanOrEqual(-10);
    expect(high).toBeGreaterThanOrEqual(14.5 - 10 + 7);
  });
});

describe('probabilityFromWeight', () => {
  it('is the logistic of base-2 log-odds', () => {
    expect(probabilityFromWeight(0)).toBe(0.5);
    expect(probabilityFromWeight(1)).toBeCloseTo(2 / 3);
  });
});
