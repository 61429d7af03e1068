import { route } from '@/lib/http/handler';
import { importUploadResponse } from '@/lib/http/import-upload';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

/**
 * A CSV, JSON or JSON Lines file as multipart/form-data (file, target, dry_run, source_system, format),
 * streamed to disk and imported; the size limit is IMPORT_MAX_BODY_BYTES (413 beyond it).
 */
export const POST = route({ scope: 'write' }, (request, { service }) => importUploadResponse(request, service));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('POST');
