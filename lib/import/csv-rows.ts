// CSV in the seed's format (header row, comma-separated, RFC 4180 quoting) as records keyed by the
// canonical column names, streamed: memory holds one record at a time whatever the file size.
import { parse, CsvError } from 'csv-parse';
import { canonicalColumn } from '@/lib/import/seed-csv';
import { withoutFormulaGuard } from './formula-guard';
import { byteChunks, MalformedFileError, MAX_RECORD_BYTES, type ImportSource, type ParseHooks, type SourceRow } from './types';

interface ParsedCsvRecord {
  record: string[];
  info: { lines: number };
}

/** Parser errors become MalformedFileError; others (the source failing, an upload over its limit) pass through. */
function malformed(error: unknown, lastRecordLine = 0): unknown {
  if (error instanceof CsvError) {
    const details = error as CsvError & { lines?: number; records?: number };
    // `records` counts the header too, so it is the 1-based number of the data row being read.
    const row = details.records ?? null;
    // The parser reads to the end looking for the closing quote: name the line the unclosed field starts on instead.
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return new MalformedFileError(`Malformed CSV: Quote Not Closed: the quote opened on line ${lastRecordLine + 1} is never closed`, row, lastRecordLine + 1);
    return new MalformedFileError(`Malformed CSV: ${error.message}`, row, details.lines ?? null);
  }
  return error;
}

/** The header names mapped to canonical column names; a repeated column is refused (which value would win?). */
export function csvColumns(header: string[]): string[] {
  const columns = header.map(canonicalColumn);
  const seen = new Set<string>();
  for (const column of columns) {
    if (column === '') throw new MalformedFileError('Malformed CSV: the header has an empty column name', null, 1);
    if (seen.has(column)) throw new MalformedFileError(`Malformed CSV: column "${column}" appears twice in the header`, null, 1);
    seen.add(column);
  }
  return columns;
}

/**
 * The parser is fed chunk by chunk and its records are taken after each chunk (not piped), so the
 * rows completed before bad quoting are still handed out before the error: they stay imported.
 */
export async function* csvRows(source: ImportSource, hooks: ParseHooks = {}): AsyncGenerator<SourceRow> {
  // relax_quotes: a stray quote inside a field (Acme "Best" Inc) is read as written; an unclosed quote still stops the file.
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, info: true, max_record_size: MAX_RECORD_BYTES });
  const parsed: ParsedCsvRecord[] = [];
  let failure: MalformedFileError | null = null;
  let lastRecordLine = 0;
  parser.on('data', (record: ParsedCsvRecord) => {
    parsed.push(record);
    lastRecordLine = record.info.lines;
  });
  parser.on('error', (error) => (failure ??= malformed(error, lastRecordLine) as MalformedFileError));
  let columns: string[] | undefined;
  let row = 0;
  const take = function* (): Generator<SourceRow> {
    for (const { record, info } of parsed.splice(0)) {
      if (!columns) {
        columns = csvColumns(record.map((name) => name.trim()));
        hooks.onColumns?.(columns);
        continue;
      }
      row += 1;
      yield record.length === columns.length
        ? { row, line: info.lines, record: Object.fromEntries(columns.map((column, i) => [column, withoutFormulaGuard(record[i])])) }
        : { row, line: info.lines, record: { problem: `has ${record.length} values but the header has ${columns.length} columns` } };
    }
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  try {
    for await (const chunk of byteChunks(source, hooks.onBytes)) {
      parser.write(chunk);
      await settle();
      yield* take();
      if (failure) throw failure;
    }
    parser.end();
    await settle();
    yield* take();
    if (failure) throw failure;
  } catch (error) {
    throw malformed(error, lastRecordLine);
  } finally {
    parser.destroy();
  }
  if (!columns) throw new MalformedFileError('The CSV is empty: expected a header row with column names such as company_name', null, null);
}
