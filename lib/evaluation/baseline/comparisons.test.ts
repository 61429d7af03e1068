import { describe, expect, test } from 'vitest';
import { BASELINE_FIELDS, compareRecords, exactLevel, jaroWinklerLevel, NULL_LEVEL, rawValue } from './comparisons';

describe('rawValue', () => {
  test.each([
    ['  ACME Corp. ', 'acme corp.'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [42, '42'],
  ])('%j → %j', (value, expected) => {
    expect(rawValue(value)).toBe(expected);
  });
});

describe('jaroWinklerLevel', () => {
  test.each([
    ['martha', 'martha', 0],
    ['martha', 'marhta', 1], // JW 0.961
    ['dixon', 'dicksonx', 2], // JW 0.813
    ['acme', 'zyxplor', 3],
    [null, 'acme', NULL_LEVEL],
    ['acme', null, NULL_LEVEL],
  ] as const)('%s ~ %s → level %i', (left, right, level) => {
    expect(jaroWinklerLevel(left, right)).toBe(level);
  });
});

describe('exactLevel', () => {
  test('exact, else, or null when a side is missing', () => {
    expect(exactLevel('a@b.com', 'a@b.com')).toBe(0);
    expect(exactLevel('a@b.com', 'a@c.com')).toBe(1);
    expect(exactLevel(null, 'a@c.com')).toBe(NULL_LEVEL);
  });
});

describe('compareRecords', () => {
  const level = (vector: Int8Array, field: string) => vector[BASELINE_FIELDS.findIndex((comparison) => comparison.field === field)];

  test('compares raw strings: no legal-form, phone or street normalisation, only case and spaces', () => {
    const vector = compareRecords(
      { companyName: 'Acme Corporation', phone: '(212) 555-0134', addressLine1: '123 Main Street', email: ' Bob@Acme.com', city: 'Denver' },
      { companyName: 'ACME Corp.', phone: '+12125550134', addressLine1: '123 Main St', email: 'bob@acme.com', city: null },
    );
    expect(level(vector, 'companyName')).toBeGreaterThan(0);
    expect(level(vector, 'phone')).toBe(1);
    expect(level(vector, 'addressLine1')).toBeGreaterThan(0);
    expect(level(vector, 'email')).toBe(0);
    expect(level(vector, 'city')).toBe(NULL_LEVEL);
    expect(level(vector, 'website')).toBe(NULL_LEVEL);
  });

  test('leaves out fields that describe rather than identify, and those implied by city and postcode', () => {
    expect(BASELINE_FIELDS.map((comparison) => comparison.field)).not.toEqual(expect.arrayContaining(['state']));
    expect(BASELINE_FIELDS.map((comparison) => comparison.field)).not.toEqual(expect.arrayContaining(['industry']));
  });
});
