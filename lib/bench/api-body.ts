// A generated record as the REST API's JSON body: the seed's field names, missing fields left out.
import type { CustomerRecord } from '../matching/types';
import { SEED_TEXT_COLUMNS, SEED_TRAILING_TEXT_COLUMNS } from '../import/seed-csv';

/** The record as the REST API takes it (seed field names), under a source key unique to this request. */
export function apiBody(record: CustomerRecord, sourceSystem: string, sourceId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { source_system: sourceSystem, source_id: sourceId };
  for (const [column, field] of [...SEED_TEXT_COLUMNS, ...SEED_TRAILING_TEXT_COLUMNS]) if (record[field]) body[column] = record[field];
  if (record.revenue != null) body.revenue = record.revenue;
  if (record.employeeCount != null) body.employee_count = record.employeeCount;
  return body;
}

