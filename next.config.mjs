// The REST API lives under /api/v1; the proof of concept's paths (/customers, /matches, /health) are thin
// rewrites onto it, so there is one implementation. UI pages use other paths (/, /review, /directory, ...).
const seedPaths = ['/openapi.json', '/health', '/customers', '/customers/:path*', '/matches', '/matches/:path*', '/audit'];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and extension bundles from its package folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-pgvector', 'pg', 'pino'],
  poweredByHeader: false,
  async rewrites() {
    return {
      beforeFiles: seedPaths.map((source) => ({ source, destination: `/api/v1${source}` })),
    };
  },
};

export default nextConfig;
