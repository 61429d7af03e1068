import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../normalize/record';
import { comparePair, contradicts, FIELD_COMPARISONS, SHARED_CONTACT_MODEL } from './compare-pair';

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

describe('contradicts', () => {
  const compared = (x: Parameters<typeof normalizeRecord>[0], y: Parameters<typeof normalizeRecord>[0]) =>
    comparePair(normalizeRecord(x), normalizeRecord(y)).comparisons;
  const address = { addressLine1: '1450 N City Rd Suite 900', city: 'Arlington', state: 'VA', postalCode: '23208' };

  it.each<[string, Parameters<typeof normalizeRecord>[0], Parameters<typeof normalizeRecord>[0]]>([
    ['Jr against Sr', { contactName: 'David Dobbins Jr', ...address }, { contactName: 'David Dobbins Senior', ...address }],
    ['clearly different given names', { contactName: 'Mark Kusha', dateOfBirth: '1997-09-28' }, { contactName: 'Marsha Kusha', dateOfBirth: '1997-09-28' }],
    ['birth dates years apart', { contactName: 'John Smith', dateOfBirth: '1950-01-01' }, { contactName: 'John Smith', dateOfBirth: '1990-06-30' }],
    ['two numbers of one document', { contactName: 'John Smith', identifiers: [{ type: 'ssn', value: '123-45-6789' }] }, { contactName: 'John Smith', identifiers: [{ type: 'ssn', value: '987-65-4321' }] }],
  ])('finds a contradiction: %s', (_, x, y) => expect(contradicts(compared(x, y))).toBe(true));

  it.each<[string, Parameters<typeof normalizeRecord>[0], Parameters<typeof normalizeRecord>[0]]>([
    ['a nickname and a typo', { contactName: 'Bob Smith', ...address }, { contactName: 'Robert Smtih', ...address }],
    ['one generation missing', { contactName: 'David Dobbins Jr', ...address }, { contactName: 'David Dobbins', ...address }],
    ['nothing in common', { companyName: 'Acme' }, { companyName: 'Globex' }],
  ])('finds none: %s', (_, x, y) => expect(contradicts(compared(x, y))).toBe(false));
});

describe('comparePair at a shared contact point', () => {
  const context = (a: Parameters<typeof normalizeRecord>[0], b: Parameters<typeof normalizeRecord>[0]) =>
    Object.fromEntries(comparePair(normalizeRecord(a), normalizeRecord(b), {}, undefined, true).comparisons.filter((c) => c.context).map((c) => [c.field, c.level]));

  it('is off by default (SHARED_CONTACT_MODEL): no comparison is marked', () => {
    const edward = normalizeRecord({ contactName: 'Edward Kusha', email: 'kusha123@hmail.com' });
    const mary = normalizeRecord({ contactName: 'Mary Kusha', email: 'kusha123@hmail.com' });
    expect(SHARED_CONTACT_MODEL).toBe(false);
    expect(comparePair(edward, mary).comparisons.filter((c) => c.context)).toEqual([]);
  });

  it('marks the identity fields of two people sharing a mailbox, number or address', () => {
    const edward = { contactName: 'Edward Kusha', email: 'kusha123@hmail.com', dateOfBirth: '3/1/1970' };
    const mary = { contactName: 'Mary Kusha', email: 'Kusha123@hmail.com', dateOfBirth: '10/27/1976' };
    expect(context(edward, mary)).toEqual({ personName: 'givenConflict', dateOfBirth: 'else' });
    const home = { addressLine1: '1304 Poppy Hills Dr', city: 'Blacklick', state: 'OH' };
    expect(context({ contactName: 'Mark Kusha', ...home }, { contactName: 'Marsha Kusha', ...home })).toHaveProperty('personName');
    expect(context({ contactName: 'Ray Roderick', phone: '971-421-8250' }, { contactName: 'R Roderick', phone: '9714218250' })).toEqual({ personName: 'initials' });
  });

  it('leaves pairs that share only a city, or nothing, and missing comparisons unmarked', () => {
    expect(context({ contactName: 'Ed Knight', city: 'San Francisco', state: 'CA' }, { contactName: 'Eddie Kusha', city: 'San Francisco', state: 'CA' })).toEqual({});
    expect(context({ contactName: 'Ann Lee', email: 'ann@x.com' }, { contactName: 'Ann Lee', email: 'lee@y.com' })).toEqual({});
    expect(context({ contactName: 'Ann Lee', email: 'ann@x.com' }, { email: 'ann@x.com' })).toEqual({});
  });
});
