import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The REST API lives under /api/v1; the proof of concept's paths (/customers, /matches, /health) are thin
// rewrites onto it, so there is one implementation. UI pages use other paths (/, /review, /directory, ...).
const seedPaths = ['/openapi.json', '/health', '/customers', '/customers/:path*', '/matches', '/matches/:path*', '/audit'];

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
  async rewrites() {
    return {
      beforeFiles: seedPaths.map((source) => ({ source, destination: `/api/v1${source}` })),
    };
  },
};

export default nextConfig;
