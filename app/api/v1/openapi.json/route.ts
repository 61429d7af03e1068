import { json, route } from '@/lib/http/handler';
import { openApiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-dynamic';

export const GET = route({ scope: null }, async () => json(openApiDocument()));
