import { NextResponse } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { createApiKey, revokeApiKey, verifyApiKey } from '../services/api-keys';
import { withIdempotency } from './idempotency';

describe.each(testDatabases())('idempotency and API keys on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const request = (key: string | null, body: string) => ({ db: handle.db, principal: 'key:test', key, method: 'POST', path: '/api/v1/customers', body });

  it('runs the create once and replays its response for the same key and body', async () => {
    let runs = 0;
    const create = async () => NextResponse.json({ id: ++runs }, { status: 201 });
    const first = await withIdempotency(request('k-1', '{"a":1}'), create);
    const second = await withIdempotency(request('k-1', '{"a":1}'), create);
    expect(runs).toBe(1);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key with a different body, and malformed keys', async () => {
    await withIdempotency(request('k-2', '{"a":1}'), async () => NextResponse.json({}, { status: 201 }));
    await expect(withIdempotency(request('k-2', '{"a":2}'), async () => NextResponse.json({}))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(withIdempotency(request('bad key with spaces', '{}'), async () => NextResponse.json({}))).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('frees the key when the create fails, so a corrected retry works', async () => {
    await expect(withIdempotency(request('k-3', '{}'), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    const retry = await withIdempotency(request('k-3', '{}'), async () => NextResponse.json({ ok: true }, { status: 201 }));
    expect(retry.status).toBe(201);
  });

  it('verifies a created key with its scopes, and refuses unknown, malformed and revoked keys', async () => {
    const { key, row } = await createApiKey(handle.db, 'ci', ['read', 'review']);
    expect(key).toMatch(/^cm_[a-z0-9]{8}_[\w-]{32,}$/);
    expect(row.keyHash).not.toContain(key.slice(12));
    const principal = await verifyApiKey(handle.db, key);
    expect(principal).toMatchObject({ id: `key:${row.prefix}`, actor: 'api-key:ci', scopes: ['read', 'review'] });
    await expect(verifyApiKey(handle.db, `${key.slice(0, -2)}xx`)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(verifyApiKey(handle.db, 'not-a-key')).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/malformed/) });
    expect(await revokeApiKey(handle.db, row.prefix)).toBe(true);
    await expect(verifyApiKey(handle.db, key)).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/revoked/) });
  });
});
