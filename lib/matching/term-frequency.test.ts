import { describe, expect, it } from 'vitest';
import { normalizeRecord } from './normalize/record';
import { termFrequencyKeys, termFrequencyTable } from './term-frequency';

describe('termFrequencyTable', () => {
  it('gives the share of customers holding a value', () => {
    const customers = [{ companyName: 'Acme Inc' }, { companyName: 'ACME LLC' }, { companyName: 'Globex' }, {}].map(normalizeRecord);
    const lookup = termFrequencyTable(customers);
    expect(lookup('companyName', 'acme')).toBe(0.5);
    expect(lookup('companyName', 'globex')).toBe(0.25);
    expect(lookup('companyName', 'initech')).toBeUndefined();
  });
});

describe('termFrequencyKeys', () => {
  it('lists the values comparePair asks frequencies for, company domains once', () => {
    const keys = termFrequencyKeys(normalizeRecord({ companyName: 'Acme Inc', email: 'bob@acme.com', website: 'acme.com', city: 'Reno' }));
    expect(keys).toEqual([
      ['companyName', 'acme'],
      ['email', 'bob@acme.com'],
      ['city', 'reno'],
      ['domain', 'acme.com'],
    ]);
  });

  it('adds full birth dates and identifiers (kind and number), the values the identity comparisons look up', () => {
    const keys = termFrequencyKeys(
      normalizeRecord({ contactName: 'Bob Smith', dateOfBirth: '12/11/1978', identifiers: [{ type: 'SSN', value: '521-21-2123' }] }),
    );
    expect(keys).toContainEqual(['dateOfBirth', '1978-12-11']);
    expect(keys).toContainEqual(['identifier', 'ssn:521212123']);
    expect(termFrequencyKeys(normalizeRecord({ dateOfBirth: '1978' })).some(([field]) => field === 'dateOfBirth')).toBe(false);
  });
});
