// PostgreSQL stopped in the middle of a load: requests fail fast with 503 and a clear error, /health says
// why, the app recovers by itself when the server is back, and nothing is left half-written.
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { percentile, startAppServer, type AppServer } from '../support/app-server';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';

test.describe.configure({ mode: 'serial', timeout: 300_000 });

let postgres: PrivatePostgres | undefined;
let app: AppServer | undefined;

test.beforeAll(async () => {
  test.skip(!postgresBinDir(), 'no PostgreSQL server binaries on this machine');
  postgres = startPrivatePostgres(5498);
  app = await startAppServer(3198, { DATABASE_URL: postgres.url, SEED_DEMO_DATA: 'true' });
});

test.afterAll(async () => {
  await app?.stop();
  postgres?.destroy();
});

type Phase = 'before' | 'down' | 'after';
interface Outcome { phase: Phase; status: number; ms: number; code?: string; message?: string; sourceId: string }

async function waitFor(condition: () => Promise<boolean> | boolean, seconds: number, what: string) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const health = async () => {
  const response = await fetch(`${app!.baseURL}/api/v1/health`);
  return { status: response.status, body: (await response.json()) as { status: string; problems: string[] } };
};

test('PostgreSQL stops under load and comes back: fast 503s, /health says why, recovery without a restart, nothing half-written', async () => {
  const outcomes: Outcome[] = [];
  let phase: Phase = 'before';
  let running = true;
  let sequence = 0;
  const lane = async () => {
    while (running) {
      const sourceId = `F-${(sequence += 1)}`;
      const sentIn = phase;
      const sent = performance.now();
      const response = await fetch(`${app!.baseURL}/api/v1/customers/incoming?match=true`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company_name: `Faultline ${sourceId} Logistics`, city: 'Denver', country: 'US', source_system: 'fault', source_id: sourceId }),
      });
      const body = (await response.json()) as { error?: { code: string; message: string } };
      outcomes.push({ phase: sentIn, status: response.status, ms: performance.now() - sent, code: body.error?.code, message: body.error?.message, sourceId });
    }
  };
  const lanes = Array.from({ length: 4 }, lane);
  const ok = (which: Phase) => outcomes.filter((outcome) => outcome.phase === which && outcome.status < 300).length;
  await waitFor(() => ok('before') >= 20, 60, '20 submissions before the outage');

  postgres!.stop();
  phase = 'down';
  await waitFor(() => outcomes.filter((outcome) => outcome.phase === 'down').length >= 20, 60, '20 answers during the outage');
  const during = await health();
  expect(during).toEqual({ status: 503, body: expect.objectContaining({ status: 'unhealthy', problems: ['database unreachable'] }) });

  postgres!.start();
  phase = 'after';
  await waitFor(async () => (await health()).status === 200, 60, '/health to recover');
  await waitFor(() => ok('after') >= 20, 60, '20 submissions after the outage');
  running = false;
  await Promise.all(lanes);

  // Only 2xx or 503 — never a 500 — and the 503s come fast, with a message that says what is wrong.
  expect(outcomes.filter((outcome) => outcome.status !== 503 && outcome.status >= 300)).toEqual([]);
  const outage = outcomes.filter((outcome) => outcome.phase === 'down' && outcome.status === 503);
  expect(outage.length).toBeGreaterThanOrEqual(10);
  expect(new Set(outage.map((outcome) => outcome.code))).toEqual(new Set(['service_unavailable']));
  expect(outage.every((outcome) => /database is not reachable/.test(outcome.message ?? ''))).toBe(true);
  expect(percentile(outage.map((outcome) => outcome.ms), 95)).toBeLessThan(6_000);

  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  try {
    const rows = await client.query<{ source_id: string; processing_status: string; open: number }>(
      `select i.source_id, i.processing_status, (select count(*)::int from matching_results m where m.incoming_id = i.id and m.reviewed = false) as open
       from incoming_customers i where i.source_system = 'fault'`,
    );
    // Every 2xx record is stored; a record is pending (stored, not matched: the worker finishes it) or matched consistently.
    const stored = new Map(rows.rows.map((row) => [row.source_id, row]));
    for (const outcome of outcomes.filter((o) => o.status < 300)) expect(stored.get(outcome.sourceId)?.processing_status).toMatch(/^(matched|no_match)$/);
    for (const row of rows.rows) {
      expect(['pending', 'matched', 'no_match']).toContain(row.processing_status);
      if (row.processing_status === 'matched') expect(row.open).toBeGreaterThan(0);
      if (row.processing_status === 'no_match') expect(row.open).toBe(0);
    }
    expect(rows.rows.length).toBe(stored.size);
  } finally {
    await client.end();
  }
});
