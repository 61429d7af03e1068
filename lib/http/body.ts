// Reads a JSON request body with a size limit, so a huge body is refused before it is buffered whole.
import { AppError } from '../errors';
import { UNSTORABLE_TEXT } from '../schemas/column-limits';

export const MAX_JSON_BODY_BYTES = 256 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

/** The body as text, after checking the content type and the size limit. */
export async function readBodyText(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  // Also without a content type: a page on another site can send a body without one (no-cors, a Blob).
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', `Send the body as JSON with Content-Type: application/json (got ${contentType.slice(0, 80) || 'none'})`);
  }
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

/** Invalid UTF-8 is refused, not read as U+FFFD: a replaced byte would be stored as if the client had sent it. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid UTF-8; send JSON encoded as UTF-8');
  }
}

/** Deeper JSON than this is refused: no field of this API nests more than a few levels. */
export const MAX_JSON_DEPTH = 32;

function invalidText(path: string, message: string): AppError {
  return new AppError('validation_failed', `Invalid body at ${path || '(root)'}: ${message}`, [{ path: path || '(root)', message }]);
}

/**
 * Throws validation_failed naming the first string (key or value) that cannot be stored as text, or
 * the first place nested deeper than MAX_JSON_DEPTH. Iterative, so hostile nesting cannot overflow the stack.
 */
export function assertStorableText(root: unknown): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE_TEXT.test(value)) throw invalidText(path, 'contains a NUL character or an unpaired surrogate');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) throw invalidText(path, `nested more than ${MAX_JSON_DEPTH} levels deep`);
    const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, item] of entries) {
      if (!Array.isArray(value) && UNSTORABLE_TEXT.test(key)) throw invalidText(path, 'a key contains a NUL character or an unpaired surrogate');
      pending.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
}

export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new AppError('invalid_json', 'The request body is empty; send a JSON object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
  assertStorableText(parsed);
  return parsed;
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  return parseJsonText(await readBodyText(request, maxBytes));
}
