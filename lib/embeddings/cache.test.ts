import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { contentHash, withEmbeddingCache } from './cache';
import { createLocalEmbedder } from './local';
import { createEmbedder } from './providers';
import { withStubEmbeddingServer, type StubEmbeddingServer } from './stub-server.test-helpers';
import type { EmbeddingCacheStore } from './types';

function memoryStore() {
  const rows = new Map<string, number[]>();
  const calls = { lookups: 0, writes: 0 };
  const store: EmbeddingCacheStore = {
    async lookup(model, hashes) {
      calls.lookups += 1;
      return new Map(hashes.flatMap((hash) => (rows.has(`${model}/${hash}`) ? [[hash, rows.get(`${model}/${hash}`)!] as const] : [])));
    },
    async store(model, entries) {
      calls.writes += 1;
      for (const entry of entries) rows.set(`${model}/${entry.contentHash}`, entry.embedding);
    },
  };
  return { store, rows, calls };
}

let stub: StubEmbeddingServer;
withStubEmbeddingServer((started) => (stub = started));

describe('withEmbeddingCache', () => {
  it('sends each distinct text once, then never again', async () => {
    const remote = createEmbedder('openai-compatible', parseEnv({ OPENAI_BASE_URL: `${stub.origin}/v1` }));
    const { store, rows, calls } = memoryStore();
    const cached = withEmbeddingCache(remote, store);

    const first = await cached.embed(['acme', 'globex', 'acme']);
    expect(stub.requests.flatMap((request) => request.body.input)).toEqual(['acme', 'globex']);
    expect(first[0]).toEqual(first[2]);
    expect(rows.size).toBe(2);
    expect(rows.has(`text-embedding-3-small/${contentHash('acme')}`)).toBe(true);

    const second = await cached.embed(['globex', 'acme']);
    expect(stub.requests).toHaveLength(1);
    expect(second).toEqual([first[1], first[0]]);

    await cached.embed(['acme', 'initech']);
    expect(stub.requests.map((request) => request.body.input)).toEqual([['acme', 'globex'], ['initech']]);
    expect(calls).toEqual({ lookups: 3, writes: 2 });
  });

  it('leaves the local embedder uncached (cheaper to compute than to look up)', () => {
    const local = createLocalEmbedder();
    expect(withEmbeddingCache(local, memoryStore().store)).toBe(local);
  });

  it('hashes the exact text with sha256', () => {
    expect(contentHash('acme')).toBe('822b33ad87c148a0a20a5ba7cd5ebcaa68d36a18e7aad165554903f52ca82757'); // printf acme | sha256sum
    expect(contentHash('acme')).not.toBe(contentHash('Acme'));
  });
});
