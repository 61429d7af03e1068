import { describe, expect, it } from 'vitest';
import { cosineSimilarity, createLocalEmbedder, embedText, LOCAL_EMBEDDING_DIMENSIONS } from './local';

describe('createLocalEmbedder', () => {
  it('describes itself and returns one unit vector per text, in order', async () => {
    const embedder = createLocalEmbedder();
    expect(embedder).toMatchObject({ provider: 'local', model: 'local-hash-v1', dimensions: 1536 });
    const vectors = await embedder.embed(['acme', 'globex']);
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toHaveLength(LOCAL_EMBEDDING_DIMENSIONS);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 9);
    }
    expect(vectors[0]).toEqual(embedText('acme'));
  });

  it('is deterministic', () => {
    expect(embedText('123 main st las vegas')).toEqual(embedText('123 main st las vegas'));
  });

  it('gives the empty text a zero vector', () => {
    expect(embedText('').every((value) => value === 0)).toBe(true);
  });
});

describe('similarity of embeddings', () => {
  const cosine = (a: string, b: string) => cosineSimilarity(embedText(a), embedText(b));

  it.each<[string, string, string]>([
    ['acme manufacturing', 'acme manufacturng', 'globex shipping'],
    ['123 main st las vegas nv', '123 main st las vegas', '9 harbour rd sydney nsw'],
    ['jonathan smith', 'jonathon smith', 'maria gonzales'],
    ['universal exports', 'exports universal', 'initech software'],
  ])('%s is closer to %s than to %s', (anchor, similar, different) => {
    expect(cosine(anchor, similar)).toBeGreaterThan(0.6);
    expect(cosine(anchor, different)).toBeLessThan(0.3);
  });

  it('is 1 for identical texts, 0 against a zero vector, and rejects mismatched lengths', () => {
    expect(cosine('acme', 'acme')).toBeCloseTo(1, 9);
    expect(cosineSimilarity(embedText('acme'), embedText(''))).toBe(0);
    expect(() => cosineSimilarity([1, 0], [1])).toThrow(/lengths differ/);
  });
});
