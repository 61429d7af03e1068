import { count, inArray } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client';
import { idempotencyKeys, stewardSessions } from '../db/schema';
import { testDatabases } from '../db/testing';
import { withIdempotency } from '../http/idempotency';
import { createApiKey } from './api-keys';
import { maybeSweepExpired, resetSweepClock, sweepExpired, SWEEP_INTERVAL_MS } from './housekeeping';
import { startStewardSession } from './steward-sessions';
import { withServiceDatabase } from './testing';
import type { ServiceContext } from './context';
import { runWorker } from './worker';

const HOUR = 3_600_000;

async function storeIdempotencyRows(db: Database, prefix: string, createdAt: Date, rows: number): Promise<void> {
  const values = Array.from({ length: rows }, (_, index) => ({ principal: 'key:test', key: `${prefix}-${index}`, method: 'POST', path: '/api/v1/customers', requestHash: 'x'.repeat(64), statusCode: 201, responseBody: { ok: index }, createdAt }));
  for (let start = 0; start < values.length; start += 500) await db.insert(idempotencyKeys).values(values.slice(start, start + 500));
}

async function idempotencyKeysLeft(db: Database, keys: string[]): Promise<string[]> {
  const rows = await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(inArray(idempotencyKeys.key, keys));
  return rows.map((row) => row.key).sort();
}

describe.each(testDatabases())('expired rows are deleted on $kind', ({ open }) => {
  let ctx: ServiceContext;
  withServiceDatabase(open, (opened) => ({ ctx } = opened));
  beforeEach(() => resetSweepClock());

  it('sweepExpired deletes Idempotency-Key responses past the TTL and ended sessions, and keeps the rest', async () => {
    const now = new Date();
    await storeIdempotencyRows(ctx.db, 'old', new Date(now.getTime() - 25 * HOUR), 2);
    await storeIdempotencyRows(ctx.db, 'fresh', new Date(now.getTime() - 23 * HOUR), 1);
    const { key } = await createApiKey(ctx.db, 'sweep', ['read']);
    const limits = { idleMinutes: 60, maxHours: 8 };
    const ended = await startStewardSession(ctx.db, key, new Date(now.getTime() - 2 * HOUR), limits);
    const live = await startStewardSession(ctx.db, key, now, limits);

    expect(await sweepExpired(ctx.db, now, 24)).toEqual({ idempotencyKeys: 2, stewardSessions: 1 });
    expect(await idempotencyKeysLeft(ctx.db, ['old-0', 'old-1', 'fresh-0'])).toEqual(['fresh-0']);
    const sessions = await ctx.db.select({ expiresAt: stewardSessions.expiresAt }).from(stewardSessions);
    expect(sessions.map((session) => session.expiresAt.toISOString())).toEqual([live.expiresAt.toISOString()]);
    expect(ended.expiresAt.getTime()).toBeLessThan(now.getTime());
    expect(await sweepExpired(ctx.db, now, 24)).toEqual({ idempotencyKeys: 0, stewardSessions: 0 });
  });

  it('clears a backlog larger than one batch in bounded batches', async () => {
    await storeIdempotencyRows(ctx.db, 'backlog', new Date(Date.now() - 48 * HOUR), 2_345);
    expect((await sweepExpired(ctx.db, new Date(), 24)).idempotencyKeys).toBe(2_345);
    const [{ left }] = await ctx.db.select({ left: count() }).from(idempotencyKeys);
    expect(left).toBe(1); // fresh-0 from the test before
  });

  it('maybeSweepExpired runs at most once per interval', async () => {
    const start = Date.now();
    expect(await maybeSweepExpired(ctx.db, start)).toEqual({ idempotencyKeys: 0, stewardSessions: 0 });
    await storeIdempotencyRows(ctx.db, 'between', new Date(start - 30 * HOUR), 1);
    expect(await maybeSweepExpired(ctx.db, start + SWEEP_INTERVAL_MS - 1)).toBeNull();
    expect(await idempotencyKeysLeft(ctx.db, ['between-0'])).toEqual(['between-0']);
    expect(await maybeSweepExpired(ctx.db, start + SWEEP_INTERVAL_MS)).toEqual({ idempotencyKeys: 1, stewardSessions: 0 });
  });

  it('a write with an Idempotency-Key clears expired responses (the app\'s schedule)', async () => {
    await storeIdempotencyRows(ctx.db, 'expired-by-write', new Date(Date.now() - 30 * HOUR), 3);
    const response = await withIdempotency(
      { db: ctx.db, principal: 'key:writer', key: 'k-new', method: 'POST', path: '/api/v1/customers', body: '{}' },
      async () => NextResponse.json({ ok: true }, { status: 201 }),
    );
    expect(response.status).toBe(201);
    await vi.waitFor(async () => expect(await idempotencyKeysLeft(ctx.db, ['expired-by-write-0', 'expired-by-write-1', 'expired-by-write-2', 'k-new'])).toEqual(['k-new']), { timeout: 10_000 });
  });

  it('the worker loop clears them too (the worker\'s schedule)', async () => {
    await storeIdempotencyRows(ctx.db, 'expired-by-worker', new Date(Date.now() - 30 * HOUR), 2);
    const controller = new AbortController();
    await runWorker(ctx, { signal: controller.signal, pollIntervalMs: 50, onRound: () => controller.abort() });
    expect(await idempotencyKeysLeft(ctx.db, ['expired-by-worker-0', 'expired-by-worker-1'])).toEqual([]);
  });
});
