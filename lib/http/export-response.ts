// An export as a streamed attachment, the same for the REST route (Bearer key) and the steward UI's
// download route (session cookie): headers first, then chunks only as fast as the client reads them.
import { logger, safeError } from '../logger';
import type { ExportQuery } from '../schemas/export';
import type { ApiScope } from '../services/api-keys';
import type { ServiceContext } from '../services/context';
import { EXPORT_CONTENT_TYPES, exportFileName, exportRecords } from '../services/export';

/**
 * The scope an export needs, from the raw `what` (checked before the query is parsed): decisions come from the
 * audit log (actor, notes, request id) and need admin, like GET /audit; matches and customers need read.
 */
export function exportScope(what: string | null): ApiScope {
  return what === 'decisions' ? 'admin' : 'read';
}

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
        logger().error({ requestId, err: safeError(error) }, 'export stream failed');
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

export async function exportResponse(ctx: ServiceContext, query: ExportQuery, requestId: string): Promise<Response> {
  const chunks = exportRecords(ctx, query);
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
}
