import { describe, expect, it } from 'vitest';
import { countryCode, isKnownRegion, normalizeCity, stateCode } from './geo';

describe('countryCode', () => {
  it.each<[string | null, string | null]>([
    ['United States', 'US'], ['USA', 'US'], ['us', 'US'], ['U.S.A.', 'US'], ['Germany', 'DE'],
    ['DEU', 'DE'], ['United Kingdom', 'GB'], ['UK', 'GB'], ['Canada', 'CA'], ['CAN', 'CA'],
    ['Singapore', 'SG'], ['Pakistan', 'PK'], ['Australia', 'AU'], ['Atlantis', 'ATLANTIS'], [null, null],
  ])('%s → %s', (raw, expected) => expect(countryCode(raw)).toBe(expected));
});

describe('stateCode', () => {
  it.each<[string, string]>([
    ['New York', 'NY'], ['ny', 'NY'], ['OHIO', 'OH'], ['Texas', 'TX'], ['nsw', 'NSW'],
    ['Victoria', 'VIC'], ['Ontario', 'ON'], ['Bavaria', 'BAVARIA'],
  ])('%s → %s', (raw, expected) => expect(stateCode(raw)).toBe(expected));
  it('knows region codes and names', () => {
    expect(isKnownRegion('nv')).toBe(true);
    expect(isKnownRegion('nevada')).toBe(true);
    expect(isKnownRegion('vegas')).toBe(false);
  });
});

describe('normalizeCity', () => {
  it.each<[string, string]>([
    ['NYC', 'new york'], ['New York City', 'new york'], ['St. Louis', 'saint louis'],
    ['Saint Louis', 'saint louis'], ['Ft Worth', 'fort worth'], ['Las Vegas', 'las vegas'],
  ])('%s → %s', (raw, expected) => expect(normalizeCity(raw)).toBe(expected));
});
