// Resolves a dataset name or path to a LabelledDataset, for the eval command and tests.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { generateCompanyDataset } from '@/lib/evaluation/sample/generate';
import { loadFebrl4 } from './febrl4';
import { loadLabelledCsv } from './labelled-csv';
import { loadSenzingDemo } from './senzing-demo';
import type { LabelledDataset } from './types';

export const BUILT_IN_DATASETS = ['febrl4', 'senzing-demo', 'generated'] as const;

/**
 * Defaults for the generated set: 1,000 customers is big enough that every perturbation and
 * hard-negative kind occurs many times, and small enough to load and match in seconds.
 */
export const GENERATED_DATASET_DEFAULTS = { seed: 20240501, customers: 1000 } as const;

export interface LoadDatasetOptions {
  /** Where febrl4/ and senzing-demo/ live; default ../shared/datasets from the working directory. */
  datasetsDir?: string;
  /** For 'generated'. */
  seed?: number;
  customers?: number;
  /** For 'febrl4': also map date_of_birth and soc_sec_id (see Febrl4Options). */
  withIdentifiers?: boolean;
}

export function defaultDatasetsDir(): string {
  return path.resolve(process.cwd(), '../shared/datasets');
}

/** A directory is recognised by the files it holds: Febrl 4, the Senzing demo, or a labelled CSV pair. */
async function loadFromDirectory(dir: string, options: LoadDatasetOptions): Promise<LabelledDataset> {
  if (existsSync(path.join(dir, 'dataset4a.csv'))) return loadFebrl4(dir, { withIdentifiers: options.withIdentifiers });
  if (existsSync(path.join(dir, 'actual_truthset_key.csv'))) return loadSenzingDemo(dir);
  const customersPath = path.join(dir, 'customers.csv');
  const incomingPath = path.join(dir, 'incoming.csv');
  if (existsSync(customersPath) && existsSync(incomingPath)) return loadLabelledCsv({ customersPath, incomingPath });
  throw new Error(
    `${dir}: not a known dataset (expected dataset4a.csv, actual_truthset_key.csv, or customers.csv + incoming.csv)`,
  );
}

/** A built-in data set's folder, or an error that says where it was looked for and how to point elsewhere. */
function builtInDir(datasetsDir: string, name: string, marker: string): string {
  const dir = path.join(datasetsDir, name);
  if (!existsSync(path.join(dir, marker))) {
    throw new Error(`${name}: ${path.join(dir, marker)} not found. The built-in data sets are read from ../shared/datasets beside the repository; run from the repository folder or pass --datasets-dir <dir>.`);
  }
  return dir;
}

export async function loadDataset(nameOrPath: string, options: LoadDatasetOptions = {}): Promise<LabelledDataset> {
  const datasetsDir = options.datasetsDir ?? defaultDatasetsDir();
  switch (nameOrPath) {
    case 'febrl4':
      return loadFebrl4(builtInDir(datasetsDir, 'febrl4', 'dataset4a.csv'), { withIdentifiers: options.withIdentifiers });
    case 'senzing-demo':
      return loadSenzingDemo(builtInDir(datasetsDir, 'senzing-demo', 'actual_truthset_key.csv'));
    case 'generated':
      return generateCompanyDataset({
        seed: options.seed ?? GENERATED_DATASET_DEFAULTS.seed,
        customers: options.customers ?? GENERATED_DATASET_DEFAULTS.customers,
      });
  }
  if (existsSync(nameOrPath) && statSync(nameOrPath).isDirectory()) return loadFromDirectory(nameOrPath, options);
  throw new Error(`unknown dataset "${nameOrPath}": use ${BUILT_IN_DATASETS.join(', ')} or a dataset directory`);
}
