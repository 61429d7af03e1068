import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { queryRows } from '../db/rows';
import { stewardSessions } from '../db/schema';
import { testDatabases } from '../db/testing';
import { createApiKey, revokeApiKey, verifyApiKey } from './api-keys';
import { endStewardSession, resolveStewardSession, startStewardSession } from './steward-sessions';
import { withServiceDatabase } from './testing';

const limits = { idleMinutes: 60, maxHours: 4 };
const at = (iso: string) => new Date(iso);
const minutes = (start: Date, count: number) => new Date(start.getTime() + count * 60_000);

async function sessionRows(db: Database) {
  return db.select().from(stewardSessions).orderBy(asc(stewardSessions.createdAt));
}

describe.each(testDatabases())('steward sessions on $kind', ({ open }) => {
  let db: Database;
  withServiceDatabase(open, ({ ctx }) => ({ db } = ctx));

  it('stores only a hash of a random id, never the key; the id resolves to the key\'s principal', async () => {
    const { key, row } = await createApiKey(db, 'steward-a', ['read', 'review']);
    const start = new Date();
    const { sessionId, principal, expiresAt } = await startStewardSession(db, key, start, limits);
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionId).not.toContain(key.slice(12, 24));
    expect(principal).toEqual({ id: `key:${row.prefix}`, actor: 'api-key:steward-a', scopes: ['read', 'review'] });
    expect(expiresAt.toISOString()).toBe(minutes(start, 60).toISOString());
    const stored = (await sessionRows(db)).at(-1)!;
    expect(stored.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await queryRows(db, sql`select * from steward_sessions`))).not.toContain(sessionId);
    expect(await resolveStewardSession(db, sessionId, minutes(start, 1), limits)).toEqual(principal);
    const tampered = `${sessionId.slice(0, -1)}${sessionId.endsWith('A') ? 'B' : 'A'}`;
    expect(await resolveStewardSession(db, tampered, start, limits)).toBeNull();
    expect(await resolveStewardSession(db, key, start, limits)).toBeNull();
  });

  it('slides with use, ends after the idle limit, and never outlives the fixed end after sign-in', async () => {
    const { key } = await createApiKey(db, 'steward-b', ['read']);
    const start = at('2030-01-01T08:00:00Z');
    const { sessionId } = await startStewardSession(db, key, start, limits);
    // Used every 50 minutes: each use pushes the end out to an hour later...
    for (const minute of [50, 100, 150, 200]) expect(await resolveStewardSession(db, sessionId, minutes(start, minute), limits)).not.toBeNull();
    const [slid] = (await sessionRows(db)).filter((row) => row.lastSeenAt.toISOString() === minutes(start, 200).toISOString());
    // ...but not past four hours after sign-in (08:00 + 4 h), though 200 + 60 minutes would be later.
    expect(slid.expiresAt.toISOString()).toBe('2030-01-01T12:00:00.000Z');
    expect(await resolveStewardSession(db, sessionId, minutes(start, 239), limits)).not.toBeNull();
    expect(await resolveStewardSession(db, sessionId, minutes(start, 240), limits)).toBeNull();

    const idle = await startStewardSession(db, key, start, limits);
    expect(await resolveStewardSession(db, idle.sessionId, minutes(start, 59), limits)).not.toBeNull();
    // Touches are written at most once a minute; 59 minutes on, the end moved to 09:59 (59 + 60).
    expect(await resolveStewardSession(db, idle.sessionId, minutes(start, 59 + 61), limits)).toBeNull();
    // An ended session's row is deleted, so resolving it again finds nothing even "earlier".
    expect(await resolveStewardSession(db, idle.sessionId, minutes(start, 60), limits)).toBeNull();
  });

  it('ends on sign-out and when its key is revoked (the rows go)', async () => {
    const { key, row } = await createApiKey(db, 'steward-c', ['read']);
    const now = new Date();
    const signedOut = await startStewardSession(db, key, now, limits);
    await endStewardSession(db, signedOut.sessionId);
    expect(await resolveStewardSession(db, signedOut.sessionId, now, limits)).toBeNull();

    const first = await startStewardSession(db, key, now, limits);
    const second = await startStewardSession(db, key, now, limits);
    const countForKey = async () => (await sessionRows(db)).filter((session) => session.apiKeyId === row.id).length;
    expect(await countForKey()).toBe(2);
    expect(await revokeApiKey(db, row.prefix)).toBe(true);
    expect(await countForKey()).toBe(0);
    expect(await resolveStewardSession(db, first.sessionId, now, limits)).toBeNull();
    expect(await resolveStewardSession(db, second.sessionId, now, limits)).toBeNull();
  });

  it('a key with an expiry: sessions end with it, and after it the key answers 401 saying it expired', async () => {
    const now = new Date();
    const expiresAt = minutes(now, 30);
    const { key } = await createApiKey(db, 'temporary', ['read'], { expiresAt });
    const { sessionId, expiresAt: sessionEnd } = await startStewardSession(db, key, now, limits);
    expect(sessionEnd.toISOString()).toBe(expiresAt.toISOString());
    expect(await resolveStewardSession(db, sessionId, minutes(now, 29), limits)).not.toBeNull();
    expect(await resolveStewardSession(db, sessionId, minutes(now, 31), limits)).toBeNull();
    await expect(startStewardSession(db, key, minutes(now, 31), limits)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/^The API key expired at /) });

    const { key: expired } = await createApiKey(db, 'expired', ['read'], { expiresAt: minutes(now, -1) });
    await expect(verifyApiKey(db, expired)).rejects.toMatchObject({ code: 'unauthorized', message: `The API key expired at ${minutes(now, -1).toISOString()}; ask an administrator for a new one (npm run api-keys -- create)` });
    expect(await verifyApiKey(db, key)).toMatchObject({ actor: 'api-key:temporary' });
  });

  it('a wrong key starts no session', async () => {
    const before = (await sessionRows(db)).length;
    await expect(startStewardSession(db, `cm_00000000_${'A'.repeat(32)}`, new Date(), limits)).rejects.toMatchObject({ code: 'unauthorized' });
    expect((await sessionRows(db)).length).toBe(before);
  });
});
