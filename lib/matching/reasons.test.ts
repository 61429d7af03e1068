import { describe, expect, it } from 'vitest';
import { rankReasons } from './reasons';

describe('rankReasons', () => {
  const fields = [
    { field: 'street', weight: 9.8 },
    { field: 'phone', weight: 0 },
    { field: 'locality', weight: -4.1 },
    { field: 'companyName', weight: 9.8 },
    { field: 'personName', weight: 0, contradicts: true },
  ];
  it('puts a contradiction first, then the biggest weights either way, ties by name, and drops what weighed nothing', () => {
    expect(rankReasons(fields, 4).map((field) => field.field)).toEqual(['personName', 'companyName', 'street', 'locality']);
    expect(rankReasons(fields, 1).map((field) => field.field)).toEqual(['personName']);
    expect(rankReasons(fields.filter((field) => !field.contradicts), 10).map((field) => field.field)).toEqual(['companyName', 'street', 'locality']);
  });
});
