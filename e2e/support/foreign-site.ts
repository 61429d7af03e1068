// Another site for cross-origin tests: a tiny HTTP server on 127.0.0.1 on a free port (so another origin
// than the app's) that serves one page, as a page an attacker controls would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForeignSite {
  /** e.g. http://127.0.0.1:43127 */
  origin: string;
  close(): Promise<void>;
}

export async function startForeignSite(html = '<!doctype html><title>Another site</title><p>Another site</p>'): Promise<ForeignSite> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
