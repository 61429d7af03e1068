// An import summary as the lines the CLI prints.
import type { ImportSummary } from '@/lib/services/import-summary';

const SHOWN_REJECTIONS = 10;

export function summaryLines(summary: ImportSummary, context: { database: string; rejectsPath: string | null }): string[] {
  const seconds = summary.durationMs / 1000;
  const written = summary.inserted + summary.updated;
  const verb = summary.dryRun ? 'would be ' : '';
  const lines = [
    `${summary.dryRun ? 'Dry run (nothing written): ' : ''}${summary.rowsRead} rows read from ${summary.format} into ${summary.target} on ${context.database}`,
    `  ${verb}inserted ${summary.inserted} · ${verb}updated ${summary.updated} · unchanged ${summary.unchanged} · rejected ${summary.rejected}`,
  ];
  if (!summary.dryRun) {
    const { embeddingMs, writeMs, indexBuildMs, hnswBuildMs } = summary.timings;
    lines.push(
      `  ${seconds.toFixed(1)} s, ${(summary.rowsRead / Math.max(seconds, 0.001)).toFixed(1)} rows/s (${(written / Math.max(seconds, 0.001)).toFixed(1)} written/s); ` +
        `embedding ${(embeddingMs / 1000).toFixed(1)} s, database ${(writeMs / 1000).toFixed(1)} s, index build ${(indexBuildMs / 1000).toFixed(1)} s (HNSW ${(hnswBuildMs / 1000).toFixed(1)} s)` +
        (summary.vectorIndexesRebuilt ? ' (indexes dropped during the load and rebuilt)' : ''),
    );
  }
  if (summary.ignoredColumns.length > 0) lines.push(`  ignored columns (not customer fields): ${summary.ignoredColumns.join(', ')}`);
  for (const rejection of summary.rejections.slice(0, SHOWN_REJECTIONS)) {
    lines.push(`  row ${rejection.row}${rejection.line ? ` (line ${rejection.line})` : ''}: ${rejection.field}: ${rejection.reason}`);
  }
  if (summary.rejected > 0) lines.push(`  all rejections: ${context.rejectsPath ?? '(no rejects file)'}`);
  if (summary.error) {
    const where = [summary.error.row ? `row ${summary.error.row}` : '', summary.error.line ? `line ${summary.error.line}` : ''].filter(Boolean).join(', ');
    lines.push(`  STOPPED${where ? ` at ${where}` : ''}: ${summary.error.message}`, `  the ${written} rows written before that stay imported; fix the file and import it again (unchanged rows are skipped).`);
  }
  return lines;
}
