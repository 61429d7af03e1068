import { describe, expect, it } from 'vitest';
import { normalizeAddress, normalizePostalCode, type AddressInput, type NormalizedAddress } from './address';

describe('normalizeAddress', () => {
  it.each<[AddressInput, Partial<NormalizedAddress>]>([
    [{ addressLine1: '123 North Main Street' }, { street: '123 n main st', streetNumber: '123', streetName: 'n main st' }],
    [{ addressLine1: '123 N. Main St.' }, { street: '123 n main st' }],
    [{ addressLine1: '405 Fifth Avenue', addressLine2: 'Suite 200' }, { street: '405 5th ave', unit: 'ste 200' }],
    [{ addressLine1: '1450 N City Rd Suite 900' }, { street: '1450 n city rd', unit: 'ste 900' }],
    [{ addressLine1: 'Suite 900, 1450 N City Rd' }, { street: '1450 n city rd', unit: 'ste 900' }],
    [{ addressLine1: '12 Main St #5' }, { street: '12 main st', unit: 'unit 5' }],
    [{ addressLine1: 'Hardenbergstraße 87' }, { street: 'hardenberg st 87', streetNumber: '87', streetName: 'hardenberg st' }],
    [{ addressLine1: 'Ansbacher Strasse 23' }, { streetNumber: '23', streetName: 'ansbacher st' }],
    [{ addressLine1: '8 stanley street', addressLine2: 'miami', city: 'winston hills' }, { street: '8 stanley st', extra: 'miami', city: 'winston hills' }],
    [
      { addressLine1: '123 Main Street, Las Vegas NV 89132' },
      { street: '123 main st', city: 'las vegas', state: 'NV', postalCode: '89132' },
    ],
    [{ addressLine1: '1 Main St', city: 'NYC', state: 'New York', country: 'United States' }, { city: 'new york', state: 'NY', country: 'US' }],
    [{ postalCode: '92723-0000', country: 'USA' }, { postalCode: '92723' }],
    // One-line addresses without a comma before the city, and a state that is also a unit word.
    [
      { addressLine1: '3212 W. 32nd St Palm Harbor, FL 60527' },
      { street: '3212 w 32nd st', city: 'palm harbor', state: 'FL', postalCode: '60527', unit: null },
    ],
    [{ addressLine1: '445 Overpass Rd San Ramon' }, { street: '445 overpass rd', city: 'san ramon' }],
    [{ addressLine1: '80 Delaware Ave SE Washington DC 40040' }, { street: '80 delaware ave se', city: 'washington', state: 'DC', postalCode: '40040' }],
    [{ addressLine1: 'Floor 12, 1 Main St', city: 'Austin' }, { street: '1 main st', unit: 'fl 12' }],
    // Written the Singapore way: a floor-unit number, a building name, the street, the postal code.
    [
      { addressLine1: '#01-11, HillV2, 4 Hillview Rise, 667979', country: 'Singapore' },
      { street: '4 hillview rise', unit: 'unit 0111', postalCode: '667979', country: 'SG' },
    ],
    // A street named by its number, then the town and the country on one line.
    [{ addressLine1: 'No 321, Street 128 Phnom Penh Cambodia' }, { street: 'st 128', unit: 'unit 321', city: 'phnom penh', country: 'KH' }],
    [{ addressLine1: '5 Peachtree St, Atlanta Georgia' }, { street: '5 peachtree st', city: 'atlanta', state: 'GA', country: null }],
    // Grid house numbers, numbered routes, two-word states, a country after the postal code or as its own part.
    [{ addressLine1: 'N56W123 Main St, Cedarburg WI 53012' }, { street: 'n56w123 main st', city: 'cedarburg', state: 'WI', postalCode: '53012' }],
    [{ addressLine1: '100 Route 9 Albany NY 12205' }, { street: '100 rte 9', city: 'albany', state: 'NY', postalCode: '12205' }],
    [{ addressLine1: '1 Main St, Santa Fe, New Mexico' }, { city: 'santa fe', state: 'NM', country: null }],
    [{ addressLine1: '1 Main St, East Jordan' }, { city: 'east jordan', country: null }],
    [{ addressLine1: '1 Infinite Loop, Cupertino, CA 95014, United States' }, { city: 'cupertino', state: 'CA', postalCode: '95014', country: 'US' }],
    [{ addressLine1: '12B Baker Street, London, United Kingdom' }, { street: '12b baker st', city: 'london', country: 'GB' }],
    // A building name before the number is not part of the street.
    [{ addressLine1: 'Adventura Apartments 638 Downey St, Salem, OR' }, { street: '638 downey st', streetNumber: '638', extra: 'adventura apartments', city: 'salem', state: 'OR' }],
    [{ addressLine1: 'Adventura Apartments 638 Downey St Salem' }, { street: '638 downey st', extra: 'adventura apartments', city: 'salem' }],
    [{ addressLine1: 'PO Box 12987', city: 'Chicago' }, { street: 'po box 12987', streetNumber: '12987' }],
  ])('%j', (input, expected) => expect(normalizeAddress(input)).toMatchObject(expected));

  it('returns all-null fields for an empty address', () => {
    expect(normalizeAddress({})).toEqual({
      street: null, streetNumber: null, streetName: null, unit: null, extra: null,
      city: null, state: null, postalCode: null, country: null,
    });
  });
});

describe('normalizePostalCode', () => {
  it.each<[string, string | null, string]>([
    ['89132-1234', 'US', '89132'],
    ['927230000', null, '92723'],
    ['m1s 1t4', 'CA', 'M1S1T4'],
    ['LE11 1UU', 'GB', 'LE111UU'],
    ['4223', 'AU', '4223'],
  ])('%s (%s) → %s', (raw, country, expected) => expect(normalizePostalCode(raw, country)).toBe(expected));
});
