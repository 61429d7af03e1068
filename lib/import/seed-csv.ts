// The product's customer CSV format (the seed's column names) mapped to CustomerRecord.
// Shared by the labelled-CSV loader here and by the generator's CSV writer.
import type { CustomerRecord } from '@/lib/matching/types';
import { blankToNull } from '../evaluation/datasets/csv';

type TextField = Exclude<keyof CustomerRecord, 'revenue' | 'employeeCount' | 'identifiers'>;

/** Seed column → record field, in the seed's column order. */
export const SEED_TEXT_COLUMNS: ReadonlyArray<readonly [string, TextField]> = [
  ['company_name', 'companyName'],
  ['contact_name', 'contactName'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['address_line1', 'addressLine1'],
  ['address_line2', 'addressLine2'],
  ['city', 'city'],
  ['state', 'state'],
  ['postal_code', 'postalCode'],
  ['country', 'country'],
  ['industry', 'industry'],
];
export const SEED_TRAILING_TEXT_COLUMNS: ReadonlyArray<readonly [string, TextField]> = [
  ['website', 'website'],
  ['description', 'description'],
];
export const SEED_COLUMNS: readonly string[] = [
  ...SEED_TEXT_COLUMNS.map(([column]) => column),
  'revenue',
  'employee_count',
  ...SEED_TRAILING_TEXT_COLUMNS.map(([column]) => column),
];

/** Other spellings of seed columns found in the seed's own files. */
export const SEED_COLUMN_ALIASES: Readonly<Record<string, string>> = {
  state_province: 'state',
  annual_revenue: 'revenue',
};

/** Thousands separators are allowed ("1,250,000"); anything else that is not a number is refused. */
const NUMBER_PATTERN = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export function parseSeedNumber(raw: string | null, integer: boolean): number | null {
  if (raw === null) return null;
  if (!NUMBER_PATTERN.test(raw)) throw new Error(`"${raw}" is not a number`);
  const value = Number(raw.replaceAll(',', ''));
  if (value < 0) throw new Error(`${raw} is negative`);
  if (integer && !Number.isInteger(value)) throw new Error(`${raw} is not a whole number`);
  return value;
}

/** Renames alias columns to their seed names; unknown columns are returned unchanged. */
export function canonicalColumn(column: string): string {
  const lower = column.trim().toLowerCase();
  return SEED_COLUMN_ALIASES[lower] ?? lower;
}

/** Maps one row (already keyed by canonical column names) to a record. Throws on a bad number. */
export function seedRowToRecord(row: Record<string, string | undefined>): CustomerRecord {
  const record: CustomerRecord = {};
  for (const [column, field] of [...SEED_TEXT_COLUMNS, ...SEED_TRAILING_TEXT_COLUMNS]) {
    record[field] = blankToNull(row[column]);
  }
  const numberField = (column: string, integer: boolean): number | null => {
    try {
      return parseSeedNumber(blankToNull(row[column]), integer);
    } catch (error) {
      throw new Error(`${column}: ${(error as Error).message}`);
    }
  };
  record.revenue = numberField('revenue', false);
  record.employeeCount = numberField('employee_count', true);
  return record;
}

/** The inverse: a record as a seed CSV row (empty string for missing), in SEED_COLUMNS order. */
export function recordToSeedRow(record: CustomerRecord): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [column, field] of SEED_TEXT_COLUMNS) row[column] = record[field] ?? '';
  row.revenue = record.revenue == null ? '' : String(record.revenue);
  row.employee_count = record.employeeCount == null ? '' : String(record.employeeCount);
  for (const [column, field] of SEED_TRAILING_TEXT_COLUMNS) row[column] = record[field] ?? '';
  return row;
}
