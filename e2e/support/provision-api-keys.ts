// Creates the `api-auth` server's API keys in its PGlite directory, then closes it, before `next start`.
//
// Why here: PGlite allows one process per data directory, so keys cannot be created while the server runs,
// and Playwright starts every webServer *before* globalSetup (runner: plugin setup tasks precede global
// setup tasks), so a globalSetup would be too late. The webServer command therefore chains
// `rm -rf <dir> && tsx e2e/support/provision-api-keys.ts && next start`: this script migrates the fresh
// directory, creates one key per purpose (and revokes one) with the product's own createApiKey, writes
// the keys to AUTH_KEYS_FILE and releases the directory lock; only then does the server open it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { databaseTarget } from '../../lib/env';
import { createApiKey, revokeApiKey, type ApiScope } from '../../lib/services/api-keys';
import { AUTH_KEYS_FILE, KEY_SCOPES, type KeyName, type ProvisionedKey } from './auth-server';

async function main() {
  const target = databaseTarget();
  if (target.kind !== 'pglite') throw new Error('provision-api-keys expects the api-auth server on PGlite (DATABASE_URL and POSTGRES_HOST unset)');
  const handle = await openDatabase(target);
  try {
    await migrateDatabase(handle);
    const keys = {} as Record<KeyName, ProvisionedKey>;
    for (const [name, scopes] of Object.entries(KEY_SCOPES) as Array<[KeyName, readonly ApiScope[]]>) {
      const { key, row } = await createApiKey(handle.db, `e2e-${name}`, [...scopes]);
      keys[name] = { key, prefix: row.prefix, name: row.name, scopes: row.scopes };
    }
    if (!(await revokeApiKey(handle.db, keys.revoked.prefix))) throw new Error('could not revoke the e2e-revoked key');
    const file = path.resolve(AUTH_KEYS_FILE);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
    console.log(`provisioned ${Object.keys(keys).length} e2e API keys into ${target.dataDir}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`provision-api-keys failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
