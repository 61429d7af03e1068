// After `NEXT_OUTPUT=standalone next build`: serve .next/standalone/server.js as the container does (static
// files copied beside it, a fresh PGlite directory) and replay a few API calls. Plain Node, no tsx needed.
// An argument names another server folder laid out already (e.g. the Dockerfile's /app, assembled by hand).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const serverDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const standalone = serverDir ?? path.join(root, '.next', 'standalone');
const reportFile = path.join(root, 'reports', 'standalone-smoke.json');
const START_TIMEOUT_MS = 90_000;
const TOTAL_TIMEOUT_MS = 180_000;

const results = [];

async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false, message: error instanceof Error ? error.message : String(error) });
    console.log(`  ✗ ${name}: ${results.at(-1).message}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** What the Dockerfile does too: Next leaves static files out of the standalone folder on purpose. */
function copyStaticFiles() {
  cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
}

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no healthy /api/v1/health within ${START_TIMEOUT_MS / 1000} s`);
}

async function json(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`status ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
}

const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function runChecks(baseUrl) {
  const api = `${baseUrl}/api/v1`;
  await check('GET /api/v1/health: healthy on PGlite with pgvector', async () => {
    const response = await fetch(`${api}/health`);
    const body = await json(response);
    expect(response.status === 200, `status ${response.status}`);
    expect(body.status === 'healthy' && body.database?.kind === 'pglite', `body ${JSON.stringify(body).slice(0, 200)}`);
    expect(/^\d+\.\d+\.\d+$/.test(body.database?.pgvector_version ?? ''), `pgvector_version ${body.database?.pgvector_version}`);
  });

  let customerId;
  await check('POST /api/v1/customers creates a customer (201)', async () => {
    const response = await post(`${api}/customers`, {
      company_name: 'Standalone Smoke Instruments GmbH', contact_name: 'Greta Smoke', email: 'greta@smoke-instruments.de',
      phone: '+49 30 5550 1234', address_line1: 'Torstrasse 12', city: 'Berlin', postal_code: '10119', country: 'DE',
    });
    const body = await json(response);
    expect(response.status === 201, `status ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    expect(Number.isInteger(body.customer_id), `customer_id ${body.customer_id}`);
    customerId = body.customer_id;
  });

  await check('POST /api/v1/customers/incoming?match=true ranks that customer first', async () => {
    const response = await post(`${api}/customers/incoming?match=true`, {
      company_name: 'Standalone Smoke Instruments', contact_name: 'G. Smoke', email: 'greta@smoke-instruments.de',
      phone: '030 55501234', city: 'Berlin', country: 'Germany', source_system: 'smoke', source_id: 'smoke-1',
    });
    const body = await json(response);
    expect(response.status === 201, `status ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    expect(body.incoming_customer?.processing_status === 'matched', `processing_status ${body.incoming_customer?.processing_status}`);
    expect(body.matches?.[0]?.matched_customer_id === customerId, `best match ${body.matches?.[0]?.matched_customer_id}, expected ${customerId}`);
    expect(['exact', 'high'].includes(body.matches[0].match_type), `match_type ${body.matches[0].match_type}`);
  });

  await check('GET /api/v1/openapi.json describes the incoming endpoint', async () => {
    const response = await fetch(`${api}/openapi.json`);
    const body = await json(response);
    expect(response.status === 200 && /^3\./.test(body.openapi ?? ''), `status ${response.status}, openapi ${body.openapi}`);
    expect(Object.keys(body.paths ?? {}).some((key) => key.endsWith('/customers/incoming')), 'no /customers/incoming path');
  });

  await check('POST /api/v1/customers with a bad email: 422 {error:{code,message}}', async () => {
    const response = await post(`${api}/customers`, { company_name: 'Broken Input Ltd', email: 'not-an-email' });
    const body = await json(response);
    expect(response.status === 422, `status ${response.status}`);
    expect(body.error?.code === 'validation_failed' && typeof body.error?.message === 'string', `body ${JSON.stringify(body).slice(0, 200)}`);
  });

  await check('GET /health (the proof of concept path) is rewritten onto /api/v1', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status === 200, `status ${response.status}`);
  });

  await check('GET / serves the page and its /_next/static script', async () => {
    const page = await fetch(`${baseUrl}/`);
    const html = await page.text();
    expect(page.status === 200, `status ${page.status}`);
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'no /_next/static script in the page');
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.status === 200, `${script}: status ${asset.status}`);
  });

  await check('GET /docs/assets/swagger-ui.css reads node_modules at run time', async () => {
    const response = await fetch(`${baseUrl}/docs/assets/swagger-ui.css`);
    expect(response.status === 200 && (await response.text()).length > 1000, `status ${response.status}`);
  });
}

async function stop(server) {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function writeReport() {
  const failed = results.filter((result) => !result.ok);
  mkdirSync(path.dirname(reportFile), { recursive: true });
  // Jest-compatible fields, as Vitest writes them, so scripts/test-summary.mjs counts this suite too.
  writeFileSync(reportFile, JSON.stringify({ numPassedTests: results.length - failed.length, numFailedTests: failed.length, success: failed.length === 0 && results.length > 0, results }, null, 2));
  console.log(`standalone smoke: ${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0 && results.length > 0;
}

async function main() {
  if (!existsSync(path.join(standalone, 'server.js'))) throw new Error(`${path.join(standalone, 'server.js')} is missing: build with NEXT_OUTPUT=standalone npx next build`);
  if (!serverDir) copyStaticFiles();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'standalone-smoke-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', POSTGRES_HOST: '', REDIS_URL: '', AUTH_MODE: 'open', SEED_DEMO_DATA: 'false', EMBEDDING_PROVIDER: 'local', LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' };
  // Started from another directory on purpose: server.js must find its files from its own folder.
  const server = spawn(process.execPath, [path.join(standalone, 'server.js')], { cwd: tmpdir(), env, stdio: ['ignore', 'inherit', 'inherit'] });
  const watchdog = setTimeout(() => {
    console.error(`standalone smoke: over ${TOTAL_TIMEOUT_MS / 1000} s, stopping`);
    server.kill('SIGKILL');
  }, TOTAL_TIMEOUT_MS);
  try {
    await check('node .next/standalone/server.js starts and answers /api/v1/health', () => waitForHealth(baseUrl, server));
    if (results[0].ok) await runChecks(baseUrl);
  } finally {
    await stop(server);
    clearTimeout(watchdog);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return writeReport();
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error) => {
    results.push({ name: 'standalone smoke setup', ok: false, message: error instanceof Error ? error.message : String(error) });
    console.error(`standalone smoke failed: ${results.at(-1).message}`);
    writeReport();
    process.exit(1);
  },
);
