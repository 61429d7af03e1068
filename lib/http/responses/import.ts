// An import's summary in the API's response shape (snake_case), as the upload answers and streams it.
import type { ImportSummaryResponse } from '../../schemas/import';
import type { ImportSummary } from '../../services/import-summary';

export function toImportSummaryResponse(summary: ImportSummary): ImportSummaryResponse {
  return {
    format: summary.format,
    target: summary.target,
    dry_run: summary.dryRun,
    source_system: summary.sourceSystem,
    rows_read: summary.rowsRead,
    inserted: summary.inserted,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    rejections: summary.rejections.map(({ sourceId, ...rest }) => ({ ...rest, source_id: sourceId })),
    rejections_truncated: summary.rejectionsTruncated,
    ignored_columns: summary.ignoredColumns,
    error: summary.error,
    vector_indexes_rebuilt: summary.vectorIndexesRebuilt,
    duration_ms: summary.durationMs,
  };
}
