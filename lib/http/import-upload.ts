// POST of a file to import (the API route and the /import page's upload route): spool the multipart
// upload, read the form, run importRecords, and answer the summary as JSON — or, when the client
// accepts application/x-ndjson, as progress events while it runs followed by the summary.
import { createReadStream } from 'node:fs';
import { NextResponse } from 'next/server';
import { env } from '../env';
import { AppError, toAppError } from '../errors';
import { formatFromFileName } from '../import/rows';
import type { ImportFormat } from '../import/types';
import { logger, safeError } from '../logger';
import { importFormSchema, type ImportSummaryResponse } from '../schemas/import';
import { toImportSummaryResponse } from './responses/import';
import type { ServiceContext } from '../services/context';
import { importRecords, type ImportProgress } from '../services/import';
import { spoolMultipartUpload, type SpooledUpload } from './multipart';
import { parseOrThrow, searchParamsObject } from './validate';

export const IMPORT_FILE_FIELD = 'file';

const MIME_FORMATS: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
};

export type ImportEvent = { type: 'progress'; progress: ImportProgress } | { type: 'summary'; summary: ImportSummaryResponse } | { type: 'error'; error: { code: string; message: string } };

function importSettings(request: Request, upload: SpooledUpload) {
  const form = parseOrThrow(importFormSchema, { ...searchParamsObject(new URL(request.url)), ...upload.fields }, 'import form');
  const format = form.format ?? formatFromFileName(upload.file.fileName) ?? MIME_FORMATS[upload.file.mimeType.toLowerCase()];
  if (!format) {
    throw new AppError('validation_failed', `Cannot tell the format of "${upload.file.fileName}": name it .csv, .json or .jsonl, or send format=csv|json|jsonl`, [{ path: 'format', message: 'unknown' }]);
  }
  return { ...form, format };
}

/** A file that stopped being readable is a 422 naming where; the summary (rows already imported) is in details. */
function malformedFileError(summary: ImportSummaryResponse): AppError {
  const { error } = summary;
  const where = [error?.row ? `row ${error.row}` : '', error?.line ? `line ${error.line}` : ''].filter(Boolean).join(', ');
  const kept = summary.inserted + summary.updated;
  return new AppError('validation_failed', `${error?.message ?? 'The file could not be read'}${where ? ` (at ${where})` : ''}; the ${kept} rows before it were ${summary.dry_run ? 'checked' : 'imported'}`, summary);
}

function ndjsonResponse(run: (send: (event: ImportEvent) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        await run(send);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.status >= 500) logger().error({ err: safeError(error) }, 'import failed');
        send({ type: 'error', error: { code: appError.code, message: appError.message } });
      }
      controller.close();
    },
  });
  // no-transform: compression would hold the small progress lines back until the end.
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store, no-transform' } });
}

export async function importUploadResponse(request: Request, service: () => Promise<ServiceContext>): Promise<Response> {
  const upload = await spoolMultipartUpload(request, { maxBytes: env().IMPORT_MAX_BODY_BYTES, fileField: IMPORT_FILE_FIELD });
  let settings: ReturnType<typeof importSettings>;
  let ctx: ServiceContext;
  try {
    settings = importSettings(request, upload);
    ctx = await service();
  } catch (error) {
    await upload.cleanup();
    throw error;
  }
  const run = (onProgress?: (progress: ImportProgress) => void) =>
    importRecords(ctx, createReadStream(upload.file.path), {
      target: settings.target,
      format: settings.format,
      dryRun: settings.dry_run,
      sourceSystem: settings.source_system ?? undefined,
      sizeHint: { bytes: upload.file.bytes },
      onProgress,
    })
      .then(toImportSummaryResponse)
      .finally(upload.cleanup);
  if ((request.headers.get('accept') ?? '').includes('application/x-ndjson')) {
    return ndjsonResponse(async (send) => {
      const summary = await run((progress) => send({ type: 'progress', progress }));
      send({ type: 'summary', summary });
    });
  }
  const summary = await run();
  if (summary.error) throw malformedFileError(summary);
  return NextResponse.json(summary);
}
