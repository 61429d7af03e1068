// The embedding cache on a real database: unchanged text is never sent to the provider twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { countCachedEmbeddings } from '../db/queries/embedding-cache';
import { testDatabases } from '../db/testing';
import { createLocalEmbedder } from '../embeddings/local';
import { createEmbedder } from '../embeddings/providers';
import { withStubEmbeddingServer, type StubEmbeddingServer } from '../embeddings/stub-server.test-helpers';
import { parseEnv } from '../env';
import { deriveMatchDataBatch, embeddingCacheFor } from './match-data';

let stub: StubEmbeddingServer;
withStubEmbeddingServer((started) => (stub = started));

const records = [
  { companyName: 'Acme Corporation', city: 'New York', country: 'USA' },
  { companyName: 'Globex Technologies', city: 'San Francisco', country: 'USA' },
  { companyName: 'Acme Corporation', city: 'New York', country: 'USA' },
];

describe.each(testDatabases())('embedding cache on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(() => stub.reset());

  it('stores each distinct text once and serves a second run without calling the provider', async () => {
    const remote = createEmbedder('openai-compatible', parseEnv({ OPENAI_BASE_URL: `${stub.origin}/v1` }));
    const cache = embeddingCacheFor(handle.db);
    const first = await deriveMatchDataBatch(records, remote, cache);
    // Two distinct records → 4 distinct texts (name + profile each); the duplicate record is not re-sent.
    expect(stub.requests.flatMap((request) => request.body.input)).toHaveLength(4);
    expect(await countCachedEmbeddings(handle.db, 'text-embedding-3-small')).toBe(4);

    const second = await deriveMatchDataBatch(records, remote, cache);
    expect(stub.requests).toHaveLength(1);
    // The same float32 values (pgvector prints them shortest, e.g. 0.4 for 0.4000000059604645).
    const float32 = (vector: number[] | null) => vector?.map(Math.fround);
    expect(second.map((data) => float32(data.companyNameEmbedding))).toEqual(first.map((data) => float32(data.companyNameEmbedding)));
    expect(float32(second[0].fullProfileEmbedding)).toEqual(float32(first[0].fullProfileEmbedding));
    expect(second[0].embeddingModel).toBe('text-embedding-3-small');
  });

  it('does not cache the local embedder', async () => {
    await deriveMatchDataBatch(records, createLocalEmbedder(), embeddingCacheFor(handle.db));
    expect(await countCachedEmbeddings(handle.db, 'local-hash-v1')).toBe(0);
  });
});
