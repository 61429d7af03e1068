// The second test server (projects `api-auth` and `ui-auth`): AUTH_MODE=required, a tiny token bucket in Redis, and API
// keys provisioned into its own PGlite directory before it starts. Shared by playwright.config.ts and specs.
// Its only peer is the test runner on 127.0.0.1, listed as a trusted proxy, so tests pick their client address
// with X-Forwarded-For (the failed-authentication limit is per address, and one test must not block another).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const AUTH_PORT = Number(process.env.E2E_AUTH_PORT ?? 3101);
export const AUTH_BASE_URL = `http://127.0.0.1:${AUTH_PORT}`;
export const AUTH_DATA_DIR = './data/e2e-auth-pglite';
/** Written by e2e/support/provision-api-keys.ts, read by e2e/api/auth.spec.ts and e2e/ui/login.spec.ts. Holds throwaway test keys only. */
export const AUTH_KEYS_FILE = './data/e2e-auth-keys.json';
export const AUTH_REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const AUTH_RATE = { perSecond: 1, burst: 5 };
/** Failed authentications per address before 429 (10 a minute refill): the other specs' deliberate failures from 127.0.0.1 stay below it. */
export const AUTH_FAILURE_BURST = 20;
export const AUTH_TRUSTED_PROXIES = '127.0.0.1';
/** Session ids provisioned straight into the database (an already expired one), read by e2e/ui/login.spec.ts. */
export const AUTH_SESSIONS_FILE = './data/e2e-auth-sessions.json';

/** One key per purpose, so that one test's requests never drain another test's token bucket. */
export const KEY_SCOPES = {
  reader: ['read'],
  writer: ['write'],
  reviewer: ['review'],
  admin: ['admin'],
  limited: ['read'],
  // Calls once, right after `limited` is drained, to show buckets are per key.
  bystander: ['read'],
  idempotent: ['read', 'write'],
  otherWriter: ['read', 'write'],
  revoked: ['read', 'write'],
  // The steward UI's sign-in (e2e/ui/login.spec.ts): a read-only steward, a reviewing steward, and its test data's writer.
  uiReader: ['read'],
  uiReviewer: ['read', 'review'],
  uiWriter: ['read', 'write'],
  uiAdmin: ['admin'],
  // Provisioned with an expiry in the past.
  expired: ['read'],
} as const;

export type KeyName = keyof typeof KEY_SCOPES;

export interface ProvisionedKey {
  key: string;
  prefix: string;
  name: string;
  scopes: string[];
}

export function readProvisionedKeys(file = AUTH_KEYS_FILE): Record<KeyName, ProvisionedKey> {
  return JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Record<KeyName, ProvisionedKey>;
}

export interface ProvisionedSessions {
  /** A steward session of uiReader that ended before the server started. */
  expired: string;
}

export function readProvisionedSessions(file = AUTH_SESSIONS_FILE): ProvisionedSessions {
  return JSON.parse(readFileSync(path.resolve(file), 'utf8')) as ProvisionedSessions;
}
