// `npm run import -- --count N`: sample customers (or incoming records) from lib/evaluation/sample written as
// seed-format CSV with a source_id column, and the ground truth beside them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { recordToSeedRow, SEED_COLUMNS } from '@/lib/import/seed-csv';
import type { LabelledRecord } from '@/lib/evaluation/datasets/types';
import { generateCompanyDataset, generateCustomers } from '@/lib/evaluation/sample/generate';
import { toTruthCsvRows, TRUTH_CSV_COLUMNS } from '@/lib/evaluation/sample/csv-rows';
import type { ImportTarget } from './types';

export interface GeneratedFiles {
  /** The file to import. */
  source: string;
  /** Ground truth: which incoming record belongs to which customer (incoming), or what was generated (customers). */
  truth: string;
  rows: number;
}

const IMPORT_CSV_COLUMNS = ['source_id', ...SEED_COLUMNS];
/** Rows per write: the CSV is built in slices so 100k customers never exist twice as text. */
const WRITE_SLICE = 5_000;

/** Records (id → source_id) as the import's CSV; also used by npm run bench for its customers and incoming records. */
export function writeRecordsCsv(filePath: string, records: LabelledRecord[]): void {
  writeFileSync(filePath, stringify([IMPORT_CSV_COLUMNS]));
  for (let start = 0; start < records.length; start += WRITE_SLICE) {
    const rows = records.slice(start, start + WRITE_SLICE).map(({ id, ...record }) => ({ source_id: id, ...recordToSeedRow(record) }));
    writeFileSync(filePath, stringify(rows, { columns: IMPORT_CSV_COLUMNS }), { flag: 'a' });
  }
}

export function writeGeneratedFiles(options: { target: ImportTarget; count: number; seed: number; dir: string }): GeneratedFiles {
  mkdirSync(options.dir, { recursive: true });
  const base = path.join(options.dir, `generated-seed${options.seed}-n${options.count}`);
  if (options.target === 'customers') {
    const customers = generateCustomers(options.seed, options.count).map(({ sourceId, ...record }) => ({ id: sourceId, ...record }));
    writeRecordsCsv(`${base}.customers.csv`, customers);
    const truth = {
      generator: 'lib/evaluation/sample generateCustomers',
      seed: options.seed,
      customers: options.count,
      sourceIds: `gen${options.seed}-c000001 … gen${options.seed}-c${String(options.count).padStart(6, '0')}`,
      note: `npm run import -- --count ${options.count} --seed ${options.seed} --target incoming writes incoming records and, in its truth CSV, which of these customers each one is.`,
    };
    writeFileSync(`${base}.customers.truth.json`, `${JSON.stringify(truth, null, 2)}\n`);
    return { source: `${base}.customers.csv`, truth: `${base}.customers.truth.json`, rows: customers.length };
  }
  const dataset = generateCompanyDataset({ seed: options.seed, customers: options.count });
  writeRecordsCsv(`${base}.incoming.csv`, dataset.incoming);
  writeFileSync(`${base}.incoming.truth.csv`, stringify(toTruthCsvRows(dataset.truth), { header: true, columns: [...TRUTH_CSV_COLUMNS] }));
  return { source: `${base}.incoming.csv`, truth: `${base}.incoming.truth.csv`, rows: dataset.incoming.length };
}
