// npm run api-keys -- <create|list|revoke> — manage API keys (stored hashed; the key is shown once).
import { Command, Option } from 'commander';
import { openDatabase } from '../lib/db/client';
import { migrateDatabase } from '../lib/db/migrate';
import { databaseTarget } from '../lib/env';
import { describeKeyExpiry, parseKeyExpiry } from '../lib/cli/key-expiry';
import { API_SCOPES, createApiKey, listApiKeys, revokeApiKey, type ApiScope } from '../lib/services/api-keys';
import type { Database } from '../lib/db/client';

async function withDatabase<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase(databaseTarget());
  try {
    await migrateDatabase(handle);
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

const program = new Command()
  .name('npm run api-keys --')
  .description('Create, list and revoke API keys. Keys are stored as a SHA-256 hash; the key itself is printed once.')
  .addHelpText('after', `\nScopes: read (GET), write (create/match/search), review (decisions), admin (audit log, decisions export, erasure; implies all).\nUse a key as: curl -H "Authorization: Bearer <key>" …\nTurn keys on for the API with AUTH_MODE=required.`);

program
  .command('create')
  .description('create a key and print it once')
  .requiredOption('--name <name>', 'who or what uses the key, e.g. "crm-sync"')
  .addOption(new Option('--scopes <list>', 'comma-separated scopes').default('read,write'))
  .option('--expires-in <duration>', 'the key stops working after this long: 90m, 12h, 30d, 8w (default: never)')
  .option('--expires-at <date>', 'the key stops working at this ISO 8601 date or date-time, e.g. 2026-12-31')
  .action(async (options: { name: string; scopes: string; expiresIn?: string; expiresAt?: string }) => {
    const scopes = options.scopes.split(',').map((scope) => scope.trim()).filter(Boolean);
    const unknown = scopes.filter((scope) => !(API_SCOPES as readonly string[]).includes(scope));
    if (unknown.length) throw new Error(`unknown scope ${unknown.join(', ')}; use ${API_SCOPES.join(', ')}`);
    const expiresAt = parseKeyExpiry(options);
    const { key, row } = await withDatabase((db) => createApiKey(db, options.name.slice(0, 100), scopes as ApiScope[], { expiresAt }));
    console.log(`Created key "${row.name}" (prefix ${row.prefix}, scopes ${row.scopes.join(',')}, ${describeKeyExpiry(row.expiresAt)}). Store it now; it is not shown again:\n\n${key}\n`);
  });

program
  .command('list')
  .description('list keys (prefix, name, scopes, state, expiry, last use; never the key)')
  .action(async () => {
    const rows = await withDatabase((db) => listApiKeys(db));
    if (rows.length === 0) return console.log('No API keys. Create one with: npm run api-keys -- create --name <name> --scopes read,write');
    for (const row of rows) {
      const state = row.revokedAt ? `revoked ${row.revokedAt.toISOString()}` : 'active';
      console.log(`${row.prefix}  ${row.name.padEnd(24)} ${row.scopes.join(',').padEnd(24)} ${state}  ${describeKeyExpiry(row.expiresAt)}  last used ${row.lastUsedAt?.toISOString() ?? 'never'}`);
    }
  });

program
  .command('revoke <prefix>')
  .description('revoke the key with this prefix (its steward sessions end at once)')
  .action(async (prefix: string) => {
    const revoked = await withDatabase((db) => revokeApiKey(db, prefix));
    if (!revoked) throw new Error(`no active key with prefix ${prefix} (see npm run api-keys -- list)`);
    console.log(`Revoked ${prefix}.`);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`api-keys failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
