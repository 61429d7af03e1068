import { describe, expect, it } from 'vitest';
import { resolveBandThresholds } from '../matching/band';
import { MATCH_MODEL } from '../matching/model';
import { normalizeRecord } from '../matching/normalize/record';
import { scoreCandidates } from '../matching/pipeline';
import { DEFAULT_MATCH_PARAMETERS } from '../matching/score/default-params';
import type { CustomerRecord } from '../matching/types';
import { matchCriteriaFieldSchema, matchCriteriaSchema } from '../schemas/explanation';
import { matchCriteria, withLinkedRecords } from './match-criteria';

const incoming: CustomerRecord = {
  companyName: 'Acme Corporation',
  email: 'jane@acme.com',
  phone: '+1 212 555 0101',
  addressLine1: '123 Main Street',
  city: 'New York',
  postalCode: '10001',
  country: 'US',
  website: 'acme.com',
  identifiers: [{ type: 'VAT', value: 'US123456789' }],
};
const sameCompany: CustomerRecord = { ...incoming, companyName: 'ACME Corp.' };
const otherVatNumber: CustomerRecord = { ...incoming, identifiers: [{ type: 'VAT', value: 'US987654321' }] };

/** What the writer stores for each candidate, scored by the product's pipeline and parameters. */
function written(customers: CustomerRecord[]) {
  const { candidates } = scoreCandidates(
    normalizeRecord(incoming),
    customers.map((customer, index) => ({ customer: index, normalized: normalizeRecord(customer), channels: ['email' as const], nameCosine: 0.95, profileCosine: 0.99 })),
    {
      model: MATCH_MODEL,
      params: DEFAULT_MATCH_PARAMETERS,
      thresholds: resolveBandThresholds(),
      // A rare email address: its u comes from the term frequency.
      termFrequency: (field) => (field === 'email' ? 0.001 : undefined),
      customerCount: 50,
      describe: (index) => `#${index}`,
    },
  );
  return candidates.map(matchCriteria);
}

// Two candidates that exclude each other (competition), the contradicting one alone (held from exact), and
// one found through a record already linked to it: between them every optional key is written.
const explanations = [
  ...written([sameCompany, otherVatNumber]),
  ...written([otherVatNumber]),
  ...written([sameCompany]).map((criteria) => withLinkedRecords(criteria, [41])),
];

describe('matchCriteria', () => {
  it('writes exactly the shape lib/schemas/explanation.ts declares, before and after the JSONB round trip', () => {
    for (const explanation of explanations) {
      expect(matchCriteriaSchema.parse(explanation)).toEqual(explanation);
      const stored: unknown = JSON.parse(JSON.stringify(explanation));
      expect(matchCriteriaSchema.parse(stored)).toEqual(stored);
    }
  });

  it('writes every key the schema declares somewhere in these pairs, so the schema holds nothing the writer dropped', () => {
    const topKeys = new Set(explanations.flatMap((explanation) => Object.keys(explanation)));
    const fieldKeys = new Set(explanations.flatMap((explanation) => explanation.fields.flatMap((field) => Object.keys(field))));
    expect([...topKeys].sort()).toEqual(Object.keys(matchCriteriaSchema.shape).sort());
    expect([...fieldKeys].sort()).toEqual(Object.keys(matchCriteriaFieldSchema.shape).sort());
    expect(explanations.map((explanation) => explanation.exact_hold)).toContain('contradiction');
  });

  it('names the linked records that found a candidate, and only when there are some', () => {
    const [criteria] = written([sameCompany]);
    expect(withLinkedRecords(criteria, [41, 42]).linked_record_ids).toEqual([41, 42]);
    expect(withLinkedRecords(criteria, [])).toBe(criteria);
    expect(withLinkedRecords(criteria, undefined)).not.toHaveProperty('linked_record_ids');
  });

  it('is refused by the schema with a key the writer does not write, at either level', () => {
    const [explanation] = explanations;
    expect(matchCriteriaSchema.safeParse({ ...explanation, score: 1 }).success).toBe(false);
    expect(matchCriteriaSchema.safeParse({ ...explanation, fields: [{ ...explanation.fields[0], note: 'x' }] }).success).toBe(false);
  });
});
