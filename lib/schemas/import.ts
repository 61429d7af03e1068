// The import upload (POST /customers/import): its form fields, and the summary it answers.
import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_TARGETS } from '../import/types';
import { TEXT_COLUMN_LENGTHS } from './column-limits';
import { optionalText } from './common';

const booleanField = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', 'off', ''])])
  .optional()
  .transform((value) => value === true || value === 'true' || value === '1' || value === 'on');

/** Multipart form fields (or query parameters) beside the file. */
export const importFormSchema = z.object({
  target: z.enum(IMPORT_TARGETS).default('customers'),
  dry_run: booleanField,
  source_system: optionalText(TEXT_COLUMN_LENGTHS.sourceSystem),
  format: z.enum(IMPORT_FORMATS).optional(),
});

export type ImportForm = z.output<typeof importFormSchema>;

const rejectionSchema = z.object({ row: z.number(), line: z.number().nullable(), source_id: z.string().nullable(), field: z.string(), reason: z.string() });

export const importSummaryResponseSchema = z.object({
  format: z.enum(IMPORT_FORMATS),
  target: z.enum(IMPORT_TARGETS),
  dry_run: z.boolean(),
  source_system: z.string(),
  rows_read: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejections: z.array(rejectionSchema),
  rejections_truncated: z.boolean(),
  ignored_columns: z.array(z.string()),
  error: z.object({ message: z.string(), row: z.number().nullable(), line: z.number().nullable() }).nullable(),
  vector_indexes_rebuilt: z.boolean(),
  duration_ms: z.number(),
});

export type ImportSummaryResponse = z.output<typeof importSummaryResponseSchema>;
