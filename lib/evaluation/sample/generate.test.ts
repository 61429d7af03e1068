import { beforeAll, describe, expect, test } from 'vitest';
import { generateCompanyDataset, generateCustomers, type GeneratedCompanyDataset, type IncomingTruth } from './generate';
import { HARD_NEGATIVE_KINDS } from './hard-negatives';
import { PERTURBATION_KINDS } from './perturbation-kinds';
import { COUNTRY_CODES } from './countries';
import type { LabelledRecord } from '@/lib/evaluation/datasets/types';
import { agreeingIdentifiers, companyDomains, FREE_MAIL, lower, phoneTail, withoutLegalForm } from './generated-records.test-helpers';

describe('generateCompanyDataset', () => {
  let dataset: GeneratedCompanyDataset;
  let customers: Map<string, LabelledRecord>;
  let incoming: Map<string, LabelledRecord>;
  const ofKind = (kind: IncomingTruth['kind']) => dataset.truth.filter((entry) => entry.kind === kind);

  beforeAll(() => {
    dataset = generateCompanyDataset({ seed: 20240501, customers: 1000 });
    customers = new Map(dataset.customers.map((record) => [record.id, record]));
    incoming = new Map(dataset.incoming.map((record) => [record.id, record]));
  });

  test('is reproducible: the same seed gives the same data, another seed other data', () => {
    const small = { seed: 5, customers: 60 };
    expect(generateCompanyDataset(small)).toEqual(generateCompanyDataset(small));
    const other = generateCompanyDataset({ ...small, seed: 6 });
    const names = new Set(generateCompanyDataset(small).customers.map((record) => record.companyName));
    expect(other.customers.filter((record) => names.has(record.companyName)).length).toBeLessThan(10);
  });

  test('has the requested counts and shares', () => {
    expect(dataset.mode).toBe('link');
    expect(customers.size).toBe(1000);
    expect(incoming.size).toBe(1000);
    expect(dataset.truth).toHaveLength(1000);
    expect(ofKind('hard_negative')).toHaveLength(300);
    expect(ofKind('new')).toHaveLength(100);
    expect(ofKind('variant')).toHaveLength(600);
    expect(ofKind('variant').filter((entry) => entry.perturbations.includes('sparse'))).toHaveLength(300);
    expect(ofKind('variant').filter((entry) => entry.perturbations.includes('rebrand'))).toHaveLength(40);
    expect(ofKind('hard_negative').filter((entry) => entry.hardNegativeKind === 'same_premises').length).toBeGreaterThan(25);
    expect(dataset.truePairs).toHaveLength(600);
    expect(dataset.hardNegativePairs).toHaveLength(300);
    expect(generateCompanyDataset({ seed: 1, customers: 50, incomingPerCustomer: 2, newShare: 0.5, hardNegativeShare: 0, sparsePositiveShare: 0 }).incoming).toHaveLength(100);
  });

  test('refuses shares that do not add up', () => {
    expect(() => generateCompanyDataset({ seed: 1, customers: 10, hardNegativeShare: 0.6, sparsePositiveShare: 0.6 })).toThrow(/sum to at most 1/);
    expect(() => generateCompanyDataset({ seed: 1, customers: 10, sparsePositiveShare: 0.5, rebrandShare: 0.2 })).toThrow(/sum to at most 1/);
  });

  test('every pair names existing records, and the truth agrees with the pairs', () => {
    for (const [incomingId, customerId] of [...dataset.truePairs, ...dataset.hardNegativePairs]) {
      expect(incoming.has(incomingId)).toBe(true);
      expect(customers.has(customerId)).toBe(true);
    }
    const truePairKeys = new Set(dataset.truePairs.map((pair) => pair.join('|')));
    for (const entry of ofKind('variant')) expect(truePairKeys.has(`${entry.incomingId}|${entry.customerId}`)).toBe(true);
    expect(new Set(dataset.truth.map((entry) => entry.incomingId))).toEqual(new Set(incoming.keys()));
  });

  test('every perturbation kind and every hard-negative kind occurs', () => {
    const perturbations = new Set(dataset.truth.flatMap((entry) => entry.perturbations));
    expect([...PERTURBATION_KINDS].filter((kind) => !perturbations.has(kind))).toEqual([]);
    const hardNegativeKinds = new Set(dataset.truth.map((entry) => entry.hardNegativeKind).filter(Boolean));
    expect([...HARD_NEGATIVE_KINDS].filter((kind) => !hardNegativeKinds.has(kind))).toEqual([]);
  });

  test('every variant is decidable: a name plus an identifier that agrees exactly', () => {
    for (const entry of ofKind('variant')) {
      const record = incoming.get(entry.incomingId)!;
      const customer = customers.get(entry.customerId!)!;
      expect(record.companyName ?? record.contactName, entry.incomingId).toBeTruthy();
      expect(agreeingIdentifiers(record, customer), entry.incomingId).not.toEqual([]);
      if (entry.perturbations.includes('sparse')) {
        const present = Object.entries(record).filter(([key, value]) => key !== 'id' && value != null);
        expect(present.length).toBeGreaterThanOrEqual(2);
        expect(present.length).toBeLessThanOrEqual(3);
      } else {
        expect(record.companyName).toBeTruthy();
        expect(record).not.toEqual({ ...customer, id: record.id });
      }
    }
  });

  test('sparse variants mostly carry their evidence written differently from the customer', () => {
    const raw = (value: unknown) => (value == null ? null : String(value).trim().toLowerCase());
    const sparse = ofKind('variant').filter((entry) => entry.perturbations.includes('sparse'));
    const pairs = sparse.map((entry) => [incoming.get(entry.incomingId)!, customers.get(entry.customerId!)!] as const);
    const identifiersAllDiffer = pairs.filter(([record, customer]) =>
      (['email', 'phone', 'addressLine1', 'website'] as const).every((field) => record[field] == null || raw(record[field]) !== raw(customer[field])),
    );
    expect(identifiersAllDiffer.length / sparse.length).toBeGreaterThan(0.5);
    const named = pairs.filter(([record]) => record.companyName);
    expect(named.filter(([record, customer]) => raw(record.companyName) !== raw(customer.companyName)).length / named.length).toBeGreaterThan(0.5);
    // A colleague's e-mail decides some only through the company domain the customer shows.
    const byDomainOnly = pairs.filter(([record, customer]) => agreeingIdentifiers(record, customer).join() === 'domain');
    expect(byDomainOnly.length).toBeGreaterThan(10);
  });

  test('franchise branches and namesakes in the customer city are a large part of the look-alikes', () => {
    const lookAlikes = ofKind('hard_negative');
    const sameNameSameCity = lookAlikes.filter((entry) => {
      const record = incoming.get(entry.incomingId)!;
      const customer = customers.get(entry.customerId!)!;
      return withoutLegalForm(record.companyName!) === withoutLegalForm(customer.companyName!) && lower(record.city) === lower(customer.city);
    });
    expect(sameNameSameCity.length / lookAlikes.length).toBeGreaterThan(0.12);
    expect(lookAlikes.filter((entry) => entry.hardNegativeKind === 'franchise_branch').length).toBeGreaterThan(50);
  });

  test('hard negatives share the name, brand, building or mail provider, and no identifier unless at the same premises', () => {
    for (const entry of ofKind('hard_negative')) {
      const record = incoming.get(entry.incomingId)!;
      const customer = customers.get(entry.customerId!)!;
      // Another business at the same premises may share the switchboard and domain (shared-premises.test.ts).
      const sharedIdentifiers = agreeingIdentifiers(record, customer).filter((field) => field !== 'address');
      expect(sharedIdentifiers, entry.incomingId).toEqual(entry.hardNegativeKind === 'same_premises' ? sharedIdentifiers.filter((field) => field !== 'email') : []);
      const coreName = withoutLegalForm(customer.companyName!);
      if (entry.perturbations.includes('sparse')) {
        // Little to go on, but something decisive: a website or company e-mail of another company.
        const present = Object.entries(record).filter(([key, value]) => key !== 'id' && value != null);
        expect(present.length).toBeLessThanOrEqual(3);
        expect(Boolean(record.website) || (Boolean(record.email) && !FREE_MAIL.has(record.email!.split('@')[1])), entry.incomingId).toBe(true);
        // ...and decisive only because the customer shows a company domain of its own to compare with.
        expect(companyDomains(customer).length, entry.incomingId).toBeGreaterThan(0);
      }
      switch (entry.hardNegativeKind) {
        case 'same_name_other_location':
          expect(withoutLegalForm(record.companyName!)).toBe(coreName);
          expect(lower(record.addressLine1)).not.toBe(lower(customer.addressLine1));
          break;
        case 'franchise_branch':
          expect(withoutLegalForm(record.companyName!)).toBe(coreName);
          if (record.city) expect(lower(record.city)).toBe(lower(customer.city));
          if (record.industry) expect(record.industry).toBe(customer.industry);
          if (record.addressLine1) expect(lower(record.addressLine1)).not.toBe(lower(customer.addressLine1));
          break;
        case 'sibling_brand':
          expect(lower(record.companyName)!.split(' ')[0]).toBe(coreName.split(' ')[0]);
          expect(withoutLegalForm(record.companyName!)).not.toBe(coreName);
          break;
        case 'shared_office':
          expect([record.addressLine1, record.postalCode, record.city].map(lower)).toEqual(
            [customer.addressLine1, customer.postalCode, customer.city].map(lower),
          );
          expect(withoutLegalForm(record.companyName!)).not.toBe(coreName);
          break;
        case 'same_premises':
          expect(withoutLegalForm(record.companyName!)).not.toBe(coreName);
          break;
        case 'shared_free_mail': {
          const domain = record.email!.split('@')[1];
          expect(FREE_MAIL.has(domain)).toBe(true);
          expect(domain).toBe(customer.email!.split('@')[1]);
          expect(withoutLegalForm(record.companyName!)).not.toBe(coreName);
          break;
        }
        default:
          throw new Error(`unexpected kind ${entry.hardNegativeKind}`);
      }
    }
  });

  test('incoming records come from several sources, each with its habits, whatever their kind', () => {
    for (const kind of ['variant', 'hard_negative', 'new'] as const) {
      expect(new Set(ofKind(kind).map((entry) => entry.source))).toEqual(new Set(['crm', 'web_form', 'partner_feed']));
    }
    for (const entry of dataset.truth.filter((candidate) => candidate.source === 'partner_feed')) {
      const record = incoming.get(entry.incomingId)!;
      if (record.phone) expect(record.phone).toMatch(/^\+\d+$/);
      if (record.companyName) expect(record.companyName).toBe(record.companyName.toUpperCase());
    }
  });

  test('new companies share no name, phone or e-mail with any customer', () => {
    const names = new Set(dataset.customers.map((record) => lower(record.companyName)));
    const phones = new Set(dataset.customers.map((record) => phoneTail(record.phone)));
    const emails = new Set(dataset.customers.map((record) => lower(record.email)));
    for (const entry of ofKind('new')) {
      const record = incoming.get(entry.incomingId)!;
      expect(names.has(lower(record.companyName))).toBe(false);
      expect(phones.has(phoneTail(record.phone))).toBe(false);
      expect(emails.has(lower(record.email))).toBe(false);
    }
  });

  test('customers span the required countries, legal forms and free-mail contacts', () => {
    const countries = new Set(dataset.customers.map((record) => record.country));
    for (const code of COUNTRY_CODES) expect(countries.has(code), code).toBe(true);
    const freeMail = dataset.customers.filter((record) => FREE_MAIL.has(record.email!.split('@')[1])).length;
    expect(freeMail).toBeGreaterThan(50);
    expect(freeMail).toBeLessThan(300);
    for (const form of ['Inc', 'LLC', 'Ltd', 'GmbH', 'Pty Ltd', 'B.V.', 'SAS']) {
      expect(dataset.customers.some((record) => record.companyName!.endsWith(` ${form}`)), form).toBe(true);
    }
  });
});

describe('generateCustomers', () => {
  test('are the labelled set customers, with stable source ids, and a prefix of a larger run', () => {
    const generated = generateCustomers(9, 40);
    const { customers } = generateCompanyDataset({ seed: 9, customers: 40 });
    expect(generated.map(({ sourceId, ...record }) => ({ id: sourceId, ...record }))).toEqual(customers);
    expect(generateCustomers(9, 80).slice(0, 40)).toEqual(generated);
    expect(new Set(generated.map((customer) => customer.sourceId)).size).toBe(40);
  });
});
