// Static assets of Swagger UI, read from node_modules/swagger-ui-dist (an allow-list, no path traversal).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// validatorUrl null: the default badge is an image from validator.swagger.io, which the CSP (and privacy) forbid.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true, docExpansion: 'list', tryItOutEnabled: false, validatorUrl: null });`;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === 'init.js') return new Response(INIT_SCRIPT, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  const type = ASSETS[file];
  if (!type) return Response.json({ error: { code: 'not_found', message: `No asset ${file}` } }, { status: 404 });
  const content = await readFile(path.join(process.cwd(), 'node_modules', 'swagger-ui-dist', file));
  return new Response(new Uint8Array(content), { headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' } });
}
