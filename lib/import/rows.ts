// Picks the parser for a format, and the format for a file name.
import path from 'node:path';
import { csvRows } from './csv-rows';
import { jsonArrayRows } from './json-rows';
import { jsonLinesRows } from './jsonl-rows';
import { IMPORT_FORMATS, type ImportFormat, type ImportSource, type ParseHooks, type SourceRow } from './types';

export function sourceRows(source: ImportSource, format: ImportFormat, hooks: ParseHooks = {}): AsyncGenerator<SourceRow> {
  if (format === 'csv') return csvRows(source, hooks);
  if (format === 'json') return jsonArrayRows(source, hooks);
  return jsonLinesRows(source, hooks);
}

const EXTENSION_FORMATS: Record<string, ImportFormat> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** The format a file name says (.csv, .json, .jsonl / .ndjson); null when it says none. */
export function formatFromFileName(fileName: string): ImportFormat | null {
  return EXTENSION_FORMATS[path.extname(fileName).toLowerCase()] ?? null;
}

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}
