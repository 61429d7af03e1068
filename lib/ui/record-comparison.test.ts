import { describe, expect, it } from 'vitest';
import { comparePair } from '../matching/compare/compare-pair';
import { normalizeRecord } from '../matching/normalize/record';
import type { CustomerRecord } from '../matching/types';
import type { MatchCriteria } from '../schemas/explanation';
import { matchCriteriaOf } from '../schemas/explanation.test-helpers';
import { agreementOf, compareRecords, type BusinessRecord } from './record-comparison';

/** The explanation the engine would store for this pair (weights aside): its own levels and normalised values. */
function engineExplanation(incoming: CustomerRecord, customer: CustomerRecord): MatchCriteria {
  const { comparisons } = comparePair(normalizeRecord(incoming), normalizeRecord(customer));
  return matchCriteriaOf({
    prior_weight: -10,
    match_weight: 0,
    match_probability: 0.5,
    fields: comparisons.map((comparison) => ({ field: comparison.field, level: comparison.level, weight: 1, incoming: comparison.left, candidate: comparison.right, ...(comparison.contradicts ? { contradicts: true } : {}) })),
  });
}

const falcon = {
  companyName: 'Falcon Transport LLC',
  contactName: 'Maria Lopez',
  phone: '713-608-5161',
  website: 'falcontransport.com',
  addressLine1: '3367 George Court',
  city: 'Houston',
  state: 'TX',
  postalCode: '77002',
  country: 'US',
} satisfies CustomerRecord & BusinessRecord;

const falconAgain = { ...falcon, phone: '+17136085161', website: 'www.falcontransport.com', companyName: 'Falcon Transport, L.L.C.' };

describe('agreementOf', () => {
  it.each([
    ['Acme Corp.', 'ACME corp', 'same'],
    ['Boston', 'New York', 'differs'],
    [null, 'x', 'only_customer'],
    ['x', null, 'only_incoming'],
    [null, null, 'both_empty'],
  ] as const)('%s vs %s → %s', (left, right, expected) => expect(agreementOf(left, right)).toBe(expected));
});

describe('compareRecords with the engine explanation', () => {
  const rows = compareRecords(falconAgain, falcon, engineExplanation(falconAgain, falcon));
  const row = (key: string) => rows.find((candidate) => candidate.key === key)!;

  it('says a phone written two ways is the same number, and shows what was compared', () => {
    expect(row('phone')).toMatchObject({ incoming: '+17136085161', customer: '713-608-5161', agreement: 'same', text: 'same number after normalising' });
    expect(row('phone').normalized).toEqual({ incoming: '+17136085161', customer: '+17136085161' });
  });

  it('says www.domain and domain are the same web domain', () => {
    expect(row('domain')).toMatchObject({ label: 'Web domain', agreement: 'same', text: 'same web domain' });
  });

  it('compares company names after normalising and the place as one comparison', () => {
    expect(row('companyName').agreement).toBe('same');
    expect(row('locality')).toMatchObject({ label: 'City, state and postal code', agreement: 'same', text: 'same postal code and city' });
  });

  it('says different in words where the engine found a difference', () => {
    const other = { ...falcon, contactName: 'Peter Brown', phone: '713-555-0000' };
    const differing = compareRecords(other, falcon, engineExplanation(other, falcon));
    expect(differing.find((candidate) => candidate.key === 'phone')).toMatchObject({ agreement: 'differs', text: 'different numbers' });
    expect(differing.find((candidate) => candidate.key === 'contactName')).toMatchObject({ agreement: 'differs', text: 'different people' });
  });

  it('shows one row per set of fields, and fields no comparison covers raw', () => {
    const keys = rows.map((candidate) => candidate.key);
    expect(keys.filter((key) => key === 'personName' || key === 'generation')).toEqual([]);
    const described = compareRecords({ ...falconAgain, description: 'Trucking' }, falcon, engineExplanation(falconAgain, falcon));
    expect(described.find((candidate) => candidate.key === 'description')).toMatchObject({ agreement: 'only_incoming', normalized: null });
  });
});

describe('compareRecords without an explanation (older rows)', () => {
  it('compares each field raw, reading dates and document numbers as the engine does', () => {
    const rows = compareRecords(
      { companyName: 'Acme', identifiers: [{ type: 'ein', value: '59-1111111' }], dateOfBirth: '05/06/1980', city: '' },
      { companyName: 'ACME', identifiers: [{ type: 'EIN', value: '591111111', country: 'US' }], dateOfBirth: '1980-05-06', city: 'Boston' },
      null,
    );
    const byKey = Object.fromEntries(rows.map((row) => [row.key, row.agreement]));
    expect(byKey).toEqual({ companyName: 'same', city: 'only_customer', dateOfBirth: 'same', identifiers: 'same' });
    expect(compareRecords({ dateOfBirth: '1980-05-06' }, { dateOfBirth: '1980-06-05' }, null)[0].agreement).toBe('differs');
  });
});

describe('compareRecords for missing evidence', () => {
  it('shows one row for a contact person the engine did not compare, not one per comparison of that field', () => {
    const incoming = { companyName: 'Heron Robotics', contactName: 'Kari Nordmann', city: 'Oslo', country: 'NO' };
    const customer = { companyName: 'Heron Robotics', city: 'Oslo', country: 'NO' };
    const rows = compareRecords(incoming, customer, engineExplanation(incoming, customer));
    expect(rows.filter((row) => row.incoming === 'Kari Nordmann').map((row) => [row.key, row.agreement])).toEqual([['contactName', 'only_incoming']]);
  });

  it('says only the customer has a web domain when the shared mailbox is no company domain', () => {
    const incoming = { companyName: 'Acme Corp.', email: 'john.smith@acme.com', city: 'New York', country: 'US' };
    const customer = { ...incoming, companyName: 'Acme Corporation', website: 'https://www.acme.com' };
    const domain = compareRecords(incoming, customer, engineExplanation(incoming, customer)).find((row) => row.key === 'domain');
    expect(domain).toMatchObject({ agreement: 'only_customer', text: 'Only the customer has it' });
  });
});
