import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import { levelLabel } from '../level-labels';
import defaultParametersJson from '../score/default-params.json';
import { initialParameters, parseMatchParameters, withDeclaredLevels } from '../score/params';
import { scoreComparison } from '../score/score';
import { employeeCountComparison, industryComparison, profileEmbeddingComparison, profileShape, revenueComparison } from './profile-fields';

const empty = normalizeRecord({});

describe('numeric closeness', () => {
  it.each<[number | null, number | null, string]>([
    [1000, 1050, 'within10pct'],
    [1000, 1900, 'within50pct'],
    [1000, 5000, 'else'],
    [0, 0, 'within10pct'],
    [0, 10, 'else'],
    [null, 10, 'null'],
  ])('%s vs %s → %s', (x, y, expected) => {
    const a = normalizeRecord({ revenue: x, employeeCount: x });
    const b = normalizeRecord({ revenue: y, employeeCount: y });
    expect(revenueComparison.compare(a, b, {}).level).toBe(expected);
    expect(employeeCountComparison.compare(a, b, {}).level).toBe(expected);
  });
});

describe('industryComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['Software ', 'software', 'same'],
    ['Food & Beverage', 'food and beverages', 'same'],
    ['Financial Services', 'financial service', 'same'],
    ['Financial', 'Financial Services', 'related'],
    ['financial services', 'FINANCIAL', 'related'],
    ['Food & Beverage', 'Beverages', 'related'],
    ['Information Technology Services', 'technology', 'related'],
    ['Software', 'Internet', 'related'],
    ['Logistics', 'Transportation', 'related'],
    ['Pharmaceuticals', 'Healthcare', 'related'],
    ['Software', 'Retail', 'different'],
    ['Financial Services', 'Professional Services', 'different'],
    ['Business Services', 'Other services', 'different'],
    ['Manufacturing', 'Construction', 'different'],
    ['Software', null, 'null'],
    [null, null, 'null'],
  ])('%s vs %s → %s', (x, y, expected) => {
    const a = normalizeRecord({ industry: x });
    const b = normalizeRecord({ industry: y });
    expect(industryComparison.compare(a, b, {}).level).toBe(expected);
    expect(industryComparison.compare(b, a, {}).level).toBe(expected);
  });

  it('starts the related level between same and different, with its words for the steward', () => {
    const start = initialParameters().fields.industry.levels;
    const bits = (level: string) => Math.log2(start[level].m / start[level].u);
    expect(bits('related')).toBeLessThan(bits('same'));
    expect(bits('related')).toBeGreaterThan(bits('different'));
    expect(levelLabel('industry', 'related')).toEqual({ label: 'related industries', kind: 'close' });
  });

  it('scores a related pair between different and same with the shipped parameters', () => {
    const params = withDeclaredLevels(parseMatchParameters(defaultParametersJson));
    const contribution = (level: string) =>
      scoreComparison({ comparisons: [{ field: 'industry', level, left: 'financial', right: 'financial services' }] }, params).contributions[0];
    const weightOf = (level: string) => contribution(level).weight;
    expect(params.fields.industry.levels.related).toBeDefined();
    expect(contribution('related').m).not.toBeNull();
    expect(Number.isFinite(weightOf('related'))).toBe(true);
    expect(weightOf('related')).toBeGreaterThan(weightOf('different'));
    expect(weightOf('related')).toBeLessThan(weightOf('same'));
  });
});

describe('profileEmbeddingComparison', () => {
  it.each<[number | null | undefined, string]>([
    [0.99, 'cosine90'],
    [0.9, 'cosine90'],
    [0.8, 'cosine75'],
    [0.6, 'cosine60'],
    [0.5, 'cosine45'],
    [0.2, 'else'],
    [null, 'null'],
    [undefined, 'null'],
    [Number.NaN, 'null'],
  ])('cosine %s → %s', (cosine, expected) => {
    expect(profileEmbeddingComparison.compare(empty, empty, { profileCosine: cosine }).level).toBe(expected);
  });

  it('compares only profiles that fill the same parts; a role mailbox fills none (its local part is left out of the text)', () => {
    const named = normalizeRecord({ contactName: 'Andrew Anderson' });
    const frontDesk = normalizeRecord({ contactName: 'Andy Anderson', email: 'info@ca-state.gov' });
    const personal = normalizeRecord({ contactName: 'Andy Anderson', email: 'andy@ca-state.gov' });
    expect(profileShape(frontDesk)).not.toBe(profileShape(named)); // the domain is still part of it
    expect(profileShape(personal)).not.toBe(profileShape(frontDesk));
    expect(profileShape(normalizeRecord({ contactName: 'Anna Anderson', email: 'sales@ca-state.gov' }))).toBe(profileShape(frontDesk));
    expect(profileEmbeddingComparison.compare(personal, frontDesk, { profileCosine: 0.95 }).level).toBe('null');
  });

  it('is no evidence between records whose names differ: what they share is where they are, counted by the contact points', () => {
    const household = (name: string) => normalizeRecord({ contactName: name, addressLine1: '319 Cody Rd', city: 'Elmwood Park', state: 'CA', postalCode: '95865' });
    expect(profileEmbeddingComparison.compare(household('Julia Jackson'), household('Nelson Nice'), { profileCosine: 0.82 }).level).toBe('null');
    expect(profileEmbeddingComparison.compare(household('Julia Jackson'), household('Julia Jackon'), { profileCosine: 0.82 }).level).toBe('cosine75');
    const office = (name: string) => normalizeRecord({ companyName: name, addressLine1: '1 Main St', city: 'Springfield', postalCode: '12345' });
    expect(profileEmbeddingComparison.compare(office('Harbor Dental Group'), office('Harbor View Realty'), { profileCosine: 0.8, nameCosine: 0.5 }).level).toBe('null');
    expect(profileEmbeddingComparison.compare(office('Harbor Dental Group'), office('Harbor Dental Grp'), { profileCosine: 0.8, nameCosine: 0.95 }).level).toBe('cosine75');
  });
});
