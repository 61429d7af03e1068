// The review queue's default page (open matches, most probable first) must be read off
// matching_results_queue_idx in order, not sorted from a scan of every match: EXPLAIN on a few thousand rows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { queryRows } from '../rows';
import { testDatabases } from '../testing';
import { queuePageQuery, type QueuePageRequest } from './matches-queue';

const MATCHES = 4_000;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const request = (changes: Partial<QueuePageRequest> = {}): QueuePageRequest => ({
  bands: [],
  reviewed: 'no',
  sort: 'probability',
  direction: 'desc',
  offset: 0,
  limit: 25,
  countCap: 10_025,
  ...changes,
});

describe.each(testDatabases())('review queue plan on $kind', ({ open }) => {
  let handle: DatabaseHandle;

  async function planOf(queueRequest: QueuePageRequest): Promise<PlanNode[]> {
    const [row] = await queryRows<{ 'QUERY PLAN': string | Array<{ Plan: PlanNode }> }>(handle.db, sql`explain (format json) ${queuePageQuery(handle.db, queueRequest).getSQL()}`);
    const document = typeof row['QUERY PLAN'] === 'string' ? (JSON.parse(row['QUERY PLAN']) as Array<{ Plan: PlanNode }>) : row['QUERY PLAN'];
    return nodes(document[0].Plan);
  }

  beforeAll(async () => {
    handle = await open();
    await handle.db.execute(sql`insert into customers (company_name) select 'Customer ' || n from generate_series(1, 400) as n`);
    await handle.db.execute(sql`insert into incoming_customers (company_name) select 'Incoming ' || n from generate_series(1, 2000) as n`);
    // Two results per incoming record; one in ten already reviewed, as in a queue that is being worked through.
    await handle.db.execute(sql`
      insert into matching_results (incoming_id, customer_id, similarity_score, match_probability, match_weight, confidence_band, match_type, match_criteria, rank, reviewed)
      select i.id, c.id, p, p, ln(p / (1 - p)), case when p >= 0.95 then 'exact' when p >= 0.85 then 'high' when p >= 0.75 then 'potential' else 'low' end,
             'probabilistic', '{}'::jsonb, r, (i.id % 10 = 0)
      from (select n, 0.5 + 0.49 * random() as p, 1 + n % 2 as r from generate_series(1, ${MATCHES}) as n) as g
      join incoming_customers i on i.id = (select min(id) from incoming_customers) + (g.n - 1) / 2
      join customers c on c.id = (select min(id) from customers) + (g.n * 7 + g.r) % 400`);
    await handle.db.execute(sql`analyze`);
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
  });

  it('has the rows it plans over', async () => {
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from matching_results`);
    expect(n).toBe(MATCHES);
  });

  for (const direction of ['desc', 'asc'] as const) {
    it(`reads open matches by probability ${direction} from the queue index, without a sort`, async () => {
      const plan = await planOf(request({ direction }));
      const scan = plan.find((node) => node['Index Name'] === 'matching_results_queue_idx');
      expect(scan, JSON.stringify(plan.map((node) => node['Node Type']))).toBeDefined();
      expect(scan!['Scan Direction']).toBe(direction === 'desc' ? 'Backward' : 'Forward');
      expect(plan.map((node) => node['Node Type'])).not.toContain('Sort');
    });
  }

  it('still uses it deeper in the queue and with a band filter', async () => {
    for (const queueRequest of [request({ offset: 500 }), request({ bands: ['exact', 'high'] })]) {
      const plan = await planOf(queueRequest);
      expect(plan.some((node) => node['Index Name'] === 'matching_results_queue_idx'), JSON.stringify(plan.map((node) => node['Node Type']))).toBe(true);
    }
  });

  it('sorts by uncertainty: probability nearest 0.5 first (desc), farthest first (asc)', async () => {
    // Below 0.5 too, so nearest-to-even-odds is not the same order as lowest probability.
    await handle.db.execute(sql`
      insert into matching_results (incoming_id, customer_id, similarity_score, match_probability, match_weight, confidence_band, match_type, match_criteria, rank)
      select (select max(id) from incoming_customers), c.id, p, p, 0, 'low', 'probabilistic', '{}'::jsonb, 3
      from (values (0.5, 1), (0.2, 2), (0.49999999, 3)) as v(p, k) join customers c on c.id = (select min(id) from customers) + 300 + v.k`);
    const open = await queryRows<{ id: number; p: number }>(handle.db, sql`select id::int as id, match_probability as p from matching_results where not reviewed`);
    const distance = (p: number) => Math.abs(p - 0.5);
    const expected = (direction: 'asc' | 'desc') =>
      [...open]
        .sort((a, b) => (direction === 'desc' ? distance(a.p) - distance(b.p) || b.id - a.id : distance(b.p) - distance(a.p) || a.id - b.id))
        .slice(0, 25)
        .map((row) => row.id);
    for (const direction of ['desc', 'asc'] as const) {
      const page = await queuePageQuery(handle.db, request({ sort: 'uncertainty', direction }));
      expect(page.map((row) => row.result.id)).toEqual(expected(direction));
    }
    const [first, second] = await queuePageQuery(handle.db, request({ sort: 'uncertainty' }));
    expect([first.result.matchProbability, second.result.matchProbability]).toEqual([0.5, 0.49999999]);
  });
});
