// Reads a JSON request body with a size limit, so a huge body is refused before it is buffered whole.
import { AppError } from '../errors';

export const MAX_JSON_BODY_BYTES = 256 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

/** The body as text, after checking the content type and the size limit. */
export async function readBodyText(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', `Send the body as JSON with Content-Type: application/json (got ${contentType.slice(0, 80)})`);
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
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

export function parseJsonText(text: string): unknown {
  if (text.trim() === '') throw new AppError('invalid_json', 'The request body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON');
  }
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  return parseJsonText(await readBodyText(request, maxBytes));
}
