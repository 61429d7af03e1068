import { describe, expect, it } from 'vitest';
import { agreementOf, compareRecords, mergeChoices } from './record-comparison';

describe('agreementOf', () => {
  it.each([
    ['Acme Corp.', 'ACME corp', 'same'],
    ['(555) 0101', '555-0101', 'same'],
    ['Boston', 'New York', 'differs'],
    [null, 'x', 'only_customer'],
    ['x', null, 'only_incoming'],
    [null, null, 'both_empty'],
  ] as const)('%s vs %s → %s', (left, right, expected) => expect(agreementOf(left, right)).toBe(expected));
});

describe('compareRecords and mergeChoices', () => {
  const comparisons = compareRecords(
    { companyName: 'Acme', email: 'new@acme.com', phone: '555', revenue: 10, city: '' },
    { companyName: 'ACME', email: 'old@acme.com', phone: null, revenue: 10, city: 'Boston' },
  );
  it('compares every mergeable field, numbers as text, blanks as empty', () => {
    const byField = Object.fromEntries(comparisons.map((c) => [c.field, c.agreement]));
    expect(byField).toMatchObject({ company_name: 'same', email: 'differs', phone: 'only_incoming', revenue: 'same', city: 'only_customer', website: 'both_empty' });
  });
  it('offers only fields the incoming record would change, pre-selecting the ones that fill a gap', () => {
    expect(mergeChoices(comparisons).map((c) => [c.field, c.preselected])).toEqual([
      ['email', false],
      ['phone', true],
    ]);
  });
  it('shows birth dates and document numbers side by side, but never offers them for a merge', () => {
    const identity = compareRecords(
      { companyName: 'Harbor Lights', identifiers: [{ type: 'EIN', value: '59-2222222', country: 'US' }], dateOfBirth: '1980-01-07' },
      { companyName: 'Harbor Lights', identifiers: [{ type: 'EIN', value: '59-1111111', country: 'US' }], dateOfBirth: null },
    );
    expect(identity.find((c) => c.field === 'identifiers')).toEqual({
      field: 'identifiers',
      incoming: 'EIN 59-2222222 (US)',
      customer: 'EIN 59-1111111 (US)',
      agreement: 'differs',
    });
    expect(identity.find((c) => c.field === 'date_of_birth')?.agreement).toBe('only_incoming');
    expect(mergeChoices(identity)).toEqual([]);
    // The same numbers written differently and in another order are the same.
    const reordered = compareRecords(
      { identifiers: [{ type: 'VAT', value: 'DE 123' }, { type: 'EIN', value: '59-1111111' }] },
      { identifiers: [{ type: 'EIN', value: '591111111' }, { type: 'VAT', value: 'DE123' }] },
    );
    expect(reordered.find((c) => c.field === 'identifiers')?.agreement).toBe('same');
    // Read as the engine reads them: type in any case, issuer on one side only, dates in two formats.
    const engineEqual = compareRecords(
      { identifiers: [{ type: 'ein', value: '59-1111111' }, { type: 'VAT', value: 'DE123' }], dateOfBirth: '05/06/1980' },
      { identifiers: [{ type: 'EIN', value: '591111111', country: 'US' }, { type: 'VAT', value: 'DE123' }], dateOfBirth: '1980-05-06' },
    );
    expect(engineEqual.find((c) => c.field === 'identifiers')?.agreement).toBe('same');
    expect(engineEqual.find((c) => c.field === 'date_of_birth')?.agreement).toBe('same');
    expect(compareRecords({ dateOfBirth: '1980-05-06' }, { dateOfBirth: '1980-06-05' }).find((c) => c.field === 'date_of_birth')?.agreement).toBe('differs');
  });
});
