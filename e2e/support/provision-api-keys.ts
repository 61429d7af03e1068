// Creates the `api-auth` server's API keys in its PGlite directory, then closes it, before `next start`.
//
// Why here: PGlite allows one process per data directory, so keys cannot be created while the server runs,
// and Playwright starts every webServer *before* globalSetup (runner: plugin setup tasks precede global
// setup tasks), so a globalSetup would be too late. The webServer command therefore chains
// `rm -rf <dir> && tsx e2e/support/provision-api-keys.ts && next start`: this script migrates the fresh
// directory, creates one key per purpose (and revokes one) with the product's own createApiKey, writes
// the keys to AUTH_KEYS_FILE and releases the directory lock; only then does the server open it. The
// `expired` key gets an expiry in the past, and a steward session that has already ended is written to
// AUTH_SESSIONS_FILE (sessions cannot be aged from outside while the server holds the directory).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { databaseTarget } from '../../lib/env';
import { createApiKey, revokeApiKey, type ApiScope } from '../../lib/services/api-keys';
import { startStewardSession } from '../../lib/services/steward-sessions';
import { AUTH_KEYS_FILE, AUTH_SESSIONS_FILE, KEY_SCOPES, type KeyName, type ProvisionedKey, type ProvisionedSessions } from './auth-server';

const DAY_MS = 24 * 60 * 60 * 1000;

function writeJson(file: string, value: unknown): void {
  const resolved = path.resolve(file);
  mkdirSync(path.dirname(resolved), { recursive: true });
  writeFileSync(resolved, JSON.stringify(value, null, 2), { mode: 0o600 });
}

async function main() {
  const target = databaseTarget();
  if (target.kind !== 'pglite') throw new Error('provision-api-keys expects the api-auth server on PGlite (DATABASE_URL and POSTGRES_HOST unset)');
  const handle = await openDatabase(target);
  try {
    await migrateDatabase(handle);
    const keys = {} as Record<KeyName, ProvisionedKey>;
    for (const [name, scopes] of Object.entries(KEY_SCOPES) as Array<[KeyName, readonly ApiScope[]]>) {
      const expiresAt = name === 'expired' ? new Date(Date.now() - DAY_MS) : undefined;
      const { key, row } = await createApiKey(handle.db, `e2e-${name}`, [...scopes], { expiresAt });
      keys[name] = { key, prefix: row.prefix, name: row.name, scopes: row.scopes };
    }
    if (!(await revokeApiKey(handle.db, keys.revoked.prefix))) throw new Error('could not revoke the e2e-revoked key');
    // Signed in two days ago and never used since: past both the idle limit and the longest session.
    const ended = await startStewardSession(handle.db, keys.uiReader.key, new Date(Date.now() - 2 * DAY_MS));
    const sessions: ProvisionedSessions = { expired: ended.sessionId };
    writeJson(AUTH_KEYS_FILE, keys);
    writeJson(AUTH_SESSIONS_FILE, sessions);
    console.log(`provisioned ${Object.keys(keys).length} e2e API keys into ${target.dataDir}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`provision-api-keys failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
