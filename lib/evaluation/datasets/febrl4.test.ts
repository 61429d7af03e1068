import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadFebrl4 } from './febrl4';
import { hasSharedDataset, SHARED_DATASETS_DIR } from './shared-datasets.test-helpers';
import type { LabelledDataset } from './types';

describe.skipIf(!hasSharedDataset('febrl4'))('loadFebrl4 on the shared files', () => {
  let dataset: LabelledDataset;
  beforeAll(async () => {
    dataset = await loadFebrl4(path.join(SHARED_DATASETS_DIR, 'febrl4'));
  });

  test('has 5,000 customers, 5,000 incoming and 5,000 true pairs', () => {
    expect(dataset.mode).toBe('link');
    expect(dataset.customers).toHaveLength(5000);
    expect(dataset.incoming).toHaveLength(5000);
    expect(dataset.truePairs).toHaveLength(5000);
  });

  test('pairs rec-N-dup-0 with rec-N-org, each side used once', () => {
    const customerIds = new Set(dataset.customers.map((record) => record.id));
    for (const [incomingId, customerId] of dataset.truePairs) {
      expect(customerIds.has(customerId)).toBe(true);
      expect(incomingId.replace(/-dup-\d+$/, '')).toBe(customerId.replace(/-org$/, ''));
    }
    expect(new Set(dataset.truePairs.map(([, customerId]) => customerId)).size).toBe(5000);
  });

  test('maps columns with leading spaces trimmed', () => {
    const customer = dataset.customers.find((record) => record.id === 'rec-1070-org');
    expect(customer).toEqual({
      id: 'rec-1070-org',
      contactName: 'michaela neumann',
      addressLine1: '8 stanley street',
      addressLine2: 'miami',
      city: 'winston hills',
      state: 'nsw',
      postalCode: '4223',
      country: 'AU',
    });
  });

  test('drops empty name parts and empty fields', () => {
    const noSurname = dataset.incoming.find((record) => record.id === 'rec-561-dup-0');
    expect(noSurname?.contactName).toBe('elton');
    const noGivenName = dataset.incoming.find((record) => record.id === 'rec-608-dup-0');
    expect(noGivenName?.contactName).toBe('white');
    const noAddress2 = dataset.incoming.find((record) => record.id === 'rec-3239-dup-0');
    expect(noAddress2?.addressLine2).toBeNull();
  });

  test('says which columns it ignored', () => {
    expect(dataset.notes.join('\n')).toMatch(/date_of_birth, soc_sec_id/);
  });

  test('maps date_of_birth and soc_sec_id only when asked, and says so', async () => {
    const withIdentifiers = await loadFebrl4(path.join(SHARED_DATASETS_DIR, 'febrl4'), { withIdentifiers: true });
    const customer = withIdentifiers.customers.find((record) => record.id === 'rec-1070-org');
    expect(customer?.dateOfBirth).toBe('19151111');
    expect(customer?.identifiers).toEqual([{ type: 'social security', value: '5304218', country: 'AU' }]);
    expect(withIdentifiers.name).toBe('febrl4-with-identifiers');
    expect(withIdentifiers.notes.join('\n')).toMatch(/with identifiers: dateOfBirth = date_of_birth/);
    expect(dataset.customers.every((record) => record.dateOfBirth === undefined && record.identifiers === undefined)).toBe(true);
  });
});
