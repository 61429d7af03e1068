// Deterministic local embedder: character 3-grams (with word boundaries) and whole words,
// feature-hashed with a sign bit into 1536 dimensions and L2-normalised. No model download,
// no key: similar spellings share most trigrams, so they land close in cosine space.
import type { Embedder } from './types';

export const LOCAL_EMBEDDING_DIMENSIONS = 1536;
export const LOCAL_EMBEDDING_MODEL = 'local-hash-v1';

/** Whole words weigh more than single trigrams: an exact word is stronger evidence than shared letters. */
const WORD_WEIGHT = 1.5;
const TRIGRAM_WEIGHT = 1;

/** 32-bit FNV-1a; `seed` gives an independent hash for the sign. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Words of the text, lower-cased, accents and punctuation dropped. */
function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}@.]+/u)
    .filter((word) => word.length > 0);
}

/** Feature → weight, counts damped (1 + ln n) so a repeated word does not dominate. */
function features(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const word of textWords(text)) {
    add(`w:${word}`);
    const padded = `#${word}#`;
    for (let i = 0; i + 3 <= padded.length; i += 1) add(`t:${padded.slice(i, i + 3)}`);
  }
  const weighted = new Map<string, number>();
  for (const [feature, count] of counts) {
    const base = feature.startsWith('w:') ? WORD_WEIGHT : TRIGRAM_WEIGHT;
    weighted.set(feature, base * (1 + Math.log(count)));
  }
  return weighted;
}

export function embedText(text: string, dimensions = LOCAL_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const [feature, weight] of features(text)) {
    const index = fnv1a(feature) % dimensions;
    const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
    vector[index] += sign * weight;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

export function createLocalEmbedder(): Embedder {
  return {
    provider: 'local',
    model: LOCAL_EMBEDDING_MODEL,
    dimensions: LOCAL_EMBEDDING_DIMENSIONS,
    embed: async (texts) => texts.map((text) => embedText(text)),
  };
}

/** Cosine of two vectors of equal length; 0 when either is all zeros. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`vector lengths differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
