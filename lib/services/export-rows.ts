// Export rows and their serialisation: the columns of each export, a row mapper per kind, and CSV / JSON /
// JSON Lines chunks. Pure: the database pages come in, text goes out.
import { stringify } from 'csv-stringify/sync';
import { SEED_COLUMNS } from '../import/seed-csv';
import { FORMULA_START } from '../import/formula-guard';
import type { CustomerExportRow, DecisionExportRow, MatchExportRow } from '../db/queries/export';
import { rankReasons } from '../matching/reasons';
import { matchCriteriaSchema, type MatchCriteriaField } from '../schemas/explanation';
import type { ExportFormat, ExportKind } from '../schemas/export';

export type ExportCell = string | number | boolean | null;
export type ExportRow = Record<string, ExportCell | TopReason[]>;

export type TopReason = Pick<MatchCriteriaField, 'field' | 'level' | 'weight' | 'contradicts'>;

/** How many field contributions the matches export lists (lib/matching/reasons.ts: a contradiction first, then the biggest weights). */
export const TOP_REASON_COUNT = 3;

export const EXPORT_COLUMNS: Record<ExportKind, readonly string[]> = {
  matches: [
    'match_id', 'incoming_id', 'incoming_source_system', 'incoming_source_id', 'incoming_status', 'customer_id', 'customer_source_system', 'customer_source_id',
    'match_probability', 'confidence_band', 'rank', 'reviewed', 'review_decision', 'reviewer', 'reviewed_at', 'updated_at', 'top_reasons',
  ],
  decisions: [
    'decision_id', 'decided_at', 'actor', 'reviewer', 'decision', 'notes', 'match_id', 'incoming_id', 'customer_id',
    'decision_before', 'version_before', 'version_after', 'incoming_status_before', 'request_id',
  ],
  // The import's own columns, so an export re-imports cleanly (lib/import/seed-csv.ts).
  customers: [...SEED_COLUMNS, 'source_system', 'source_id'],
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** None for a row not in the stored explanation's shape: the export goes on without its reasons. */
export function topReasons(matchCriteria: unknown, limit = TOP_REASON_COUNT): TopReason[] {
  const parsed = matchCriteriaSchema.safeParse(matchCriteria);
  if (!parsed.success) return [];
  return rankReasons(parsed.data.fields, limit).map(({ field, level, weight, contradicts }) => ({ field, level, weight, ...(contradicts ? { contradicts } : {}) }));
}

export function matchRow(row: MatchExportRow): ExportRow {
  return {
    match_id: row.matchId, incoming_id: row.incomingId, incoming_source_system: row.incomingSourceSystem, incoming_source_id: row.incomingSourceId, incoming_status: row.incomingStatus,
    customer_id: row.customerId, customer_source_system: row.customerSourceSystem, customer_source_id: row.customerSourceId,
    match_probability: row.matchProbability, confidence_band: row.confidenceBand, rank: row.rank, reviewed: row.reviewed,
    review_decision: row.reviewDecision, reviewer: row.reviewer, reviewed_at: iso(row.reviewedAt), updated_at: iso(row.updatedAt),
    top_reasons: topReasons(row.matchCriteria),
  };
}

type Snapshot = Record<string, unknown> | null;
const cell = (snapshot: Snapshot, key: string): ExportCell => {
  const value = snapshot?.[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
};

const RECORD_DECISIONS: Record<string, string> = { 'incoming.created': 'create_new', 'incoming.dismissed': 'dismiss', 'incoming.reopened': 'reopen' };

/** A review decision from its audit event; erased entities keep only ids (their snapshots are null). */
export function decisionRow(event: DecisionExportRow): ExportRow {
  const before = event.before as Snapshot;
  const after = event.after as Snapshot;
  if (event.entityType === 'incoming_customer') {
    // A decision on the record as a whole: its resolution (or, for a change of decision, what it undid).
    const resolution = (after?.resolution ?? before?.resolution ?? null) as Snapshot;
    return {
      decision_id: event.id, decided_at: iso(event.at), actor: event.actor, reviewer: cell(resolution, 'by'), decision: RECORD_DECISIONS[event.action] ?? event.action,
      notes: event.action === 'incoming.reopened' ? cell(after, 'notes') : cell(resolution, 'notes'), match_id: null, incoming_id: Number(event.entityId), customer_id: cell(resolution, 'customer_id'),
      decision_before: event.action === 'incoming.reopened' ? cell(resolution, 'decision') : null, version_before: cell(before, 'version'), version_after: cell(after, 'version'),
      incoming_status_before: cell(before, 'status'), request_id: event.requestId,
    };
  }
  return {
    decision_id: event.id, decided_at: iso(event.at), actor: event.actor, reviewer: cell(after, 'reviewer'),
    decision: event.action.replace(/^match\./, ''), notes: cell(after, 'notes'), match_id: Number(event.entityId),
    incoming_id: cell(after, 'incoming_id'), customer_id: cell(after, 'customer_id'), decision_before: cell(before, 'review_decision'),
    version_before: cell(before, 'version'), version_after: cell(after, 'version'), incoming_status_before: cell(before, 'incoming_status'),
    request_id: event.requestId,
  };
}

export function customerRow(customer: CustomerExportRow): ExportRow {
  return {
    company_name: customer.companyName, contact_name: customer.contactName, email: customer.email, phone: customer.phone,
    address_line1: customer.addressLine1, address_line2: customer.addressLine2, city: customer.city, state: customer.state,
    postal_code: customer.postalCode, country: customer.country, industry: customer.industry, revenue: customer.revenue,
    employee_count: customer.employeeCount, website: customer.website, description: customer.description,
    source_system: customer.sourceSystem, source_id: customer.sourceId,
  };
}

/** "companyName exact +8.21; email exact +10.4" — one cell for a spreadsheet. */
export function formatReasons(reasons: TopReason[]): string {
  return reasons
    .map((reason) => `${reason.field} ${reason.level} ${reason.weight > 0 ? '+' : ''}${reason.weight}${reason.contradicts ? ' (contradicts)' : ''}`)
    .join('; ');
}

const toCsvCell = (value: ExportCell | TopReason[]): ExportCell => (Array.isArray(value) ? formatReasons(value) : value);

/**
 * Quoted as well: a cell holding a separator a spreadsheet may split on (; in many locales, tab) or starting
 * a formula, so no reading of the file starts a cell with one (OWASP CSV injection).
 */
const QUOTED_CELLS = [/[;\t]/, FORMULA_START];

/**
 * CSV by csv-stringify. escape_formulas prefixes a text cell starting with = + - @ tab or CR (and their
 * full-width forms) with a single quote, which the import takes off again (withoutFormulaGuard); numbers
 * stay numbers — a revenue of -5 is written "-5", as a number cell cannot carry a formula and '-5 would not re-import.
 */
export function csvChunk(columns: readonly string[], rows: ExportRow[], header: boolean): string {
  return stringify(
    rows.map((row) => columns.map((column) => toCsvCell(row[column] ?? null))),
    { header, columns: [...columns], escape_formulas: true, quoted_match: QUOTED_CELLS, cast: { boolean: (value) => (value ? 'true' : 'false') } },
  );
}

/** What comes before the first row: the CSV header, or the opening bracket of a JSON array. */
export function openingChunk(format: ExportFormat, columns: readonly string[]): string {
  if (format === 'csv') return csvChunk(columns, [], true);
  return format === 'json' ? '[' : '';
}

/** A page of rows; `rowsBefore` is how many rows were already written (JSON needs commas between rows). */
export function pageChunk(format: ExportFormat, columns: readonly string[], rows: ExportRow[], rowsBefore: number): string {
  if (rows.length === 0) return '';
  if (format === 'csv') return csvChunk(columns, rows, false);
  if (format === 'jsonl') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
  return rows.map((row, i) => `${rowsBefore + i === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`).join('');
}

export function closingChunk(format: ExportFormat, rowsWritten: number): string {
  if (format !== 'json') return '';
  return rowsWritten > 0 ? '\n]\n' : ']\n';
}
