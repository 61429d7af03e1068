// A multipart/form-data upload spooled to a temporary file as it arrives (busboy): memory stays flat
// whatever the file size, the size limit is enforced while reading, and form fields are all known —
// whatever their order — before the file is processed.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { AppError } from '../errors';

export interface SpooledUpload {
  fields: Record<string, string>;
  file: { fileName: string; mimeType: string; path: string; bytes: number };
  /** Deletes the temporary file. */
  cleanup(): Promise<void>;
}

const tooLarge = (maxBytes: number) => new AppError('payload_too_large', `The upload is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB (IMPORT_MAX_BODY_BYTES)`);

export async function spoolMultipartUpload(request: Request, options: { maxBytes: number; fileField: string }): Promise<SpooledUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new AppError('unsupported_media_type', `Send the file as multipart/form-data with a "${options.fileField}" field (got ${contentType.slice(0, 80) || 'no content type'})`);
  }
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > options.maxBytes) throw tooLarge(options.maxBytes);
  if (!request.body) throw new AppError('bad_request', `The request has no body; send the file in a "${options.fileField}" field`);

  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fields: 20, fieldSize: 10_000, fileSize: options.maxBytes } });
  } catch (error) {
    throw new AppError('bad_request', `Malformed multipart/form-data: ${(error as Error).message}`);
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'cm-import-'));
  const cleanup = () => rm(directory, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: SpooledUpload['file'] | undefined;
  let spooling: Promise<void> | undefined;
  let overLimit = false;
  parser.on('field', (name, value) => (fields[name] = value));
  parser.on('file', (name, stream, info) => {
    if (name !== options.fileField || file) {
      stream.resume();
      return;
    }
    const target = path.join(directory, 'upload');
    const spooled = { fileName: info.filename ?? 'upload', mimeType: info.mimeType, path: target, bytes: 0 };
    file = spooled;
    stream.on('data', (chunk: Buffer) => (spooled.bytes += chunk.length));
    stream.on('limit', () => (overLimit = true));
    spooling = pipeline(stream, createWriteStream(target));
  });
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
    await spooling;
  } catch (error) {
    await cleanup();
    if (overLimit) throw tooLarge(options.maxBytes);
    throw error instanceof AppError ? error : new AppError('bad_request', `Malformed multipart/form-data: ${(error as Error).message}`);
  }
  if (overLimit) {
    await cleanup();
    throw tooLarge(options.maxBytes);
  }
  if (!file) {
    await cleanup();
    throw new AppError('bad_request', `No file in the form: send it in a "${options.fileField}" field`);
  }
  return { fields, file, cleanup };
}
