// 1,000 submissions with matching at once against PostgreSQL (a private server on 127.0.0.1), some of them
// the same record twice: each stored once, no duplicate match rows, no 5xx; throughput and p95 reported.
import { writeFileSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import http from 'node:http';
import { percentile, postJson, startAppServer, type AppServer } from '../support/app-server';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';

const DISTINCT = 900;
const REPEATED = 100;
const CONNECTIONS = 64;
const CITIES = ['Austin', 'Boston', 'Chicago', 'Denver', 'Houston', 'Miami', 'Seattle'];

test.describe.configure({ mode: 'serial', timeout: 600_000 });

let postgres: PrivatePostgres | undefined;
let app: AppServer | undefined;

test.beforeAll(async () => {
  test.skip(!postgresBinDir(), 'no PostgreSQL server binaries on this machine');
  postgres = startPrivatePostgres(5497);
  app = await startAppServer(3197, { DATABASE_URL: postgres.url, SEED_DEMO_DATA: 'true' });
});

test.afterAll(async () => {
  await app?.stop();
  postgres?.destroy();
});

test(`${DISTINCT + REPEATED} concurrent submissions with matching: each stored once, no duplicate match rows, no 5xx`, async () => {
  const records = Array.from({ length: DISTINCT }, (_, i) => ({
    company_name: `Loadtest ${i} Industries`, email: `orders${i}@loadtest${i % 50}.example`, city: CITIES[i % CITIES.length], country: 'US', source_system: 'load', source_id: `L-${i}`,
  }));
  // The repeats go out in the same burst as their originals.
  const requests = [...records, ...records.slice(0, REPEATED)].map((body, order) => ({ body, order: (order * 7919) % (DISTINCT + REPEATED) })).sort((a, b) => a.order - b.order);
  // All sent at once; the client keeps up to CONNECTIONS open, as a load balancer in front would.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const started = performance.now();
  const results = await Promise.all(
    requests.map(async ({ body }) => {
      const sent = performance.now();
      const response = await postJson(`${app!.baseURL}/api/v1/customers/incoming?match=true`, body, agent);
      const payload = response.body as { incoming_customer?: { incoming_id: number } };
      return { sourceId: body.source_id, status: response.status, ms: performance.now() - sent, incomingId: payload.incoming_customer?.incoming_id };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const latencies = results.map((result) => result.ms);
  const report = { requests: results.length, connections: CONNECTIONS, seconds: Number(seconds.toFixed(1)), perSecond: Number((results.length / seconds).toFixed(1)), p50Ms: Math.round(percentile(latencies, 50)), p95Ms: Math.round(percentile(latencies, 95)), p99Ms: Math.round(percentile(latencies, 99)) };
  mkdirSync('reports', { recursive: true });
  writeFileSync('reports/load.json', `${JSON.stringify(report, null, 2)}\n`);
  test.info().annotations.push({ type: 'load', description: JSON.stringify(report) });
  console.log(`load: ${JSON.stringify(report)}`);

  expect(results.filter((result) => result.status >= 500)).toEqual([]);
  expect(new Set(results.map((result) => result.status))).toEqual(new Set([200, 201]));
  // The two answers for one source id name the same record.
  const idsBySource = new Map<string, Set<number | undefined>>();
  for (const result of results) idsBySource.set(result.sourceId, (idsBySource.get(result.sourceId) ?? new Set()).add(result.incomingId));
  expect([...idsBySource.values()].filter((ids) => ids.size !== 1)).toEqual([]);

  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  try {
    const stored = await client.query(`select count(*)::int as n, count(distinct source_id)::int as distinct from incoming_customers where source_system = 'load'`);
    expect(stored.rows[0]).toEqual({ n: DISTINCT, distinct: DISTINCT });
    const doubled = await client.query(`select count(*)::int as n from (select incoming_id, customer_id from matching_results group by 1, 2 having count(*) > 1) d`);
    expect(doubled.rows[0].n).toBe(0);
    const unmatched = await client.query(`select count(*)::int as n from incoming_customers where source_system = 'load' and processing_status not in ('matched', 'no_match')`);
    expect(unmatched.rows[0].n).toBe(0);
  } finally {
    await client.end();
  }
});
