// Chooses the embedding provider the environment asks for. Only the local embedder exists so far;
// the OpenAI and Azure providers arrive with the data-in/out work and implement the same interface.
import { env } from '../env';
import { createLocalEmbedder } from './local';
import type { Embedder } from './types';

let instance: Embedder | undefined;

export function getEmbedder(): Embedder {
  if (instance) return instance;
  const provider = env().EMBEDDING_PROVIDER;
  if (provider !== 'local') {
    throw new Error(`EMBEDDING_PROVIDER=${provider} is not available in this version; use EMBEDDING_PROVIDER=local`);
  }
  instance = createLocalEmbedder();
  return instance;
}
