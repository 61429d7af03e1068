// Export requests: what to export, in which format, filtered how. One schema for the REST query
// (GET /matches/export) and the CLI flags (npm run export), both given as strings.
import { z } from 'zod';
import { CONFIDENCE_BANDS } from '../matching/types';

export const EXPORT_KINDS = ['matches', 'decisions', 'customers'] as const;
export const EXPORT_FORMATS = ['csv', 'json', 'jsonl'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const bandList = z
  .string()
  .transform((value) => value.split(',').map((band) => band.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.enum(CONFIDENCE_BANDS, { message: `each band must be one of ${CONFIDENCE_BANDS.join(', ')}` })).min(1, 'name at least one band'))
  .describe(`comma-separated bands (${CONFIDENCE_BANDS.join(', ')})`);

/** An ISO 8601 date or date-time with an offset: 2026-11-01 or 2026-11-01T08:00:00Z. */
const since = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { message: 'must be an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z' })
  .transform((value) => new Date(value));

export const exportQuerySchema = z
  .object({
    what: z.enum(EXPORT_KINDS, { message: `must be one of ${EXPORT_KINDS.join(', ')}` }),
    format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }).default('csv'),
    band: bandList.optional(),
    reviewed: flag.optional(),
    since: since.optional(),
    bom: flag.optional(),
  })
  .superRefine((query, ctx) => {
    // Filters that do not apply are refused rather than ignored, so a caller never believes a file is filtered when it is not.
    if (query.what !== 'matches') {
      if (query.band) ctx.addIssue({ code: 'custom', path: ['band'], message: 'applies to what=matches only' });
      if (query.reviewed !== undefined) ctx.addIssue({ code: 'custom', path: ['reviewed'], message: 'applies to what=matches only' });
    }
    // RFC 8259: JSON text must not start with a byte order mark; the BOM is only for Excel opening a CSV.
    if (query.bom && query.format !== 'csv') ctx.addIssue({ code: 'custom', path: ['bom'], message: 'applies to format=csv only' });
  });

export type ExportQuery = z.output<typeof exportQuerySchema>;
