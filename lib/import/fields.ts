// One place that says which columns (CSV) or keys (JSON) an import reads and how a row becomes a
// validated customer: names are matched case-insensitively with the seed's aliases, empty cells are
// missing values, and the shared zod schema decides what is valid.
import { canonicalColumn, SEED_COLUMNS } from '@/lib/import/seed-csv';
import { customerInputSchema, type CustomerInput } from '@/lib/schemas/customer';

/** Columns or keys the import reads (after canonicalColumn: lower case, state_province → state, annual_revenue → revenue). */
export const IMPORT_COLUMNS: readonly string[] = [...SEED_COLUMNS, 'date_of_birth', 'identifiers', 'source_system', 'source_id'];
const KNOWN = new Set(IMPORT_COLUMNS);

/** Source system of rows that name none: the import's own, else this. */
export const DEFAULT_IMPORT_SOURCE_SYSTEM = 'import';

export interface FieldProblem {
  field: string;
  reason: string;
}

export type RowOutcome = { ok: true; input: CustomerInput } | { ok: false; problems: FieldProblem[] };

export function isKnownColumn(column: string): boolean {
  return KNOWN.has(canonicalColumn(column));
}

/**
 * Identifiers in one CSV cell: a JSON array, or "TYPE:VALUE[:COUNTRY]" entries separated by ";"
 * (e.g. "VAT:DE123456789;LEI:5299000J2N45DDNE4Y28").
 */
export function parseIdentifiersCell(cell: string): unknown {
  const text = cell.trim();
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [type, value, country] = entry.split(':').map((part) => part.trim());
      return { type, value: value ?? '', country: country || null };
    });
}

/** The row keyed by schema field; empty text → null; unknown columns are left out. */
export function toSchemaFields(record: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(record)) {
    const column = canonicalColumn(key);
    if (!KNOWN.has(column)) continue;
    const value = typeof raw === 'string' && raw.trim() === '' ? null : raw;
    fields[column] = column === 'identifiers' && typeof value === 'string' ? parseIdentifiersCell(value) : value;
  }
  return fields;
}

/** Validates one row with the shared customer schema; rows without a source system get the import's. */
export function validateRow(record: Record<string, unknown>, sourceSystem: string): RowOutcome {
  const fields = toSchemaFields(record);
  fields.source_system ??= sourceSystem;
  const parsed = customerInputSchema.safeParse(fields);
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(row)', reason: issue.message })),
  };
}
