// JSON Lines: one record per line. A line that is not JSON rejects that row only (lines are
// independent, unlike CSV quoting or a JSON array); a line longer than MAX_RECORD_BYTES stops the read.
import { StringDecoder } from 'node:string_decoder';
import { byteChunks, MalformedFileError, MAX_RECORD_BYTES, type ImportSource, type ParseHooks, type SourceRow } from './types';

function lineRecord(text: string): SourceRow['record'] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `is not valid JSON (${(error as Error).message})` };
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { problem: 'is not a JSON object' };
}

export async function* jsonLinesRows(source: ImportSource, hooks: ParseHooks = {}): AsyncGenerator<SourceRow> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  let row = 0;
  const take = (text: string): SourceRow | null => {
    line += 1;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') return null;
    row += 1;
    return { row, line, record: lineRecord(trimmed) };
  };
  for await (const chunk of byteChunks(source, hooks.onBytes)) {
    pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let newline = pending.indexOf('\n');
    let consumed = 0;
    while (newline !== -1) {
      const parsed = take(pending.slice(consumed, newline));
      if (parsed) yield parsed;
      consumed = newline + 1;
      newline = pending.indexOf('\n', consumed);
    }
    pending = pending.slice(consumed);
    if (pending.length > MAX_RECORD_BYTES) throw new MalformedFileError(`Line ${line + 1} is longer than ${MAX_RECORD_BYTES} bytes; is this JSON Lines?`, row + 1, line + 1);
  }
  pending += decoder.end();
  const last = take(pending);
  if (last) yield last;
}
