import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDataset } from './load-dataset';
import { hasSharedDataset, SHARED_DATASETS_DIR } from './shared-datasets.test-helpers';

describe('loadDataset', () => {
  test('generated: uses the generator with the given seed and size', async () => {
    const dataset = await loadDataset('generated', { seed: 4, customers: 30 });
    expect(dataset.name).toBe('generated-seed4');
    expect(dataset.customers).toHaveLength(30);
    expect(dataset.customers[0].id).toBe('gen4-c000001');
  });

  test('a directory with customers.csv and incoming.csv is a labelled CSV pair', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'load-dataset-'));
    writeFileSync(path.join(dir, 'customers.csv'), 'company_name,entity_id\nAcme,E1\n');
    writeFileSync(path.join(dir, 'incoming.csv'), 'company_name,entity_id\nACME Inc,E1\n');
    const dataset = await loadDataset(dir);
    expect(dataset.truePairs).toEqual([['i1', 'c1']]);
  });

  test('an unknown name or directory is refused with the choices', async () => {
    await expect(loadDataset('nope')).rejects.toThrow(/febrl4, senzing-demo, generated/);
    await expect(loadDataset(mkdtempSync(path.join(tmpdir(), 'empty-')))).rejects.toThrow(/not a known dataset/);
  });

  test('a built-in data set whose folder is missing says where it looked and how to point elsewhere', async () => {
    const nowhere = mkdtempSync(path.join(tmpdir(), 'no-datasets-'));
    await expect(loadDataset('senzing-demo', { datasetsDir: nowhere })).rejects.toThrow(/senzing-demo.*actual_truthset_key\.csv not found.*--datasets-dir/);
    await expect(loadDataset('febrl4', { datasetsDir: nowhere })).rejects.toThrow(/dataset4a\.csv not found/);
  });

  test.skipIf(!hasSharedDataset('senzing-demo'))('resolves built-in names in the datasets directory', async () => {
    const dataset = await loadDataset('senzing-demo', { datasetsDir: SHARED_DATASETS_DIR });
    expect(dataset.customers).toHaveLength(159);
    const byPath = await loadDataset(path.join(SHARED_DATASETS_DIR, 'senzing-demo'));
    expect(byPath.truePairs).toEqual(dataset.truePairs);
  });
});
