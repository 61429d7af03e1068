// Next.js start-up hook: record each request's socket address, migrate the database and seed demo data
// before the first request.
export async function register() {
  // NEXT_RUNTIME is set by Next itself (not user configuration); the database only runs on the Node.js runtime.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that no request is served without its socket address (rate limits key on it).
  const { recordPeerAddresses } = await import('./lib/http/peer-address');
  recordPeerAddresses();
  const { ensureReady } = await import('./lib/services/bootstrap');
  const { logger } = await import('./lib/logger');
  try {
    await ensureReady();
  } catch (error) {
    // Keep serving: /health answers 503 and other routes a clear error until the database is reachable.
    logger().error({ err: error instanceof Error ? error.message : String(error) }, 'database not ready at start; retrying on the next request');
  }
}
