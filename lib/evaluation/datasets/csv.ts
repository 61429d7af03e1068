// Streams CSV rows with their row numbers, so loaders can name the exact row in an error.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

export interface CsvRow {
  /** 1-based data row number (the header is row 0). */
  rowNumber: number;
  values: Record<string, string>;
}

/** Yields each data row as header → trimmed value. Handles a BOM and CRLF or LF line ends. */
export async function* readCsvRows(filePath: string): AsyncGenerator<CsvRow> {
  const parser = createReadStream(filePath).pipe(
    parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let rowNumber = 0;
  for await (const values of parser as AsyncIterable<Record<string, string>>) {
    rowNumber += 1;
    yield { rowNumber, values };
  }
}

/** Reads the header line only, to check columns before streaming the rows. */
export async function readCsvHeader(filePath: string): Promise<string[]> {
  const parser = createReadStream(filePath).pipe(parse({ bom: true, trim: true, to_line: 1 }));
  for await (const header of parser as AsyncIterable<string[]>) return header;
  return [];
}

/** Empty cells are missing values, not empty strings. */
export function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Joins the non-empty parts with a space; null when nothing is left. */
export function joinParts(...parts: Array<string | null | undefined>): string | null {
  return blankToNull(parts.map((part) => part?.trim() ?? '').filter(Boolean).join(' '));
}
