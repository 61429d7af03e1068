// When a customers import drops the secondary indexes (the two HNSW graphs, the trigram and B-tree
// indexes) and builds them once at the end. Keeping them up to date costs far more per row than
// building them once over all rows, but a rebuild
// re-reads the whole table, so it pays only when the import is large relative to the table:
// drop when the rows it will write ≥ max(IMPORT_INDEX_REBUILD_MIN_ROWS, IMPORT_INDEX_REBUILD_RATIO × rows
// already there). The rows it will write are estimated from the size hint (rows, or bytes and the
// bytes per row seen so far, times the share of rows that needed a write), else from what it wrote;
// the estimate is made before each batch is written, the first one included.
import { analyzeCustomers, countCustomers } from '../db/queries/customers';
import type { Database } from '../db/client';
import { dropBulkLoadIndexes, ensureBulkLoadIndexes } from '../db/bulk-load-indexes';
import { env } from '../env';

export interface ImportSizeHint {
  /** Rows the source holds, when known (generated data). */
  rows?: number;
  /** Bytes the source holds, when known (a file's size, a request's Content-Length). */
  bytes?: number;
}

export interface ImportSoFar {
  rowsRead: number;
  bytesRead: number;
  written: number;
}

/** Rows the whole import is expected to write, from what the first batches showed. */
export function expectedWrites(soFar: ImportSoFar, hint: ImportSizeHint): number {
  if (soFar.rowsRead === 0) return soFar.written;
  const writeShare = soFar.written / soFar.rowsRead;
  if (hint.rows !== undefined) return Math.max(soFar.written, hint.rows * writeShare);
  if (hint.bytes !== undefined && soFar.bytesRead > 0) return Math.max(soFar.written, (hint.bytes / soFar.bytesRead) * soFar.rowsRead * writeShare);
  return soFar.written;
}

export function rebuildThreshold(existingRows: number, config = env()): number {
  return Math.max(config.IMPORT_INDEX_REBUILD_MIN_ROWS, config.IMPORT_INDEX_REBUILD_RATIO * existingRows);
}

export class VectorIndexPlan {
  dropped = false;
  private threshold = Number.POSITIVE_INFINITY;

  constructor(
    private readonly db: Database,
    private readonly enabled: boolean,
    private readonly hint: ImportSizeHint = {},
  ) {}

  /** Rebuilds indexes an interrupted import left dropped, and sizes the table. */
  async prepare(): Promise<void> {
    if (!this.enabled) return;
    await ensureBulkLoadIndexes(this.db);
    this.threshold = rebuildThreshold(await countCustomers(this.db));
    // A known row count decides before the first row: no batch pays for index upkeep in vain.
    if (this.hint.rows !== undefined && this.hint.rows >= this.threshold) await this.drop();
  }

  private async drop(): Promise<void> {
    await dropBulkLoadIndexes(this.db);
    this.dropped = true;
  }

  /** soFar.written includes the batch about to be written. */
  async beforeWrite(soFar: ImportSoFar): Promise<void> {
    if (!this.enabled || this.dropped || soFar.written === 0) return;
    if (expectedWrites(soFar, this.hint) < this.threshold) return;
    await this.drop();
  }

  /** Builds the dropped indexes and refreshes statistics; returns the milliseconds spent building, all of them and the HNSW graphs'. */
  async finish(wroteAny: boolean): Promise<{ buildMs: number; hnswBuildMs: number }> {
    const started = performance.now();
    let hnswBuildMs = 0;
    if (this.dropped) await ensureBulkLoadIndexes(this.db, env().IMPORT_INDEX_BUILD_MEMORY_MB, ({ method, ms }) => (hnswBuildMs += method === 'hnsw' ? ms : 0));
    const buildMs = performance.now() - started;
    if (this.enabled && wroteAny) await analyzeCustomers(this.db);
    return this.dropped ? { buildMs, hnswBuildMs } : { buildMs: 0, hnswBuildMs: 0 };
  }
}
