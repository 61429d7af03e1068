import { defineConfig } from '@playwright/test';

// `npm run demo`: walks the steward flow on a fresh embedded database with demo data and saves
// screenshots to docs/screenshots. Separate from playwright.config.ts so it is not part of `npm test`.
const port = Number(process.env.DEMO_PORT ?? 3300);
const dataDir = './data/demo-pglite';

export default defineConfig({
  testDir: './e2e/demo',
  timeout: 180_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/demo',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '', POSTGRES_HOST: '', AUTH_MODE: 'open', PGLITE_DATA_DIR: dataDir },
  },
});
