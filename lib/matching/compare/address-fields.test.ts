import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import type { CustomerRecord } from '../types';
import { addressDetailComparison, countryComparison, localityComparison, streetComparison } from './address-fields';
import type { FieldComparisonDefinition } from './types';

function level(definition: FieldComparisonDefinition, a: CustomerRecord, b: CustomerRecord) {
  return definition.compare(normalizeRecord(a), normalizeRecord(b), {}).level;
}

describe('streetComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['123 North Main Street', '123 N Main St.', 'exact'],
    ['405 Fifth Avenue', '405 5th Ave', 'exact'],
    ['8 stanley street', '8 stanly street', 'numberAndNameClose'],
    ['12 pinkerton circuit', '12 circuit pinkerton', 'numberAndNameSimilar'],
    ['8 stanley street', '18 stanley street', 'nameOnly'],
    ['stanley street', '8 stanley street', 'nameOnly'],
    ['8 stanley street', '9 harbour road', 'else'],
    [null, '8 stanley street', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(level(streetComparison, { addressLine1: a }, { addressLine1: b })).toBe(expected);
  });
});

describe('streetComparison across swapped lines', () => {
  const swappedA = { addressLine1: '23 backler place', addressLine2: 'kilburnie', city: 'windsor' };
  const swappedB = { addressLine1: '23 kilburnie', addressLine2: 'backler place', city: 'windsor' };
  it('recognises the same words on swapped lines and does not count the detail mismatch again', () => {
    expect(level(streetComparison, swappedA, swappedB)).toBe('linesRearranged');
    expect(level(addressDetailComparison, swappedA, swappedB)).toBe('null');
  });
});

describe('addressDetailComparison', () => {
  it.each<[CustomerRecord, CustomerRecord, string]>([
    [{ addressLine1: '1 Main St', addressLine2: 'Suite 200' }, { addressLine1: '1 Main St Ste 200' }, 'exact'],
    [{ addressLine1: '1 Main St', addressLine2: 'Suite 200' }, { addressLine1: '1 Main St', addressLine2: 'Suite 310' }, 'else'],
    [{ addressLine2: 'bega flats', city: 'x' }, { addressLine2: 'bega flat', city: 'x' }, 'close'],
    [{ addressLine1: '1 Main St' }, { addressLine1: '1 Main St', addressLine2: 'Suite 200' }, 'null'],
  ])('%j vs %j → %s', (a, b, expected) => expect(level(addressDetailComparison, a, b)).toBe(expected));
});

describe('localityComparison', () => {
  it.each<[CustomerRecord, CustomerRecord, string]>([
    [{ city: 'Las Vegas', postalCode: '89132' }, { city: 'las vegas', postalCode: '89132-0001' }, 'postalAndCity'],
    [{ city: 'Las Vegas', postalCode: '89132' }, { city: 'Henderson', postalCode: '89132' }, 'postal'],
    [{ city: 'NYC', state: 'NY' }, { city: 'New York', state: 'New York', postalCode: '10001' }, 'cityAndState'],
    [{ city: 'Las Vegas' }, { city: 'Las Vegas', state: 'NV' }, 'city'],
    [{ city: 'Reno', state: 'NV' }, { city: 'Las Vegas', state: 'NV' }, 'state'],
    [{ city: 'rydd', state: 'NSW', postalCode: '4070' }, { city: 'ryde', state: 'NSW', postalCode: '4700' }, 'nearby'],
    [{ city: 'Reno', postalCode: '89501' }, { city: 'Sparks', postalCode: '89502' }, 'nearby'],
    [{ city: 'Reno', state: 'NV', postalCode: '89501' }, { city: 'Sparks', state: 'NV', postalCode: '89431' }, 'state'],
    [{ city: 'Reno', state: 'NV' }, { city: 'Austin', state: 'TX' }, 'else'],
    [{ city: 'Reno' }, { state: 'NV' }, 'null'],
    [{}, { city: 'Reno' }, 'null'],
  ])('%j vs %j → %s', (a, b, expected) => expect(level(localityComparison, a, b)).toBe(expected));
});

describe('countryComparison', () => {
  it.each<[string | null, string | null, string]>([
    ['USA', 'United States', 'same'],
    ['US', 'DE', 'different'],
    [null, 'US', 'null'],
  ])('%s vs %s → %s', (a, b, expected) => expect(level(countryComparison, { country: a }, { country: b })).toBe(expected));
});
