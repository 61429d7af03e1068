import { beforeAll, describe, expect, test } from 'vitest';
import type { LabelledRecord } from '@/lib/evaluation/datasets/types';
import { generateCompanyDataset, type GeneratedCompanyDataset, type IncomingTruth } from './generate';
import { lower, phoneTail, siteDomain, withoutLegalForm } from './generated-records.test-helpers';

/** Street line, suite, postal code and city as they survive the source's writing habits. */
const premises = (record: LabelledRecord) => [record.addressLine1, record.addressLine2, record.postalCode, record.city].map(lower);
const words = (name: string) => withoutLegalForm(name).split(/[\s&]+/).filter(Boolean);
const pairKeys = (pairs: Array<[string, string]>) => new Set(pairs.map((pair) => pair.join('|')));

describe('the two sides of shared premises in the default generated set', () => {
  let dataset: GeneratedCompanyDataset;
  let customers: Map<string, LabelledRecord>;
  let incoming: Map<string, LabelledRecord>;
  const pairsOf = (entries: IncomingTruth[]) => entries.map((entry) => [incoming.get(entry.incomingId)!, customers.get(entry.customerId!)!] as const);

  beforeAll(() => {
    dataset = generateCompanyDataset({ seed: 20240501, customers: 1000 });
    customers = new Map(dataset.customers.map((record) => [record.id, record]));
    incoming = new Map(dataset.incoming.map((record) => [record.id, record]));
  });
  const rebrands = () => dataset.truth.filter((entry) => entry.perturbations.includes('rebrand'));
  const otherBusinesses = () => dataset.truth.filter((entry) => entry.hardNegativeKind === 'same_premises');

  test('each is a few percent of incoming records, labelled true and must-not-merge respectively', () => {
    expect(rebrands()).toHaveLength(40);
    expect(otherBusinesses().length).toBeGreaterThanOrEqual(25);
    expect(otherBusinesses().length).toBeLessThanOrEqual(60);
    const truePairs = pairKeys(dataset.truePairs);
    const hardNegatives = pairKeys(dataset.hardNegativePairs);
    for (const entry of rebrands()) {
      expect(entry.kind).toBe('variant');
      expect(truePairs.has(`${entry.incomingId}|${entry.customerId}`)).toBe(true);
    }
    for (const entry of otherBusinesses()) {
      expect(entry.kind).toBe('hard_negative');
      expect(hardNegatives.has(`${entry.incomingId}|${entry.customerId}`)).toBe(true);
      expect(truePairs.has(`${entry.incomingId}|${entry.customerId}`)).toBe(false);
    }
  });

  test('a rebrand is the customer under a new name (not a re-writing) at the same premises, phone and website', () => {
    for (const [record, customer] of pairsOf(rebrands())) {
      expect(premises(record), record.id).toEqual(premises(customer));
      expect(phoneTail(record.phone)).toBe(phoneTail(customer.phone));
      expect(siteDomain(record.website)).toBe(siteDomain(customer.website));
      expect(words(record.companyName!)[0]).not.toBe(words(customer.companyName!)[0]);
      expect(words(record.companyName!), record.id).not.toContain(words(customer.companyName!)[0]);
    }
  });

  test('a rebrand usually keeps its contact person, e-mail and figures, and lists what it changed', () => {
    const entries = rebrands();
    const pairs = pairsOf(entries);
    const samePerson = pairs.filter(([record, customer]) => lower(record.contactName) === lower(customer.contactName));
    expect(samePerson.length / pairs.length).toBeGreaterThan(0.7);
    entries.forEach((entry, index) => {
      const [record, customer] = pairs[index];
      const personChanged = entry.perturbations.includes('other_contact');
      expect(lower(record.contactName) !== lower(customer.contactName), record.id).toBe(personChanged);
      const emailChanged = personChanged || entry.perturbations.includes('rebrand_email');
      expect(lower(record.email) !== lower(customer.email), record.id).toBe(emailChanged);
      if (!entry.perturbations.includes('figures_updated')) expect([record.revenue, record.employeeCount]).toEqual([customer.revenue, customer.employeeCount]);
      else if (record.revenue && customer.revenue) expect(Math.abs(record.revenue / customer.revenue - 1)).toBeLessThan(0.2);
    });
    expect(entries.filter((entry) => entry.perturbations.includes('rebrand_email')).length).toBeGreaterThan(0);
  });

  test('another business at the same premises has its own name, person, e-mail and figures', () => {
    for (const [record, customer] of pairsOf(otherBusinesses())) {
      expect(premises(record), record.id).toEqual(premises(customer));
      expect(words(record.companyName!), record.id).not.toContain(words(customer.companyName!)[0]);
      const [theirs, customers] = [record.contactName, customer.contactName].map((name) => lower(name)?.split(' '));
      expect(theirs, record.id).toBeTruthy();
      // Given and family name both differ: not the customer's contact written another way.
      if (customers) expect([theirs![0] === customers[0], theirs!.at(-1) === customers.at(-1)], record.id).toEqual([false, false]);
      expect(lower(record.email)).not.toBe(lower(customer.email));
      if (record.revenue && customer.revenue) expect(record.revenue).not.toBe(customer.revenue);
    }
    // Its own head count, which two small firms can still share by chance.
    const counted = pairsOf(otherBusinesses()).filter(([record, customer]) => record.employeeCount && customer.employeeCount);
    const sameCount = counted.filter(([record, customer]) => record.employeeCount === customer.employeeCount);
    expect(sameCount.length / counted.length).toBeLessThan(0.1);
  });

  test('another business at the same premises often answers on the switchboard, sometimes on the same domain', () => {
    const pairs = pairsOf(otherBusinesses());
    const share = (shared: (record: LabelledRecord, customer: LabelledRecord) => boolean) =>
      pairs.filter(([record, customer]) => shared(record, customer)).length / pairs.length;
    expect(share((record, customer) => phoneTail(record.phone) === phoneTail(customer.phone))).toBeGreaterThan(0.4);
    expect(share((record, customer) => phoneTail(record.phone) === phoneTail(customer.phone))).toBeLessThan(0.8);
    const sameDomain = share((record, customer) => lower(record.email)?.split('@')[1] === siteDomain(customer.website) || lower(record.email)?.split('@')[1] === lower(customer.email)?.split('@')[1]);
    expect(sameDomain).toBeGreaterThan(0.1);
    expect(sameDomain).toBeLessThan(0.5);
  });
});

describe('shared premises with a seed', () => {
  test('are reproducible for a seed and differ for another', () => {
    const options = { seed: 11, customers: 120, rebrandShare: 0.1 };
    const kinds = (dataset: GeneratedCompanyDataset) =>
      dataset.truth.filter((entry) => entry.perturbations.includes('rebrand') || entry.hardNegativeKind === 'same_premises');
    const first = generateCompanyDataset(options);
    expect(kinds(first).length).toBeGreaterThan(12);
    expect(generateCompanyDataset(options)).toEqual(first);
    const byId = (dataset: GeneratedCompanyDataset) => new Map(dataset.incoming.map((record) => [record.id, record]));
    const other = generateCompanyDataset({ ...options, seed: 12 });
    const names = new Set(kinds(first).map((entry) => byId(first).get(entry.incomingId)!.companyName));
    expect(kinds(other).filter((entry) => names.has(byId(other).get(entry.incomingId)!.companyName))).toEqual([]);
  });
});
