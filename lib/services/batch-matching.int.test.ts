import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { setIncomingStatus } from '../db/queries/incoming';
import { claimPending } from '../db/queries/queue';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import { runBatchMatch } from './batch-matching';
import type { ServiceContext } from './context';
import { submitIncomingBulk } from './incoming';
import { matchIncoming, type MatchOptions, type MatchOutcome } from './matching';
import { withServiceDatabase } from './testing';

const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** A second, independent connection pool to the same scratch database (PGlite: the one handle). */
async function secondHandle(handle: DatabaseHandle): Promise<{ ctx: DatabaseHandle; close(): Promise<void> }> {
  if (handle.kind === 'pglite' || !testDatabaseUrl) return { ctx: handle, close: async () => undefined };
  const [{ name }] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const other = await openDatabase({ kind: 'postgres', connectionString: url.toString(), port: Number(url.port || 5432), database: name, user: url.username, ssl: false });
  return { ctx: other, close: () => other.close() };
}

const COMPANIES = ['Acme Corporation', 'Globex Technologies', 'Initech', 'Umbrella Pharma', 'Stark Industries', 'Wayne Enterprises'];

async function queue(ctx: ServiceContext, count: number, tag: string): Promise<number[]> {
  const records = Array.from({ length: count }, (_, i) => customerInputSchema.parse({ company_name: `${COMPANIES[i % COMPANIES.length]} ${tag}`, city: 'New York', country: 'US', source_system: 'test', source_id: `${tag}-${i}` }));
  return submitIncomingBulk(ctx, records);
}

async function statuses(ctx: ServiceContext, ids: number[]) {
  return queryRows<{ id: string; processing_status: string; claimed_by: string | null; error_message: string | null }>(
    ctx.db,
    sql`select id, processing_status, claimed_by, error_message from incoming_customers where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by id`,
  );
}

