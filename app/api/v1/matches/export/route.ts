import { route } from '@/lib/http/handler';
import { parseOrThrow, searchParamsObject } from '@/lib/http/validate';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { exportQuerySchema } from '@/lib/schemas/export';
import { EXPORT_CONTENT_TYPES, exportFileName, exportRecords } from '@/lib/services/export';

export const dynamic = 'force-dynamic';

/** Pulls the export's chunks only as fast as the client reads them (backpressure), encoded as UTF-8. */
function streamOf(chunks: AsyncIterator<string>, prefetched: Array<IteratorResult<string>>, requestId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = prefetched.shift() ?? (await chunks.next());
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are gone already: the client sees a cut-off download; the log says why (no row contents).
        logger().error({ requestId, err: error instanceof Error ? error.message : String(error) }, 'export stream failed');
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

/**
 * Matches, steward decisions or customers as a CSV / JSON / JSON Lines download. Scope 'read' for all
 * three: each holds no more than GET /matches/{id} and GET /customers already show a reader (decisions are
 * the review fields of a match, not the audit log's before/after snapshots, which stay admin-only).
 */
export const GET = route({ scope: 'read' }, async (request, { service, requestId }) => {
  let query;
  try {
    query = parseOrThrow(exportQuerySchema, searchParamsObject(new URL(request.url)), 'export query');
  } catch (error) {
    // An unknown kind, format or band is a malformed request for a download link, not a body to correct.
    if (error instanceof AppError && error.code === 'validation_failed') throw new AppError('bad_request', error.message, error.details);
    throw error;
  }
  const chunks = exportRecords(await service(), query);
  // The opening and the first page are read before answering, so a database failure is still a proper error status.
  const prefetched = [await chunks.next()];
  if (!prefetched[0].done) prefetched.push(await chunks.next());
  return new Response(streamOf(chunks, prefetched, requestId), {
    status: 200,
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[query.format],
      'Content-Disposition': `attachment; filename="${exportFileName(query)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
