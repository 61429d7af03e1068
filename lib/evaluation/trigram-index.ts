// pg_trgm-style trigram similarity (words padded "  word ", Jaccard of trigram sets) with an
// inverted index: the in-memory stand-in for the database's GIN trigram search on core names.

export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) result.add(padded.slice(i, i + 3));
  }
  return result;
}

export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface TrigramIndex {
  search(text: string, minSimilarity: number, k: number): Array<{ index: number; similarity: number }>;
}

export function buildTrigramIndex(texts: ReadonlyArray<string | null>): TrigramIndex {
  const postings = new Map<string, number[]>();
  const sizes = texts.map((text, row) => {
    if (!text) return 0;
    const grams = trigrams(text);
    for (const gram of grams) {
      const list = postings.get(gram) ?? [];
      list.push(row);
      postings.set(gram, list);
    }
    return grams.size;
  });
  return {
    search(text, minSimilarity, k) {
      const grams = trigrams(text);
      const shared = new Map<number, number>();
      for (const gram of grams) for (const row of postings.get(gram) ?? []) shared.set(row, (shared.get(row) ?? 0) + 1);
      const results: Array<{ index: number; similarity: number }> = [];
      for (const [row, count] of shared) {
        const similarity = count / (grams.size + sizes[row] - count);
        if (similarity >= minSimilarity) results.push({ index: row, similarity });
      }
      return results.sort((a, b) => b.similarity - a.similarity).slice(0, k);
    },
  };
}
