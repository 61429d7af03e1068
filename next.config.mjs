import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The REST API lives under /api/v1; the proof of concept's paths (/customers, /matches, /health) are thin
// rewrites onto it, so there is one implementation. UI pages use other paths (/, /review, /directory, ...).
const seedPaths = ['/openapi.json', '/health', '/customers', '/customers/:path*', '/matches', '/matches/:path*', '/audit'];

// Fixed security headers on every response, also the static files and the multipart uploads that the proxy
// skips; the pages' CSP (it carries a per-request nonce) and HSTS (it depends on the scheme) come from proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // A path or query (a search by customer name) never reaches another site; no-referrer would also blank the
  // Origin of the app's own form posts, which the Origin rule needs.
  { key: 'Referrer-Policy', value: 'same-origin' },
  // For browsers older than CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
];
// JSON and files: nothing to run, nothing to embed, and not to be framed.
const apiPolicy = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }];

// NEXT_OUTPUT=standalone at build time (Dockerfile, npm test) adds .next/standalone; `next start` reads the
// config again without it, so it serves the same build without Next's standalone warning.
const standalone = process.env.NEXT_OUTPUT === 'standalone';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-pgvector', 'pg', 'pino'],
  poweredByHeader: false,
  output: standalone ? 'standalone' : undefined,
  outputFileTracingRoot: path.dirname(fileURLToPath(import.meta.url)),
  // Read from disk at run time, so the tracer cannot see them: PGlite's wasm, data and extension tarballs,
  // and the SQL migrations applied on start (lib/db/migrate.ts, relative to the server's working directory).
  outputFileTracingIncludes: {
    '/**': ['./node_modules/@electric-sql/pglite/dist/**', './node_modules/@electric-sql/pglite-pgvector/dist/**', './drizzle/**'],
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }, ...['/api/:path*', ...seedPaths].map((source) => ({ source, headers: apiPolicy }))];
  },
  async rewrites() {
    return {
      beforeFiles: seedPaths.map((source) => ({ source, destination: `/api/v1${source}` })),
    };
  },
};

export default nextConfig;
