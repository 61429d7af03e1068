// A user's own labelled data in the seed's customer CSV format plus an entity_id column. Either two
// files (link: an incoming row and a customer row with the same entity_id are a true match; no other
// pair is) or one file with duplicates (dedupe: every record against all others; two rows with the
// same entity_id are a true pair).
import { readCsvHeader, readCsvRows, blankToNull } from './csv';
import { canonicalColumn, seedRowToRecord, SEED_COLUMNS } from '../../import/seed-csv';
import { groupBy, pairsWithin, type LabelledDataset, type LabelledRecord } from './types';

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

/** rowIds: how rows without an id column are named, e.g. "c<row> / i<row>". */
async function readNotes(filePaths: string[], rowIds: string): Promise<string[]> {
  const notes = [`ids: the id column when present, else ${rowIds} (1-based data row)`, 'aliases accepted: state_province → state, annual_revenue → revenue'];
  for (const filePath of filePaths) {
    const note = ignoredColumnsNote(filePath, (await readCsvHeader(filePath)).map(canonicalColumn));
    if (note) notes.push(note);
  }
  return notes;
}

function ignoredColumnsNote(filePath: string, header: string[]): string | null {
  const known = new Set([...SEED_COLUMNS, 'id', 'entity_id']);
  const ignored = header.filter((column) => !known.has(column));
  return ignored.length > 0 ? `${filePath}: ignored columns ${ignored.join(', ')}` : null;
}

export async function loadLabelledCsv({ customersPath, incomingPath }: LabelledCsvPaths): Promise<LabelledDataset> {
  const customerRows = await readLabelledFile(customersPath, 'c');
  const incomingRows = await readLabelledFile(incomingPath, 'i');

  const customersByEntity = groupBy(customerRows, (row) => row.entityId);
  const truePairs: Array<[string, string]> = [];
  for (const { record, entityId } of incomingRows) {
    for (const customer of (entityId && customersByEntity.get(entityId)) || []) {
      truePairs.push([record.id, customer.record.id]);
    }
  }

  const notes = [`customers = ${customersPath}, incoming = ${incomingPath}; truth: same entity_id`, ...(await readNotes([customersPath, incomingPath], 'c<row> / i<row>'))];
  return {
    name: 'labelled-csv',
    mode: 'link',
    customers: customerRows.map((row) => row.record),
    incoming: incomingRows.map((row) => row.record),
    truePairs,
    notes,
  };
}

/**
 * One file of customers with duplicates: each record is matched against all the others (never
 * itself), and every two rows with the same entity_id are a true pair. A blank entity_id is a record
 * with no duplicate.
 */
export async function loadLabelledCsvDedupe(filePath: string): Promise<LabelledDataset> {
  const rows = await readLabelledFile(filePath, 'r');
  const truePairs = pairsWithin(rows, (row) => row.entityId, (row) => row.record.id);
  const records = rows.map((row) => row.record);
  const notes = [`dedupe over ${filePath}; truth: all unordered pairs with the same entity_id`, ...(await readNotes([filePath], 'r<row>'))];
  return { name: 'labelled-csv-dedupe', mode: 'dedupe', customers: records, incoming: records, truePairs, notes };
}
