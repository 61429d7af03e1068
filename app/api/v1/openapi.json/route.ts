import { json, route } from '@/lib/http/handler';
import { openApiDocument } from '@/lib/openapi/document';
import { unsupportedMethods } from '@/lib/http/methods';

export const dynamic = 'force-dynamic';

export const GET = route({ scope: null }, async () => json(openApiDocument()));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = unsupportedMethods('GET');
