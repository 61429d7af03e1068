// A top-level JSON array of records, streamed element by element (@streamparser/json), with the
// line each element starts on; broken JSON stops the read at a named row and line.
import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import { byteChunks, MalformedFileError, type ImportSource, type ParseHooks, type SourceRow } from './types';
import { LineCounter } from './line-counter';

export async function* jsonArrayRows(source: ImportSource, hooks: ParseHooks = {}): AsyncGenerator<SourceRow> {
  const lines = new LineCounter();
  const tokenizer = new Tokenizer();
  const tokenParser = new TokenParser({ paths: ['$.*'], keepStack: false });
  const ready: SourceRow[] = [];
  let depth = 0;
  let lastOffset = 0;
  let started = false;
  let elementLine: number | null = null;
  let row = 0;

  tokenizer.onToken = (token) => {
    lastOffset = token.offset;
    if (!started) {
      if (token.token !== TokenType.LEFT_BRACKET) throw new MalformedFileError('Malformed JSON: expected a top-level array of records ([ {...}, {...} ])', null, lines.lineAt(token.offset));
      started = true;
    }
    if (depth === 1 && token.token !== TokenType.COMMA && token.token !== TokenType.RIGHT_BRACKET) elementLine ??= lines.lineAt(token.offset);
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) depth += 1;
    if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth -= 1;
    tokenParser.write(token);
  };
  tokenParser.onValue = ({ value }) => {
    row += 1;
    const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
    ready.push({ row, line: elementLine, record: isRecord ? (value as Record<string, unknown>) : { problem: 'is not a JSON object' } });
    elementLine = null;
  };
  tokenParser.onError = (error) => {
    throw error;
  };

  const fail = (error: unknown): MalformedFileError =>
    error instanceof MalformedFileError ? error : new MalformedFileError(`Malformed JSON: ${(error as Error).message}`, row + 1, lines.lineAt(lastOffset));
  // Rows completed before a failure are handed out first: they are valid and stay imported.
  const feed = (write: () => void): MalformedFileError | null => {
    try {
      write();
      return null;
    } catch (error) {
      return fail(error);
    }
  };
  for await (const chunk of byteChunks(source, hooks.onBytes)) {
    lines.feed(chunk);
    const failure = feed(() => tokenizer.write(chunk));
    yield* ready.splice(0);
    if (failure) throw failure;
  }
  if (!started) throw new MalformedFileError('The JSON file is empty: expected an array of records', null, null);
  const failure = feed(() => tokenizer.end());
  yield* ready.splice(0);
  if (failure) throw failure;
  // The tokenizer ends quietly inside an open array; a file cut short must not read as a complete one.
  if (depth > 0) throw new MalformedFileError('Malformed JSON: the file ends before the array is closed (is it truncated?)', row + 1, lines.lineAt(lastOffset));
}
