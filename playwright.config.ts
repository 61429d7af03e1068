import { defineConfig } from '@playwright/test';
import { AUTH_BASE_URL, AUTH_DATA_DIR, AUTH_FAILURE_BURST, AUTH_KEYS_FILE, AUTH_PORT, AUTH_RATE, AUTH_REDIS_URL, AUTH_SESSIONS_FILE, AUTH_TRUSTED_PROXIES } from './e2e/support/auth-server';

// E2E runs against `next start` (a production build must exist: `npm run build`) on a fresh embedded
// database, with Debian's Chromium — Playwright never downloads a browser here.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = './data/e2e-pglite';
// IMPORT_MAX_BODY_BYTES: a 1 MiB upload limit so the import's 413 is provoked with a small body.
const serverEnv = { SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '', POSTGRES_HOST: '', IMPORT_MAX_BODY_BYTES: String(1024 * 1024) };
// The open server's anonymous bucket is shared by every spec; the limiter itself is tested on the keys-required
// server (tiny AUTH_RATE), so here it is set wide enough that a spec never meets a 429 it did not ask for.
const openServerRate = { RATE_LIMIT_PER_SECOND: '1000', RATE_LIMIT_BURST: '5000' };

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  // A decision is a server round trip with matching behind it: room for a busy 2-core machine.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'api', testMatch: /api\/.*\.spec\.ts/, testIgnore: /api\/auth\.spec\.ts/ },
    // Load and fault tests: each starts its own app on a private PostgreSQL (e2e/support/private-postgres.ts).
    { name: 'fault', testMatch: /fault\/.*\.spec\.ts/ },
    { name: 'ui', testMatch: /ui\/.*\.spec\.ts/, testIgnore: /ui\/login\.spec\.ts/, use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
    // Steward sign-in with keys required: the same second server as api-auth.
    { name: 'ui-auth', testMatch: /ui\/login\.spec\.ts/, use: { browserName: 'chromium', viewport: { width: 1280, height: 800 }, baseURL: AUTH_BASE_URL } },
    // Keys, scopes, 401/403, 429 and Idempotency-Key against a second server that requires keys.
    { name: 'api-auth', testMatch: /api\/auth\.spec\.ts/, use: { baseURL: AUTH_BASE_URL } },
  ],
  webServer: [
    {
      command: `rm -rf ${dataDir} && npx next start -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { ...serverEnv, ...openServerRate, PGLITE_DATA_DIR: dataDir },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // Keys must exist before the server opens its PGlite directory; see e2e/support/provision-api-keys.ts.
      command: `rm -rf ${AUTH_DATA_DIR} ${AUTH_KEYS_FILE} ${AUTH_SESSIONS_FILE} && npx tsx e2e/support/provision-api-keys.ts && npx next start -p ${AUTH_PORT} -H 127.0.0.1`,
      url: `${AUTH_BASE_URL}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        ...serverEnv,
        PGLITE_DATA_DIR: AUTH_DATA_DIR,
        AUTH_MODE: 'required',
        RATE_LIMIT_PER_SECOND: String(AUTH_RATE.perSecond),
        RATE_LIMIT_BURST: String(AUTH_RATE.burst),
        REDIS_URL: AUTH_REDIS_URL,
        AUTH_FAILURE_BURST: String(AUTH_FAILURE_BURST),
        TRUSTED_PROXIES: AUTH_TRUSTED_PROXIES,
      },
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
