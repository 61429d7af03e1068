import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import type { CustomerRecord, RecordIdentifier } from '../types';
import { dateOfBirthComparison, identifierComparison } from './identity-fields';
import type { FieldComparisonDefinition } from './types';

function compare(definition: FieldComparisonDefinition, a: CustomerRecord, b: CustomerRecord) {
  return definition.compare(normalizeRecord(a), normalizeRecord(b), {});
}

describe('identifierComparison', () => {
  const ids = (...identifiers: RecordIdentifier[]): CustomerRecord => ({ identifiers });
  it.each<[CustomerRecord, CustomerRecord, string]>([
    [ids({ type: 'SSN', value: '521-21-2123' }), ids({ type: 'ssn', value: '521212123' }), 'exact'],
    [ids({ type: 'passport', value: '234456456', country: 'DE' }), ids({ type: 'passport', value: '234456456', country: 'Germany' }), 'exact'],
    [ids({ type: 'passport', value: '10251111', country: 'US' }), ids({ type: 'passport', value: '10252222', country: 'USA' }), 'conflict'],
    // Passports of two countries can both be one person's: no evidence either way.
    [ids({ type: 'passport', value: '10251111', country: 'US' }), ids({ type: 'passport', value: '77777777', country: 'CA' }), 'null'],
    [ids({ type: 'passport', value: '10251111' }), ids({ type: 'ssn', value: '10251111' }), 'null'],
    [ids({ type: 'passport', value: '1231345345', country: 'US' }, { type: 'DL', value: '8923322', country: 'OR' }), ids({ type: 'dl', value: '8923322', country: 'Oregon' }, { type: 'ssn', value: '521212123' }), 'exact'],
    [ids({ type: 'UEN', value: '201012345A' }), ids({ type: 'GST reg', value: '201099999A' }), 'null'],
    [ids(), ids({ type: 'vat', value: 'DE123456789' }), 'null'],
  ])('%j vs %j → %s', (a, b, expected) => expect(compare(identifierComparison, a, b).level).toBe(expected));

  it('asks for the frequency of the shared number', () => {
    const outcome = compare(identifierComparison, ids({ type: 'VAT', value: 'DE123456789' }), ids({ type: 'vat', value: 'de 123456789' }));
    expect(outcome.termFrequencyKey).toEqual({ field: 'identifier', value: 'vat:DE123456789' });
  });
});

describe('dateOfBirthComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['1978-12-11', '19781211', 'exact'],
    ['20/8/1991', '8/20/91', 'exact'],
    // An ambiguous date may be read either way against an unambiguous one ...
    ['12/11/1978', '1978-11-12', 'exact'],
    // ... but two dates written the same way are read the same way: a transposition.
    ['12/11/1978', '11/12/1978', 'transposed'],
    ['2/1/85', '1/2/85', 'transposed'],
    ['10/27/76', '10/28/76', 'yearMonth'],
    ['1978-12', '1978-12-11', 'yearMonth'],
    ['12/11/1978', '11/12/1979', 'yearClose'],
    ['1978', '1978-12-11', 'yearClose'],
    ['3/31/1954', '12/11/1978', 'else'],
    [null, '12/11/1978', 'null'],
    ['not a date', '12/11/1978', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(compare(dateOfBirthComparison, { dateOfBirth: a }, { dateOfBirth: b }).level).toBe(expected);
    expect(compare(dateOfBirthComparison, { dateOfBirth: b }, { dateOfBirth: a }).level).toBe(expected);
  });

  it('asks for the frequency of the agreed day only on exact agreement', () => {
    expect(compare(dateOfBirthComparison, { dateOfBirth: '1/7/80' }, { dateOfBirth: '1980-01-07' }).termFrequencyKey).toEqual({ field: 'dateOfBirth', value: '1980-01-07' });
    expect(compare(dateOfBirthComparison, { dateOfBirth: '12/11/1978' }, { dateOfBirth: '11/12/1978' }).termFrequencyKey).toBeUndefined();
  });
});
