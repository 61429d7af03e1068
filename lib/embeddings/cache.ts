// Embeddings cached by sha256 of the text and the model: unchanged text is never sent to a provider twice,
// within one call (duplicates are sent once) or across calls (the store, i.e. the embedding_cache table).
import { createHash } from 'node:crypto';
import type { Embedder, EmbeddingCacheStore } from './types';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Wraps a remote embedder with the cache. The local embedder is returned as it is: it is a pure function
 * that costs microseconds per text, less than the database round trip a lookup costs, and caching it
 * would fill embedding_cache with rows that save nothing.
 */
export function withEmbeddingCache(embedder: Embedder, store: EmbeddingCacheStore): Embedder {
  if (embedder.provider === 'local') return embedder;
  return {
    provider: embedder.provider,
    model: embedder.model,
    dimensions: embedder.dimensions,
    async embed(texts) {
      const hashes = texts.map(contentHash);
      const uniqueHashes = [...new Set(hashes)];
      const known = await store.lookup(embedder.model, uniqueHashes);
      const textByHash = new Map(hashes.map((hash, index) => [hash, texts[index]]));
      const missing = uniqueHashes.filter((hash) => !known.has(hash));
      if (missing.length > 0) {
        const vectors = await embedder.embed(missing.map((hash) => textByHash.get(hash)!));
        const entries = missing.map((hash, index) => ({ contentHash: hash, embedding: vectors[index] }));
        await store.store(embedder.model, entries);
        for (const entry of entries) known.set(entry.contentHash, entry.embedding);
      }
      return hashes.map((hash) => known.get(hash)!);
    },
  };
}
