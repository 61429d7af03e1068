import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, test } from 'vitest';
import { loadLabelledCsv } from '@/lib/evaluation/datasets/labelled-csv';
import { LABELLED_CSV_COLUMNS, SEED_CSV_COLUMNS, toLabelledCsvRows, toSeedCsvRows, toTruthCsvRows } from './csv-rows';
import { generateCompanyDataset } from './generate';

describe('toSeedCsvRows', () => {
  test('uses the seed column names, empty cells for missing values', () => {
    const [row] = toSeedCsvRows([{ companyName: 'Acme Corp', revenue: 1200, employeeCount: null, state: undefined }]);
    expect(Object.keys(row)).toEqual([...SEED_CSV_COLUMNS]);
    expect(row).toMatchObject({ company_name: 'Acme Corp', revenue: '1200', employee_count: '', state: '' });
  });
});

describe('labelled CSV round trip', () => {
  test('a generated set written as CSV loads back with the same records and truth', async () => {
    const dataset = generateCompanyDataset({ seed: 3, customers: 120 });
    const rows = toLabelledCsvRows(dataset);
    const dir = mkdtempSync(path.join(tmpdir(), 'generated-csv-'));
    const customersPath = path.join(dir, 'customers.csv');
    const incomingPath = path.join(dir, 'incoming.csv');
    writeFileSync(customersPath, stringify(rows.customers, { header: true, columns: [...LABELLED_CSV_COLUMNS] }));
    writeFileSync(incomingPath, stringify(rows.incoming, { header: true, columns: [...LABELLED_CSV_COLUMNS] }));

    const loaded = await loadLabelledCsv({ customersPath, incomingPath });
    expect(loaded.customers).toEqual(dataset.customers);
    expect(loaded.incoming).toEqual(dataset.incoming);
    const sortPairs = (pairs: Array<[string, string]>) => pairs.map((pair) => pair.join('|')).sort();
    expect(sortPairs(loaded.truePairs)).toEqual(sortPairs(dataset.truePairs));
  });

  test('truth rows list kind, customer and perturbations per incoming record', () => {
    const dataset = generateCompanyDataset({ seed: 3, customers: 30 });
    const rows = toTruthCsvRows(dataset.truth);
    expect(rows).toHaveLength(30);
    const variant = rows.find((row) => row.kind === 'variant')!;
    expect(variant.customer_id).toMatch(/^gen3-c\d{6}$/);
    expect(variant.perturbations.split(';').length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((row) => row.kind === 'new').every((row) => row.customer_id === '')).toBe(true);
  });
});
