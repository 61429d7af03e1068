// The single entry point to embeddings: the provider EMBEDDING_PROVIDER names (or the one a CLI asks
// for), built once per process.
import { env, type EmbeddingProviderName } from '../env';
import { createEmbedder } from './providers';
import type { Embedder } from './types';

const instances = new Map<EmbeddingProviderName, Embedder>();

export function getEmbedder(provider: EmbeddingProviderName = env().EMBEDDING_PROVIDER): Embedder {
  let embedder = instances.get(provider);
  if (!embedder) {
    embedder = createEmbedder(provider, env());
    instances.set(provider, embedder);
  }
  return embedder;
}

export { EmbeddingProviderError, isEmbeddingProviderError } from './errors';
export type { Embedder, EmbeddingCacheStore } from './types';
