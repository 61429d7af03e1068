// API keys: create (shown once), verify, list, revoke. Keys look like cm_<prefix>_<secret>; a key may expire.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { findActiveApiKeyByPrefix, insertApiKey, listApiKeys, revokeApiKey as revokeApiKeyRow, touchApiKey, type ApiKeyRow } from '../db/queries/api-keys';
import { deleteStewardSessionsForApiKey } from '../db/queries/steward-sessions';
import type { Database } from '../db/client';
import { AppError } from '../errors';

export const API_SCOPES = ['read', 'write', 'review', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface Principal {
  /** Stable id for rate limits, idempotency and audit: `key:<prefix>` or `anonymous:<address>`. */
  id: string;
  /** Shown in audit events as the actor. */
  actor: string;
  scopes: readonly ApiScope[];
}

const KEY_PATTERN = /^cm_([a-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function hasScope(principal: Principal, scope: ApiScope): boolean {
  return principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

export function principalOf(row: ApiKeyRow): Principal {
  return { id: `key:${row.prefix}`, actor: `api-key:${row.name}`, scopes: row.scopes as ApiScope[] };
}

export function apiKeyExpired(row: Pick<ApiKeyRow, 'expiresAt'>, now = new Date()): boolean {
  return row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
}

export async function createApiKey(db: Database, name: string, scopes: ApiScope[], options: { expiresAt?: Date } = {}): Promise<{ key: string; row: ApiKeyRow }> {
  if (scopes.length === 0) throw new AppError('validation_failed', 'An API key needs at least one scope');
  const prefix = randomBytes(6).toString('hex').slice(0, 8);
  const key = `cm_${prefix}_${randomBytes(24).toString('base64url')}`;
  const row = await insertApiKey(db, { name, prefix, keyHash: hashKey(key), scopes: [...new Set(scopes)], expiresAt: options.expiresAt ?? null });
  return { key, row };
}

/** The stored row of a presented key, or an AppError('unauthorized') that says what is wrong. */
export async function findVerifiedApiKey(db: Database, key: string, now = new Date()): Promise<ApiKeyRow> {
  const parts = KEY_PATTERN.exec(key);
  if (!parts) throw new AppError('unauthorized', 'The API key is malformed; keys look like cm_xxxxxxxx_… (npm run api-keys -- create)');
  const row = await findActiveApiKeyByPrefix(db, parts[1]);
  const expected = row ? Buffer.from(row.keyHash, 'hex') : Buffer.alloc(32);
  const presented = Buffer.from(hashKey(key), 'hex');
  if (!row || !timingSafeEqual(expected, presented)) throw new AppError('unauthorized', 'The API key is unknown or revoked');
  if (apiKeyExpired(row, now)) {
    throw new AppError('unauthorized', `The API key expired at ${row.expiresAt!.toISOString()}; ask an administrator for a new one (npm run api-keys -- create)`);
  }
  return row;
}

/** The principal for a presented key, or an AppError('unauthorized') that says what is wrong. */
export async function verifyApiKey(db: Database, key: string): Promise<Principal> {
  const row = await findVerifiedApiKey(db, key);
  await touchApiKey(db, row.id);
  return principalOf(row);
}

/** Revokes the key and ends every steward session signed in with it. */
export async function revokeApiKey(db: Database, prefix: string): Promise<boolean> {
  const revoked = await revokeApiKeyRow(db, prefix);
  if (revoked) await deleteStewardSessionsForApiKey(db, revoked.id);
  return revoked !== undefined;
}

export { listApiKeys };
