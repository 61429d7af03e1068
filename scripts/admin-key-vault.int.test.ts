// storeFirstAdminKey against a real database and a stand-in for Key Vault's secrets endpoint.
import { describe, expect, it } from 'vitest';
import { openScratchPglite } from '../lib/db/scratch';
import { listApiKeys, verifyApiKey } from '../lib/services/api-keys';
import { storeFirstAdminKey } from './admin-key-vault';

/** Key Vault's GET/PUT of one secret, in memory; `failPut` answers PUT with 403. */
function fakeVault(options: { failPut?: boolean } = {}) {
  const secrets = new Map<string, string>();
  const calls: Array<{ method: string; url: string; authorization: string | null }> = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push({ method, url: url.toString(), authorization: new Headers(init?.headers).get('authorization') });
    const name = decodeURIComponent(url.pathname.replace(/^\/secrets\//, ''));
    if (method === 'GET') return secrets.has(name) ? Response.json({ value: secrets.get(name) }) : Response.json({ error: { code: 'SecretNotFound' } }, { status: 404 });
    if (options.failPut) return Response.json({ error: { code: 'Forbidden' } }, { status: 403 });
    secrets.set(name, (JSON.parse(String(init?.body)) as { value: string }).value);
    return Response.json({ id: url.toString() });
  }) as typeof fetch;
  return { secrets, calls, target: { vaultUrl: 'https://kv-test.vault.azure.net/', secretName: 'admin-api-key', token: async () => 'token-1', fetch: fakeFetch } };
}

describe('storeFirstAdminKey', () => {
  it('creates an admin key into the vault once; a second run keeps it', async () => {
    const handle = await openScratchPglite();
    try {
      const vault = fakeVault();
      const first = await storeFirstAdminKey(handle.db, vault.target);
      expect(first.created).toBe(true);
      const key = vault.secrets.get('admin-api-key')!;
      expect(key).toMatch(/^cm_[a-z0-9]{8}_/);
      expect(await verifyApiKey(handle.db, key)).toMatchObject({ scopes: ['admin'] });
      expect(vault.calls.map((call) => call.method)).toEqual(['GET', 'PUT']);
      expect(vault.calls[1]).toMatchObject({ url: 'https://kv-test.vault.azure.net/secrets/admin-api-key?api-version=7.4', authorization: 'Bearer token-1' });

      expect(await storeFirstAdminKey(handle.db, vault.target)).toEqual({ created: false });
      expect(vault.secrets.get('admin-api-key')).toBe(key);
      expect(await listApiKeys(handle.db)).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });

  it('revokes the new key when the vault refuses to store it', async () => {
    const handle = await openScratchPglite();
    try {
      const vault = fakeVault({ failPut: true });
      await expect(storeFirstAdminKey(handle.db, vault.target)).rejects.toThrow(/403 storing admin-api-key; the new key \w+ was revoked/);
      const [row] = await listApiKeys(handle.db);
      expect(row.revokedAt).toBeInstanceOf(Date);
    } finally {
      await handle.close();
    }
  });
});
