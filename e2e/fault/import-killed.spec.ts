// A customers import killed (SIGKILL) after it dropped the HNSW indexes: the next start of the app heals
// them, and the re-run of the same file completes with no duplicate rows and both indexes present.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { startAppServer } from '../support/app-server';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';

const ROWS = 3000;
// Small thresholds: an import this size drops the indexes and builds them at the end.
const IMPORT_ENV = { IMPORT_INDEX_REBUILD_MIN_ROWS: '100', IMPORT_INDEX_REBUILD_RATIO: '0', IMPORT_BATCH_SIZE: '100', LOG_LEVEL: 'warn' };

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let postgres: PrivatePostgres | undefined;
let outDir = '';

test.beforeAll(() => {
  test.skip(!postgresBinDir(), 'no PostgreSQL server binaries on this machine');
  postgres = startPrivatePostgres(5496);
  outDir = mkdtempSync(path.join(tmpdir(), 'cm-fault-import-'));
});

test.afterAll(() => {
  postgres?.destroy();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function importProcess(args: string[]) {
  return spawn('npx', ['tsx', 'scripts/import.ts', ...args], { env: { ...process.env, ...IMPORT_ENV, DATABASE_URL: postgres!.url }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
}

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const hnswIndexes = () => query<{ name: string }>(`select indexname as name from pg_indexes where tablename = 'customers' and indexdef ilike '%using hnsw%' order by 1`).then((rows) => rows.map((row) => row.name));
const customerCount = () => query<{ n: number }>(`select count(*)::int as n from customers`).then(([row]) => row?.n ?? 0).catch(() => 0);

test('an import killed mid-way leaves the indexes dropped; a start heals them and the re-run completes without duplicates', async () => {
  const first = importProcess(['--count', String(ROWS), '--out-dir', outDir]);
  let stderr = '';
  first.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 180_000;
  // Kill it once rows are arriving with the indexes gone.
  while (!((await customerCount()) >= 300 && (await hnswIndexes().catch(() => ['?'])).length === 0)) {
    if (first.exitCode !== null) throw new Error(`the import ended before it could be killed:\n${stderr}`);
    if (Date.now() > deadline) throw new Error('the import never dropped its indexes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(-first.pid!, 'SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  expect(await hnswIndexes()).toEqual([]);
  const partial = await customerCount();
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(ROWS);

  // The app heals the indexes when it starts; /health is healthy once they are back.
  const app = await startAppServer(3196, { DATABASE_URL: postgres!.url, SEED_DEMO_DATA: 'false' });
  try {
    const until = Date.now() + 60_000;
    for (;;) {
      const body = (await (await fetch(`${app.baseURL}/api/v1/health`)).json()) as { status: string; problems: string[] };
      if (body.status === 'healthy') break;
      expect(body.status, JSON.stringify(body)).toBe('degraded');
      if (Date.now() > until) throw new Error(`indexes not healed: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await app.stop();
  }
  expect(await hnswIndexes()).toEqual(['customers_company_name_embedding_hnsw', 'customers_full_profile_embedding_hnsw']);

  const rerun = importProcess(['--source', path.join(outDir, `generated-seed20240501-n${ROWS}.customers.csv`)]);
  const code = await new Promise<number | null>((resolve) => rerun.once('exit', resolve));
  expect(code).toBe(0);
  const [counts] = await query<{ n: number; distinct: number }>(`select count(*)::int as n, count(distinct (source_system, source_id))::int as distinct from customers`);
  expect(counts).toEqual({ n: ROWS, distinct: ROWS });
  expect(await hnswIndexes()).toEqual(['customers_company_name_embedding_hnsw', 'customers_full_profile_embedding_hnsw']);
  const [invalid] = await query<{ n: number }>(`select count(*)::int as n from pg_index i join pg_class t on t.oid = i.indrelid where t.relname = 'customers' and not i.indisvalid`);
  expect(invalid.n).toBe(0);
});
