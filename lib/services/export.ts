// exportRecords: matches, steward decisions or customers as CSV, JSON or JSON Lines, produced page by page
// (keyset pagination) as an async iterable of text chunks — the REST route streams it, the CLI writes it
// to a file or stdout, the UI can link to the route. Never the whole table in memory.
import { customersPage, decisionsPage, exportRowCount, matchesPage, type ExportFilter } from '../db/queries/export';
import type { Database } from '../db/client';
import type { ExportQuery } from '../schemas/export';
import type { ServiceContext } from './context';
import { closingChunk, customerRow, decisionRow, EXPORT_COLUMNS, matchRow, openingChunk, pageChunk, type ExportRow } from './export-rows';

/** Rows per database page: large enough to keep round trips few, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 500;

export type ExportOptions = ExportQuery & {
  pageSize?: number;
  /** Called after each page with the rows written so far (progress). */
  onRows?: (written: number) => void;
};

const UTF8_BOM = '\uFEFF';

type PageReader = (db: Database, filter: ExportFilter, afterId: number, limit: number) => Promise<Array<{ key: number; row: ExportRow }>>;

const READERS: Record<ExportQuery['what'], PageReader> = {
  matches: async (db, filter, afterId, limit) => (await matchesPage(db, filter, afterId, limit)).map((row) => ({ key: row.matchId, row: matchRow(row) })),
  decisions: async (db, filter, afterId, limit) => (await decisionsPage(db, filter, afterId, limit)).map((event) => ({ key: event.id, row: decisionRow(event) })),
  customers: async (db, filter, afterId, limit) => (await customersPage(db, filter, afterId, limit)).map((customer) => ({ key: customer.id, row: customerRow(customer) })),
};

function filterOf(options: ExportQuery): ExportFilter {
  return { bands: options.band, reviewed: options.reviewed, since: options.since };
}

export async function* exportRecords(ctx: ServiceContext, options: ExportOptions): AsyncGenerator<string> {
  const columns = EXPORT_COLUMNS[options.what];
  const read = READERS[options.what];
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const filter = filterOf(options);
  yield `${options.bom && options.format === 'csv' ? UTF8_BOM : ''}${openingChunk(options.format, columns)}`;
  let written = 0;
  for (let afterId = 0; ; ) {
    const page = await read(ctx.db, filter, afterId, pageSize);
    if (page.length === 0) break;
    yield pageChunk(options.format, columns, page.map((entry) => entry.row), written);
    written += page.length;
    afterId = page[page.length - 1].key;
    options.onRows?.(written);
    if (page.length < pageSize) break;
  }
  const closing = closingChunk(options.format, written);
  if (closing) yield closing;
}

/** How many rows the export will hold (for a progress bar; rows written meanwhile may change it). */
export async function exportSize(ctx: ServiceContext, options: ExportQuery): Promise<number> {
  return exportRowCount(ctx.db, options.what, filterOf(options));
}

export const EXPORT_CONTENT_TYPES: Record<ExportQuery['format'], string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** e.g. matches-20261126T081500Z.csv — safe in a Content-Disposition header as it is. */
export function exportFileName(options: Pick<ExportQuery, 'what' | 'format'>, at = new Date()): string {
  return `${options.what}-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.${options.format}`;
}