describe.each(testDatabases())('batch matching on $kind', ({ kind, open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  withServiceDatabase(open, (opened) => ({ handle, ctx } = opened), { seedDemo: true });

  it('two workers with two lanes each drain the queue: every row processed exactly once', async () => {
    const ids = await queue(ctx, 40, 'race');
    const other = await secondHandle(handle);
    const seen = new Map<number, string[]>();
    const recording = (worker: string) => async (workerCtx: ServiceContext, id: number, options: MatchOptions) => {
      seen.set(id, [...(seen.get(id) ?? []), worker]);
      return matchIncoming(workerCtx, id, options);
    };
    try {
      const [a, b] = await Promise.all([
        runBatchMatch(ctx, { mode: { kind: 'pending' }, concurrency: 2, claimBatchSize: 3, workerId: 'worker-a', matchOne: recording('a') }),
        runBatchMatch({ db: other.ctx.db, actor: 'test' }, { mode: { kind: 'pending' }, concurrency: 2, claimBatchSize: 3, workerId: 'worker-b', matchOne: recording('b') }),
      ]);
      expect(a.processed + b.processed).toBe(40);
      expect([...seen.keys()].sort((x, y) => x - y)).toEqual(ids);
      expect([...seen.values()].filter((workers) => workers.length !== 1)).toEqual([]);
      if (kind === 'postgres') expect(Math.min(a.processed, b.processed)).toBeGreaterThan(0);
      const rows = await statuses(ctx, ids);
      expect(rows.every((row) => ['matched', 'no_match'].includes(row.processing_status) && row.claimed_by === null)).toBe(true);
      const audits = await queryRows<{ n: string }>(ctx.db, sql`select count(*) as n from audit_events where action = 'incoming.matched' and entity_id in (${sql.join(ids.map((id) => sql`${String(id)}`), sql`, `)})`);
      expect(Number(audits[0].n)).toBe(40);
      expect(a.byBand.exact + a.byBand.high + a.byBand.potential + a.byBand.low + a.byBand.none).toBe(a.processed);
    } finally {
      await other.close();
    }
  });

  it('a claim of a dead worker is left alone during its lease and reclaimed after it expires', async () => {
    const ids = await queue(ctx, 3, 'lease');
    expect(await claimPending(ctx.db, { workerId: 'dead-worker', limit: 10, leaseSeconds: 60 })).toEqual(ids);
    const during = await runBatchMatch(ctx, { mode: { kind: 'pending' }, leaseSeconds: 60 });
    expect(during.processed).toBe(0);
    expect((await statuses(ctx, ids)).map((row) => [row.processing_status, row.claimed_by])).toEqual(ids.map(() => ['matching', 'dead-worker']));
    await ctx.db.execute(sql`update incoming_customers set claimed_at = now() - interval '61 seconds' where claimed_by = 'dead-worker'`);
    const after = await runBatchMatch(ctx, { mode: { kind: 'pending' }, leaseSeconds: 60, workerId: 'rescuer' });
    expect(after.processed).toBe(3);
    expect((await statuses(ctx, ids)).every((row) => row.processing_status !== 'matching' && row.claimed_by === null)).toBe(true);
  });

  it('a row whose matching throws is marked error with a one-line reason and the rest of the queue goes on', async () => {
    const [first, ...rest] = await queue(ctx, 4, 'failing');
    // A pipeline wrote identifiers as an object instead of an array: deriving its keys throws.
    const [bad] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into incoming_customers (company_name, identifiers, source_system, source_id) values ('Broken Row Ltd', '{"type":"VAT"}'::jsonb, 'test', 'bad-1') returning id`,
    );
    const badId = Number(bad.id);
    const summary = await runBatchMatch(ctx, { mode: { kind: 'pending' }, claimBatchSize: 10 });
    expect(summary).toMatchObject({ processed: 5, failed: 1 });
    const rows = await statuses(ctx, [first, ...rest, badId]);
    const failedRow = rows.find((row) => Number(row.id) === badId)!;
    expect(failedRow.processing_status).toBe('error');
    expect(failedRow.error_message).toMatch(/^TypeError: /);
    expect(failedRow.error_message).not.toMatch(/\n|\bat .*\.ts:\d+|Failed query/);
    expect(rows.filter((row) => Number(row.id) !== badId).every((row) => ['matched', 'no_match'].includes(row.processing_status))).toBe(true);
    // A matcher failure (not a derivation failure) is handled the same way.
    const [other] = await queue(ctx, 1, 'matcher-throws');
    const thrown = await runBatchMatch(ctx, { mode: { kind: 'pending' }, matchOne: async () => { throw new Error('scoring exploded\n    at score (score.ts:1:1)'); } });
    expect(thrown).toMatchObject({ processed: 1, failed: 1 });
    expect((await statuses(ctx, [other]))[0]).toMatchObject({ processing_status: 'error', error_message: 'scoring exploded', claimed_by: null });
  });

  it('an abort finishes the record in hand and gives the rest of the claim back to the queue', async () => {
    const ids = await queue(ctx, 5, 'abort');
    const controller = new AbortController();
    const summary = await runBatchMatch(ctx, {
      mode: { kind: 'pending' },
      claimBatchSize: 5,
      signal: controller.signal,
      onRow: () => controller.abort(),
    });
    expect(summary).toMatchObject({ processed: 1, released: 4 });
    const rows = await statuses(ctx, ids);
    expect(rows.filter((row) => row.processing_status === 'pending' && row.claimed_by === null)).toHaveLength(4);
    expect((await runBatchMatch(ctx, { mode: { kind: 'pending' } })).processed).toBe(4);
  });

  it('--limit stops after N records; --all re-matches every unresolved record, a resolved one keeps its decision; --id one record', async () => {
    const ids = await queue(ctx, 4, 'modes');
    expect((await runBatchMatch(ctx, { mode: { kind: 'pending' }, limit: 3, concurrency: 2, claimBatchSize: 2 })).processed).toBe(3);
    expect((await runBatchMatch(ctx, { mode: { kind: 'pending' } })).processed).toBe(1);
    await ctx.db.execute(sql`update incoming_customers set processing_status = 'dismissed' where id = ${ids[0]}`);
    const [{ n: total }] = await queryRows<{ n: string }>(ctx.db, sql`select count(*) as n from incoming_customers where processing_status <> 'dismissed'`);
    const all = await runBatchMatch(ctx, { mode: { kind: 'all' }, concurrency: 2, claimBatchSize: 7 });
    expect(all.processed).toBe(Number(total));
    expect((await statuses(ctx, [ids[0]]))[0].processing_status).toBe('dismissed');
    await expect(runBatchMatch(ctx, { mode: { kind: 'id', id: ids[0] } })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/change its decision first/) });
    const single = await runBatchMatch(ctx, { mode: { kind: 'id', id: ids[1] } });
    expect(single.processed).toBe(1);
    await expect(runBatchMatch(ctx, { mode: { kind: 'id', id: 987_654 } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('claim race: 300 rows, eight lanes on two connections, a fast matcher — no row claimed twice, none left', async () => {
    const ids = (await queue(ctx, 300, 'stress')).sort((x, y) => x - y);
    const other = await secondHandle(handle);
    const seen = new Map<number, number>();
    // No real matching: claims follow each other as fast as the database allows, which is where a race would show.
    const fastMatcher = async (workerCtx: ServiceContext, id: number) => {
      seen.set(id, (seen.get(id) ?? 0) + 1);
      await setIncomingStatus(workerCtx.db, id, 'no_match');
      return { incoming: { processingStatus: 'no_match' }, matches: [] } as unknown as MatchOutcome;
    };
    try {
      const runs = await Promise.all(
        [ctx.db, other.ctx.db].map((db, i) => runBatchMatch({ db, actor: 'test' }, { mode: { kind: 'pending' }, concurrency: 4, claimBatchSize: 2, workerId: `stress-${i}`, matchOne: fastMatcher })),
      );
      expect(runs[0].processed + runs[1].processed).toBe(300);
      // Never claimed by both: a double claim would show as a lost row (the renewal check saves the work, not the claim).
      expect(runs[0].lost + runs[1].lost).toBe(0);
      expect([...seen.keys()].sort((x, y) => x - y)).toEqual(ids);
      expect([...seen.values()].filter((times) => times !== 1)).toEqual([]);
      expect((await statuses(ctx, ids)).filter((row) => row.processing_status !== 'no_match')).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
