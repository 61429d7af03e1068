// Rows for writing generated data as CSV in the seed's column names (csv-stringify does the
// quoting): plain customer files, a labelled pair with entity_id, and the truth per incoming record.
import type { CustomerRecord } from '@/lib/matching/types';
import type { LabelledDataset } from '@/lib/evaluation/datasets/types';
import { recordToSeedRow, SEED_COLUMNS } from '@/lib/import/seed-csv';
import type { IncomingTruth } from './generate';

export type CsvRow = Record<string, string>;

/** Header for toSeedCsvRows output, in the seed's order. */
export const SEED_CSV_COLUMNS: readonly string[] = SEED_COLUMNS;
/** Header for toLabelledCsvRows output: what loadLabelledCsv reads back. */
export const LABELLED_CSV_COLUMNS: readonly string[] = ['id', ...SEED_COLUMNS, 'entity_id'];
export const TRUTH_CSV_COLUMNS: readonly string[] = ['incoming_id', 'kind', 'customer_id', 'hard_negative_kind', 'perturbations'];

/** Records as seed CSV rows; missing values become empty cells. */
export function toSeedCsvRows(records: readonly CustomerRecord[]): CsvRow[] {
  return records.map(recordToSeedRow);
}

/**
 * A link dataset as two labelled files: each customer is its own entity; an incoming record takes
 * the entity of the customer it truly matches, or its own id when it matches none.
 */
export function toLabelledCsvRows(dataset: LabelledDataset): { customers: CsvRow[]; incoming: CsvRow[] } {
  if (dataset.mode !== 'link') throw new Error(`${dataset.name}: only link datasets can be written as a labelled pair`);
  const entityOf = new Map<string, string>();
  for (const [incomingId, customerId] of dataset.truePairs) {
    if (entityOf.has(incomingId)) throw new Error(`${incomingId} matches more than one customer; entity_id cannot say so`);
    entityOf.set(incomingId, customerId);
  }
  const customerIds = new Set(dataset.customers.map((customer) => customer.id));
  const clash = dataset.incoming.find((record) => !entityOf.has(record.id) && customerIds.has(record.id));
  if (clash) throw new Error(`incoming ${clash.id} has a customer's id; its own entity_id would claim a match`);
  return {
    customers: dataset.customers.map(({ id, ...record }) => ({ id, ...recordToSeedRow(record), entity_id: id })),
    incoming: dataset.incoming.map(({ id, ...record }) => ({ id, ...recordToSeedRow(record), entity_id: entityOf.get(id) ?? id })),
  };
}

export function toTruthCsvRows(truth: readonly IncomingTruth[]): CsvRow[] {
  return truth.map((entry) => ({
    incoming_id: entry.incomingId,
    kind: entry.kind,
    customer_id: entry.customerId ?? '',
    hard_negative_kind: entry.hardNegativeKind ?? '',
    perturbations: entry.perturbations.join(';'),
  }));
}
