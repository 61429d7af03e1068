// The running counts of an import and the summary it ends with.
import { isKnownColumn } from '../import/fields';
import type { ImportFormat, ImportTarget, MalformedFileError } from '../import/types';
import type { BatchCounts } from './import-batch';

export interface Rejection {
  /** 1-based data row. */
  row: number;
  line: number | null;
  sourceId: string | null;
  field: string;
  reason: string;
}

/** Where rejected rows go (a CSV file for the CLI); every problem is written, however many. */
export interface RejectsSink {
  write(rejection: Rejection): void | Promise<void>;
}

/** Problems kept in memory for the summary; the sink has all of them. */
export const KEPT_REJECTIONS = 100;
const KEPT_IGNORED_COLUMNS = 20;

export interface ImportProgress {
  phase: 'importing' | 'indexing';
  rowsRead: number;
  bytesRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportSummary {
  format: ImportFormat;
  target: ImportTarget;
  dryRun: boolean;
  sourceSystem: string;
  rowsRead: number;
  /** In a dry run: what would have been inserted, updated, left unchanged. */
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows rejected (a row with two bad fields counts once and has two rejections). */
  rejected: number;
  rejections: Rejection[];
  rejectionsTruncated: boolean;
  /** Columns or keys that are not customer fields; their values were not imported. */
  ignoredColumns: string[];
  /** Set when the file stopped being readable; rows before it were imported. */
  error: { message: string; row: number | null; line: number | null } | null;
  vectorIndexesRebuilt: boolean;
  durationMs: number;
  /** Embedder calls; the rest of the batches (keys, lookups, upserts, term frequencies); building HNSW indexes. */
  /** indexBuildMs: every index dropped for the load and built again; hnswBuildMs: the two HNSW graphs' share of it. */
  timings: { embeddingMs: number; writeMs: number; indexBuildMs: number; hnswBuildMs: number };
}

export class ImportTally {
  rowsRead = 0;
  bytesRead = 0;
  inserted = 0;
  updated = 0;
  unchanged = 0;
  rejected = 0;
  embeddingMs = 0;
  writeMs = 0;
  indexBuildMs = 0;
  hnswBuildMs = 0;
  private readonly rejections: Rejection[] = [];
  private rejectionCount = 0;
  private readonly ignored = new Set<string>();
  private error: ImportSummary['error'] = null;
  private readonly started = performance.now();

  constructor(
    private readonly format: ImportFormat,
    private readonly target: ImportTarget,
    private readonly dryRun: boolean,
    private readonly sourceSystem: string,
  ) {}

  add(counts: BatchCounts): void {
    this.inserted += counts.inserted;
    this.updated += counts.updated;
    this.unchanged += counts.unchanged;
  }

  keep(rejection: Rejection): void {
    this.rejectionCount += 1;
    if (this.rejections.length < KEPT_REJECTIONS) this.rejections.push(rejection);
  }

  noteColumns(columns: string[]): void {
    for (const column of columns) if (!isKnownColumn(column) && this.ignored.size < KEPT_IGNORED_COLUMNS) this.ignored.add(column);
  }

  /** JSON records may differ in their keys; the first unknown ones are reported. */
  noteKeys(record: Record<string, unknown>): void {
    if (this.format !== 'csv' && this.ignored.size < KEPT_IGNORED_COLUMNS) this.noteColumns(Object.keys(record));
  }

  stop(error: MalformedFileError): void {
    this.error = { message: error.message, row: error.row, line: error.line };
  }

  progress(phase: ImportProgress['phase']): ImportProgress {
    return { phase, rowsRead: this.rowsRead, bytesRead: this.bytesRead, inserted: this.inserted, updated: this.updated, unchanged: this.unchanged, rejected: this.rejected };
  }

  summary(vectorIndexesRebuilt: boolean): ImportSummary {
    const round = (ms: number) => Math.round(ms);
    return {
      format: this.format,
      target: this.target,
      dryRun: this.dryRun,
      sourceSystem: this.sourceSystem,
      rowsRead: this.rowsRead,
      inserted: this.inserted,
      updated: this.updated,
      unchanged: this.unchanged,
      rejected: this.rejected,
      rejections: this.rejections,
      rejectionsTruncated: this.rejectionCount > this.rejections.length,
      ignoredColumns: [...this.ignored],
      error: this.error,
      vectorIndexesRebuilt,
      durationMs: round(performance.now() - this.started),
      timings: { embeddingMs: round(this.embeddingMs), writeMs: round(this.writeMs - this.embeddingMs), indexBuildMs: round(this.indexBuildMs), hnswBuildMs: round(this.hnswBuildMs) },
    };
  }
}
