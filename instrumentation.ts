// Next.js start-up hook: migrate the database and seed demo data before the first request.
export async function register() {
  // NEXT_RUNTIME is set by Next itself (not user configuration); the database only runs on the Node.js runtime.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { ensureReady } = await import('./lib/services/bootstrap');
    await ensureReady();
  }
}
