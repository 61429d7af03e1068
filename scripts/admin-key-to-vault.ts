// npx tsx scripts/admin-key-to-vault.ts --vault-url <url> [--secret-name admin-api-key] [--identity-client-id <id>]
// Run by infra/deploy.sh as a Container Apps job: creates the first admin API key into Key Vault.
import { Command } from 'commander';
import { withDatabase } from '../lib/cli/with-database';
import { storeFirstAdminKey } from './admin-key-vault';

const KEY_VAULT_SCOPE = 'https://vault.azure.net/.default';

const program = new Command()
  .name('admin-key-to-vault')
  .description('Create an admin API key and store it in Key Vault, unless the secret exists already. The key is never printed.')
  .requiredOption('--vault-url <url>', 'the vault, e.g. https://kv-name.vault.azure.net/')
  .option('--secret-name <name>', 'secret that holds the key', 'admin-api-key')
  .option('--identity-client-id <id>', 'client id of the user-assigned managed identity to use (default: DefaultAzureCredential)');

async function main() {
  program.parse();
  const options = program.opts<{ vaultUrl: string; secretName: string; identityClientId?: string }>();
  const { DefaultAzureCredential, ManagedIdentityCredential } = await import('@azure/identity');
  const credential = options.identityClientId ? new ManagedIdentityCredential({ clientId: options.identityClientId }) : new DefaultAzureCredential();
  const token = async () => {
    const result = await credential.getToken(KEY_VAULT_SCOPE);
    if (!result) throw new Error('no token for Key Vault');
    return result.token;
  };
  const outcome = await withDatabase('admin-key-to-vault', (ctx) => storeFirstAdminKey(ctx.db, { vaultUrl: options.vaultUrl, secretName: options.secretName, token }));
  console.log(outcome.created ? `Created admin key ${outcome.prefix} into secret ${options.secretName}.` : `Secret ${options.secretName} exists already; no key created.`);
}

main().catch((error: unknown) => {
  console.error(`admin-key-to-vault failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
