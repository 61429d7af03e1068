// A user's own labelled data: two seed-format customer CSVs plus an entity_id column.
// An incoming row and a customer row with the same entity_id are a true match; no other pair is.
import { readCsvHeader, readCsvRows, blankToNull } from './csv';
import { canonicalColumn, seedRowToRecord, SEED_COLUMNS } from './seed-csv';
import type { LabelledDataset, LabelledRecord } from './types';

export interface LabelledCsvPaths {
  customersPath: string;
  incomingPath: string;
}

interface LabelledRow {
  record: LabelledRecord;
  entityId: string | null;
}

async function readLabelledFile(filePath: string, idPrefix: string): Promise<LabelledRow[]> {
  const header = (await readCsvHeader(filePath)).map(canonicalColumn);
  if (!header.includes('entity_id')) throw new Error(`${filePath}: no entity_id column (header: ${header.join(', ')})`);

  const rows: LabelledRow[] = [];
  const seenIds = new Set<string>();
  for await (const { rowNumber, values } of readCsvRows(filePath)) {
    const canonical: Record<string, string> = {};
    for (const [column, value] of Object.entries(values)) canonical[canonicalColumn(column)] = value;
    let record: LabelledRecord;
    try {
      const id = blankToNull(canonical.id) ?? `${idPrefix}${rowNumber}`;
      if (seenIds.has(id)) throw new Error(`id "${id}" appears twice`);
      seenIds.add(id);
      record = { id, ...seedRowToRecord(canonical) };
    } catch (error) {
      throw new Error(`${filePath} row ${rowNumber}: ${(error as Error).message}`);
    }
    rows.push({ record, entityId: blankToNull(canonical.entity_id) });
  }
  return rows;
}

function ignoredColumnsNote(filePath: string, header: string[]): string | null {
  const known = new Set([...SEED_COLUMNS, 'id', 'entity_id']);
  const ignored = header.filter((column) => !known.has(column));
  return ignored.length > 0 ? `${filePath}: ignored columns ${ignored.join(', ')}` : null;
}

export async function loadLabelledCsv({ customersPath, incomingPath }: LabelledCsvPaths): Promise<LabelledDataset> {
  const customerRows = await readLabelledFile(customersPath, 'c');
  const incomingRows = await readLabelledFile(incomingPath, 'i');

  const customerIdsByEntity = new Map<string, string[]>();
  for (const { record, entityId } of customerRows) {
    if (entityId) customerIdsByEntity.set(entityId, [...(customerIdsByEntity.get(entityId) ?? []), record.id]);
  }
  const truePairs: Array<[string, string]> = [];
  for (const { record, entityId } of incomingRows) {
    for (const customerId of (entityId && customerIdsByEntity.get(entityId)) || []) {
      truePairs.push([record.id, customerId]);
    }
  }

  const notes = [
    `customers = ${customersPath}, incoming = ${incomingPath}; truth: same entity_id`,
    'ids: the id column when present, else c<row> / i<row> (1-based data row)',
    'aliases accepted: state_province → state, annual_revenue → revenue',
  ];
  for (const filePath of [customersPath, incomingPath]) {
    const note = ignoredColumnsNote(filePath, (await readCsvHeader(filePath)).map(canonicalColumn));
    if (note) notes.push(note);
  }
  return {
    name: 'labelled-csv',
    mode: 'link',
    customers: customerRows.map((row) => row.record),
    incoming: incomingRows.map((row) => row.record),
    truePairs,
    notes,
  };
}
