import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import { comparePair, FIELD_COMPARISONS } from './compare-pair';

describe('comparePair', () => {
  const a = normalizeRecord({ companyName: 'Acme Corporation', email: 'bob@acme.com', phone: '702-919-1300' });
  const b = normalizeRecord({ companyName: 'ACME Corp.', email: 'bob@acme.com', phone: '702 919 1300' });

  it('returns one comparison per field, in the fixed order, with null levels for missing data', () => {
    const vector = comparePair(a, b);
    expect(vector.comparisons.map((comparison) => comparison.field)).toEqual(FIELD_COMPARISONS.map((d) => d.field));
    expect(vector.comparisons.find((c) => c.field === 'street')?.level).toBe('null');
    expect(vector.comparisons.find((c) => c.field === 'companyName')).toMatchObject({ level: 'exact', left: 'acme', right: 'acme' });
  });

  it('attaches term frequencies for exact agreements only, ignoring invalid ones', () => {
    const lookups: string[] = [];
    const vector = comparePair(a, b, {}, (field, value) => {
      lookups.push(`${field}=${value}`);
      return field === 'phone' ? 7 : 0.01;
    });
    // The shared mailbox's domain is part of the email agreement, so "domain" is not looked up.
    expect(lookups).toEqual(['companyName=acme', 'email=bob@acme.com', 'phone=+17029191300']);
    expect(vector.comparisons.find((c) => c.field === 'companyName')?.termFrequency).toBe(0.01);
    expect(vector.comparisons.find((c) => c.field === 'phone')?.termFrequency).toBeUndefined();
    expect(vector.comparisons.find((c) => c.field === 'legalForm')?.termFrequency).toBeUndefined();
  });

  it('every level a comparison returns is one of its declared levels or null', () => {
    const records = [a, b, normalizeRecord({}), normalizeRecord({ companyName: 'Globex LLC', addressLine1: '1 Main St', city: 'Reno' })];
    for (const x of records) {
      for (const y of records) {
        for (const comparison of comparePair(x, y, { profileCosine: 0.5, nameCosine: 0.5 }).comparisons) {
          const definition = FIELD_COMPARISONS.find((d) => d.field === comparison.field)!;
          expect([...definition.levels, 'null']).toContain(comparison.level);
        }
      }
    }
  });
});
