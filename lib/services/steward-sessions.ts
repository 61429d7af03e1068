// Steward sign-in sessions: the API key is checked once at sign-in; the browser then holds only a random
// session id. A session ends after STEWARD_SESSION_IDLE_MINUTES without use, STEWARD_SESSION_MAX_HOURS after
// sign-in, when its key expires or is revoked, or on sign-out — whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import { touchApiKey } from '../db/queries/api-keys';
import { deleteStewardSession, findStewardSession, insertStewardSession, touchStewardSession } from '../db/queries/steward-sessions';
import type { Database } from '../db/client';
import { env } from '../env';
import { apiKeyExpired, findVerifiedApiKey, principalOf, type Principal } from './api-keys';

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

/** Last-seen is written at most this often: enough for an idle limit counted in minutes, and few writes. */
const TOUCH_EVERY_MS = 60_000;
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function sessionLimits(): SessionLimits {
  return { idleMinutes: env().STEWARD_SESSION_IDLE_MINUTES, maxHours: env().STEWARD_SESSION_MAX_HOURS };
}

function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** The earliest of: idle limit from now, the fixed end after sign-in, the key's own expiry. */
function sessionEnd(now: Date, createdAt: Date, keyExpiresAt: Date | null, limits: SessionLimits): Date {
  const ends = [now.getTime() + limits.idleMinutes * 60_000, createdAt.getTime() + limits.maxHours * 3_600_000];
  if (keyExpiresAt) ends.push(keyExpiresAt.getTime());
  return new Date(Math.min(...ends));
}

/** Verifies the key (AppError('unauthorized') says what is wrong) and starts a session; the id is returned once. */
export async function startStewardSession(db: Database, apiKey: string, now = new Date(), limits = sessionLimits()): Promise<{ sessionId: string; principal: Principal; expiresAt: Date }> {
  const key = await findVerifiedApiKey(db, apiKey, now);
  const sessionId = randomBytes(32).toString('base64url');
  const expiresAt = sessionEnd(now, now, key.expiresAt, limits);
  await insertStewardSession(db, { idHash: hashSessionId(sessionId), apiKeyId: key.id, createdAt: now, lastSeenAt: now, expiresAt });
  await touchApiKey(db, key.id);
  return { sessionId, principal: principalOf(key), expiresAt };
}

/** The steward of a live session, sliding its idle limit; null (and the row deleted) when it has ended. */
export async function resolveStewardSession(db: Database, sessionId: string, now = new Date(), limits = sessionLimits()): Promise<Principal | null> {
  if (!SESSION_ID_PATTERN.test(sessionId)) return null;
  const idHash = hashSessionId(sessionId);
  const found = await findStewardSession(db, idHash);
  if (!found) return null;
  const { session, key } = found;
  if (session.expiresAt.getTime() <= now.getTime() || key.revokedAt !== null || apiKeyExpired(key, now)) {
    await deleteStewardSession(db, idHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchStewardSession(db, idHash, now, sessionEnd(now, session.createdAt, key.expiresAt, limits));
    await touchApiKey(db, key.id);
  }
  return principalOf(key);
}

/** Sign-out: the session is gone on the server, so a copy of the cookie is worth nothing. */
export async function endStewardSession(db: Database, sessionId: string): Promise<void> {
  if (SESSION_ID_PATTERN.test(sessionId)) await deleteStewardSession(db, hashSessionId(sessionId));
}
