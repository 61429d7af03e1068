// The first admin API key of a deployment, created straight into Key Vault (infra/deploy.sh runs it as a
// Container Apps job): the key never passes through a log or the deployer's terminal, and a re-run keeps it.
import type { Database } from '../lib/db/client';
import { createApiKey, revokeApiKey } from '../lib/services/api-keys';

// Key Vault's data-plane REST version for secrets get/set.
const KEY_VAULT_API_VERSION = '7.4';

export interface VaultTarget {
  vaultUrl: string;
  secretName: string;
  /** A bearer token for https://vault.azure.net (managed identity in Azure). */
  token: () => Promise<string>;
  fetch?: typeof fetch;
}

export type AdminKeyOutcome = { created: false } | { created: true; prefix: string };

function secretUrl(target: VaultTarget): string {
  return `${target.vaultUrl.replace(/\/+$/, '')}/secrets/${encodeURIComponent(target.secretName)}?api-version=${KEY_VAULT_API_VERSION}`;
}

async function vaultRequest(target: VaultTarget, init: RequestInit): Promise<Response> {
  const headers = { authorization: `Bearer ${await target.token()}`, 'content-type': 'application/json' };
  return (target.fetch ?? fetch)(secretUrl(target), { ...init, headers });
}

/** Creates an admin key and stores it as the secret, unless the secret exists already. */
export async function storeFirstAdminKey(db: Database, target: VaultTarget): Promise<AdminKeyOutcome> {
  const existing = await vaultRequest(target, { method: 'GET' });
  if (existing.ok) return { created: false };
  if (existing.status !== 404) throw new Error(`Key Vault answered ${existing.status} reading ${target.secretName}`);

  const { key, row } = await createApiKey(db, 'admin (deployment)', ['admin']);
  const stored = await vaultRequest(target, { method: 'PUT', body: JSON.stringify({ value: key, contentType: 'customer-matching API key (admin)' }) });
  if (!stored.ok) {
    // A key nobody can read must not stay usable.
    await revokeApiKey(db, row.prefix);
    throw new Error(`Key Vault answered ${stored.status} storing ${target.secretName}; the new key ${row.prefix} was revoked`);
  }
  return { created: true, prefix: row.prefix };
}
