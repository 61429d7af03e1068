// importRecords: a CSV / JSON / JSON Lines stream into customers or incoming customers. Rows are
// parsed as they arrive and written in batches, so memory stays flat whatever the file size; each
// row is validated with the shared schema, bad rows go to the rejects sink with row, line, field and
// reason, and the upsert on (source_system, source_id) makes a re-import change nothing.
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../db/queries/audit';
import { env } from '../env';
import { getEmbedder } from '../embeddings';
import type { Embedder } from '../embeddings/types';
import { DEFAULT_IMPORT_SOURCE_SYSTEM, validateRow } from '../import/fields';
import { contentFingerprint, derivedSourceId } from '../import/fingerprint';
import { sourceRows } from '../import/rows';
import { isProblem, MalformedFileError, type ImportFormat, type ImportSource, type ImportTarget, type SourceRow } from '../import/types';
import type { ServiceContext } from './context';
import { applyImportBatch, type ImportEntry } from './import-batch';
import { VectorIndexPlan, type ImportSizeHint } from './import-indexes';
import { ImportTally, type ImportProgress, type ImportSummary, type Rejection, type RejectsSink } from './import-summary';

export type { ImportProgress, ImportSummary, Rejection, RejectsSink } from './import-summary';

export interface ImportOptions {
  target: ImportTarget;
  format: ImportFormat;
  /** Validate and look up only: report what would be inserted, updated or unchanged, write nothing. */
  dryRun?: boolean;
  /** For rows without a source_system column (default "import"). */
  sourceSystem?: string;
  rejects?: RejectsSink;
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
  /** Default getEmbedder(). */
  embedder?: Embedder;
  /** How big the source is, when known: lets a large customers import drop the HNSW indexes early. */
  sizeHint?: ImportSizeHint;
}

/** Times the embedder, so the summary can say how much of the import was embedding. */
function timedEmbedder(embedder: Embedder, tally: ImportTally): Embedder {
  return {
    provider: embedder.provider,
    model: embedder.model,
    dimensions: embedder.dimensions,
    async embed(texts) {
      const started = performance.now();
      try {
        return await embedder.embed(texts);
      } finally {
        tally.embeddingMs += performance.now() - started;
      }
    },
  };
}

export async function importRecords(ctx: ServiceContext, source: ImportSource, options: ImportOptions): Promise<ImportSummary> {
  const dryRun = options.dryRun ?? false;
  const sourceSystem = options.sourceSystem?.trim() || DEFAULT_IMPORT_SOURCE_SYSTEM;
  const batchSize = options.batchSize ?? env().IMPORT_BATCH_SIZE;
  const tally = new ImportTally(options.format, options.target, dryRun, sourceSystem);
  const embedder = dryRun ? undefined : timedEmbedder(options.embedder ?? getEmbedder(), tally);
  const indexes = new VectorIndexPlan(ctx.db, options.target === 'customers' && !dryRun, options.sizeHint);
  await indexes.prepare();

  let batch: ImportEntry[] = [];
  let batchKeys = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const started = performance.now();
    // Decided before the batch is written, so not even the first batch of a large file pays for HNSW upkeep.
    const beforeWrite = (writes: number) => indexes.beforeWrite({ rowsRead: tally.rowsRead, bytesRead: tally.bytesRead, written: tally.inserted + tally.updated + writes });
    const counts = await applyImportBatch(ctx, options.target, batch, { dryRun, embedder, beforeWrite });
    tally.add(counts);
    for (const { entry, reason } of counts.refused) await reject({ row: entry.row, line: entry.line }, entry.input.sourceId, [{ field: 'source_id', reason }]);
    tally.writeMs += performance.now() - started;
    batch = [];
    batchKeys = new Set();
    options.onProgress?.(tally.progress('importing'));
  };
  const reject = async (row: Pick<SourceRow, 'row' | 'line'>, sourceId: string | null, problems: Array<{ field: string; reason: string }>) => {
    for (const problem of problems) {
      const rejection: Rejection = { row: row.row, line: row.line, sourceId, ...problem };
      tally.keep(rejection);
      await options.rejects?.write(rejection);
    }
    tally.rejected += 1;
  };

  try {
    const rows = sourceRows(source, options.format, {
      onBytes: (bytes) => (tally.bytesRead = bytes),
      onColumns: (columns) => tally.noteColumns(columns),
    });
    for await (const row of rows) {
      tally.rowsRead += 1;
      if (isProblem(row.record)) {
        await reject(row, null, [{ field: '(row)', reason: row.record.problem }]);
        continue;
      }
      tally.noteKeys(row.record);
      const outcome = validateRow(row.record, sourceSystem);
      if (!outcome.ok) {
        const sourceId = typeof row.record.source_id === 'string' ? row.record.source_id : null;
        await reject(row, sourceId, outcome.problems);
        continue;
      }
      const fingerprint = contentFingerprint(outcome.input);
      const input = { ...outcome.input, sourceId: outcome.input.sourceId ?? derivedSourceId(fingerprint) };
      const key = `${input.sourceSystem}\u0000${input.sourceId}`;
      // A repeated key starts a new batch: the later row then updates the earlier one, as across batches.
      if (batchKeys.has(key)) await flush();
      batch.push({ input, fingerprint, row: row.row, line: row.line });
      batchKeys.add(key);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } catch (error) {
    if (!(error instanceof MalformedFileError)) throw error;
    // What was read before the damage is valid: write it, then report where reading stopped.
    await flush();
    tally.stop(error);
  } finally {
    if (indexes.dropped) options.onProgress?.(tally.progress('indexing'));
    ({ buildMs: tally.indexBuildMs, hnswBuildMs: tally.hnswBuildMs } = await indexes.finish(tally.inserted + tally.updated > 0));
  }
  const summary = tally.summary(indexes.dropped);
  if (!dryRun) {
    await appendAuditEvent(ctx.db, {
      actor: ctx.actor,
      action: `${options.target === 'customers' ? 'customers' : 'incoming'}.import_completed`,
      entityType: 'import',
      entityId: randomUUID(),
      after: { format: summary.format, rows_read: summary.rowsRead, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected, stopped_early: summary.error !== null },
      requestId: ctx.requestId,
    });
  }
  return summary;
}
