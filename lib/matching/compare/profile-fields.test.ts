import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
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
  it('compares cleaned industry names', () => {
    const software = normalizeRecord({ industry: 'Software ' });
    expect(industryComparison.compare(software, normalizeRecord({ industry: 'software' }), {}).level).toBe('same');
    expect(industryComparison.compare(software, normalizeRecord({ industry: 'Retail' }), {}).level).toBe('different');
    expect(industryComparison.compare(software, empty, {}).level).toBe('null');
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
});
