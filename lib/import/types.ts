// What every import parser yields: one record per data row with where it came from, so a rejected
// row or a malformed file can be named exactly (row, and line where the format knows it).

export const IMPORT_FORMATS = ['csv', 'json', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The table a file is imported into. */
export const IMPORT_TARGETS = ['customers', 'incoming'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export interface SourceRow {
  /** 1-based data row (the CSV header is not a row; blank lines are not rows). */
  row: number;
  /** 1-based line in the file where the row ends, when known. */
  line: number | null;
  /** The row keyed by field name, or a problem that makes it unusable as a record. */
  record: Record<string, unknown> | { problem: string };
}

/** The file itself cannot be read on from here: bad quoting, broken JSON, a line too long. */
export class MalformedFileError extends Error {
  constructor(
    message: string,
    readonly row: number | null,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'MalformedFileError';
  }
}

/** Longest record or line accepted: a bound on memory when a file lacks line ends or closing quotes. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Anything the import can read: Node streams, web streams, (async) iterables of bytes or text. */
export type ImportSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | NodeJS.ReadableStream;

export interface ParseHooks {
  /** Bytes read so far, for progress against a known file size. */
  onBytes?: (total: number) => void;
  /** CSV only: the canonical column names of the header. */
  onColumns?: (columns: string[]) => void;
}

/** The source as byte chunks, counting bytes for progress. */
export async function* byteChunks(source: ImportSource, onBytes?: (total: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.byteLength;
    onBytes?.(total);
    yield bytes;
  }
}

export function isProblem(record: SourceRow['record']): record is { problem: string } {
  return typeof (record as { problem?: unknown }).problem === 'string' && Object.keys(record).length === 1;
}
