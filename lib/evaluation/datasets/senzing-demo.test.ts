import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { emailAddressOf, loadSenzingDemo } from './senzing-demo';
import { hasSharedDataset, SHARED_DATASETS_DIR } from './shared-datasets.test-helpers';
import type { LabelledDataset, LabelledRecord } from './types';

describe('emailAddressOf', () => {
  test.each([
    ['bsmith@work.com', 'bsmith@work.com'],
    ['Maria Sentosa<msentosa@fmail.com>', 'msentosa@fmail.com'],
    ['"Jay Jones" <jjones@fmail.com>', 'jjones@fmail.com'],
    [null, null],
  ])('%s → %s', (raw, expected) => {
    expect(emailAddressOf(raw)).toBe(expected);
  });
});

describe.skipIf(!hasSharedDataset('senzing-demo'))('loadSenzingDemo on the shared files', () => {
  let dataset: LabelledDataset;
  let byId: Map<string, LabelledRecord>;
  beforeAll(async () => {
    dataset = await loadSenzingDemo(path.join(SHARED_DATASETS_DIR, 'senzing-demo'));
    byId = new Map(dataset.customers.map((record) => [record.id, record]));
  });

  test('is a dedupe set of 159 records with 108 true pairs from 85 clusters', () => {
    expect(dataset.mode).toBe('dedupe');
    expect(dataset.customers).toHaveLength(159);
    expect(dataset.incoming).toBe(dataset.customers);
    expect(byId.size).toBe(159);
    // Σ n(n-1)/2 over the 85 cluster sizes in actual_truthset_key.csv, counted outside this code.
    expect(dataset.truePairs).toHaveLength(108);
  });

  test('true pairs join the records into exactly 85 entities', () => {
    const parent = new Map(dataset.customers.map((record) => [record.id, record.id]));
    const root = (id: string): string => (parent.get(id) === id ? id : root(parent.get(id)!));
    for (const [a, b] of dataset.truePairs) parent.set(root(a), root(b));
    expect(new Set(dataset.customers.map((record) => root(record.id))).size).toBe(85);
  });

  test('true pairs are ordered, distinct, and name existing records', () => {
    const keys = new Set(dataset.truePairs.map(([a, b]) => `${a}|${b}`));
    expect(keys.size).toBe(dataset.truePairs.length);
    for (const [a, b] of dataset.truePairs) {
      expect(a < b).toBe(true);
      expect(byId.has(a) && byId.has(b)).toBe(true);
    }
    // Cluster 1001 has four members (six pairs); cluster 1071 has five (ten pairs).
    expect(keys.has('CUSTOMERS:1001|CUSTOMERS:1004')).toBe(true);
    expect(keys.has('CUSTOMERS:1034|WATCHLIST:1038')).toBe(true);
    // Same test group, different clusters: must not be a true pair.
    expect(keys.has('CUSTOMERS:1001|CUSTOMERS:1005')).toBe(false);
  });

  test('hard negatives are same-group, different-cluster pairs and never true pairs', () => {
    const truth = new Set(dataset.truePairs.map(([a, b]) => `${a}|${b}`));
    const hardNegatives = dataset.hardNegativePairs ?? [];
    expect(hardNegatives).toHaveLength(241);
    expect(hardNegatives.some(([a, b]) => truth.has(`${a}|${b}`))).toBe(false);
    expect(hardNegatives).toContainEqual(['CUSTOMERS:2207', 'CUSTOMERS:2211']);
  });

  test('maps organisations, persons, e-mail display names and both address forms', () => {
    expect(byId.get('REFERENCE:2071')).toMatchObject({
      companyName: 'Universal Exports, USA',
      contactName: null,
      addressLine1: 'Hughes Plaza, 100 Howard Hughes Way, Las Vegas, NV 89111',
      city: null,
      phone: '800-111-1234',
    });
    expect(byId.get('CUSTOMERS:1003')).toMatchObject({ contactName: 'Bob J Smith', email: 'bsmith@work.com' });
    expect(byId.get('REFERENCE:2102')?.contactName).toBe('Jones, Kaylee');
    expect(byId.get('CUSTOMERS:1069')?.contactName).toBe('王杰');
    expect(byId.get('CUSTOMERS:1034')?.email).toBe('msentosa@fmail.com');
    expect(byId.get('CUSTOMERS:1002')).toMatchObject({
      addressLine1: '1515 Adela Lane',
      city: 'Las Vegas',
      state: 'NV',
      postalCode: '89111',
      country: null,
    });
    expect(byId.get('REFERENCE:2041')).toMatchObject({ companyName: 'Müllenkranz', country: 'Germany' });
  });

  test('maps dates of birth and every identifier column with its issuer and sub-type', () => {
    expect(byId.get('CUSTOMERS:1001')).toMatchObject({ dateOfBirth: '12/11/1978', identifiers: [] });
    expect(byId.get('CUSTOMERS:1065')?.identifiers).toEqual([
      { type: 'passport', value: '1231345345', country: 'US' },
      { type: 'drivers_license', value: '8923322', country: 'OR' },
    ]);
    expect(byId.get('CUSTOMERS:1066')?.identifiers).toContainEqual({ type: 'ssn', value: '521-21-2123' });
    expect(byId.get('CUSTOMERS:1070')?.identifiers).toEqual([{ type: 'national_id', value: '832721', country: 'Hong Kong' }]);
    // NATIONAL_ID_TYPE "UEN" is not a kind the engine knows: the column's kind is kept.
    expect(byId.get('REFERENCE:2012')?.identifiers).toEqual([{ type: 'national_id', value: '201012345A', country: 'SG' }]);
    expect(byId.get('REFERENCE:2041')?.identifiers).toEqual([{ type: 'VAT', value: 'DE123456789', country: 'DE' }]);
    expect(byId.get('REFERENCE:2074')?.identifiers).toEqual([
      { type: 'EIN', value: '13-7654321', country: 'US' },
      { type: 'lei', value: '5493001KJTIIGC8Y1R12' },
    ]);
    expect(byId.get('WATCHLIST:1006')).toMatchObject({ dateOfBirth: '3/31/1954', identifiers: [{ type: 'drivers_license', value: '112233', country: 'NV' }] });
    expect(dataset.notes.join('\n')).toMatch(/DATE_OF_BIRTH/);
  });
});
