import { describe, expect, it } from 'vitest';
import { identifierKeys, identifierType, identifierValue, normalizeIdentifier, normalizeIdentifiers } from './identifier';

describe('identifierType', () => {
  it.each<[string, string]>([
    ['SSN', 'ssn'],
    ['Social Security Number', 'ssn'],
    ['soc_sec_id', 'ssn'],
    ['Passport No', 'passport'],
    ["Driver's License", 'drivers_license'],
    ['driving licence', 'drivers_license'],
    ['DL', 'drivers_license'],
    ['National ID', 'national_id'],
    ['EIN', 'tax_id'],
    ['Tax ID Number', 'tax_id'],
    ['GSTIN', 'tax_id'],
    ['VAT', 'vat'],
    ['USt-IdNr', 'vat'],
    ['LEI', 'lei'],
    ['D-U-N-S', 'duns'],
    ['DUNS Number', 'duns'],
    ['UEN', 'other'],
    ['', 'other'],
  ])('%s → %s', (raw, expected) => expect(identifierType(raw)).toBe(expected));
});

describe('identifierValue', () => {
  it.each<[string | null, string | null]>([
    ['521-21-2123', '521212123'],
    ['de 123 456 789', 'DE123456789'],
    ['x1234', 'X1234'],
    ['000-00-0000', null],
    ['N/A', null],
    ['12', null],
    [null, null],
  ])('%s → %s', (raw, expected) => expect(identifierValue(raw)).toBe(expected));
});

describe('normalizeIdentifier', () => {
  it('reads the issuing country as a code, and a driving licence issuer as a state', () => {
    expect(normalizeIdentifier({ type: 'passport', value: '10251111', country: 'USA' })).toMatchObject({ type: 'passport', country: 'US' });
    expect(normalizeIdentifier({ type: 'passport', value: '72129291', country: 'CAN' })).toMatchObject({ country: 'CA' });
    expect(normalizeIdentifier({ type: 'drivers_license', value: '823123', country: 'Texas' })).toMatchObject({ country: 'TX' });
    expect(normalizeIdentifier({ type: 'drivers_license', value: '93939211', country: 'CA' })).toMatchObject({ country: 'CA' });
  });

  it('writes VAT numbers with their country prefix', () => {
    expect(normalizeIdentifier({ type: 'VAT', value: '123456789', country: 'Germany' })?.value).toBe('DE123456789');
    expect(normalizeIdentifier({ type: 'VAT', value: 'DE123456789', country: 'DE' })?.value).toBe('DE123456789');
  });

  it('drops unusable values and duplicates', () => {
    const identifiers = normalizeIdentifiers([
      { type: 'SSN', value: '521-21-2123' },
      { type: 'ssn', value: '521212123' },
      { type: 'passport', value: 'none' },
    ]);
    expect(identifiers).toEqual([{ type: 'ssn', label: 'ssn', value: '521212123', country: null }]);
  });
});

describe('identifierKeys', () => {
  it('gives one key without and one with the issuer, sorted', () => {
    const keys = identifierKeys(normalizeIdentifiers([{ type: 'passport', value: 'X1234', country: 'US' }, { type: 'lei', value: '5493001KJTIIGC8Y1R12' }]));
    expect(keys).toEqual(['lei:5493001KJTIIGC8Y1R12', 'passport:US:X1234', 'passport:X1234']);
  });
});
