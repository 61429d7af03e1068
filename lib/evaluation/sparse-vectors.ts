// Sparse views of embedding vectors and an exact top-K cosine search over them: the in-memory
// stand-in for the database's HNSW index when evaluating (hashed embeddings are mostly zeros).

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export function toSparse(dense: readonly number[]): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  dense.forEach((value, index) => {
    if (value !== 0) {
      indices.push(index);
      values.push(value);
    }
  });
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Dot product of two sparse unit vectors = their cosine. Indices are ascending. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.indices.length && j < b.indices.length) {
    if (a.indices[i] === b.indices[j]) {
      dot += a.values[i] * b.values[j];
      i += 1;
      j += 1;
    } else if (a.indices[i] < b.indices[j]) i += 1;
    else j += 1;
  }
  return dot;
}

export interface CosineIndex {
  /** Indices of the k most similar stored vectors, most similar first, with their cosines. */
  topK(query: SparseVector, k: number): Array<{ index: number; cosine: number }>;
}

export function buildCosineIndex(vectors: readonly SparseVector[], dimensions: number): CosineIndex {
  const postings: Array<Array<[number, number]>> = Array.from({ length: dimensions }, () => []);
  vectors.forEach((vector, row) => {
    vector.indices.forEach((dim, position) => postings[dim].push([row, vector.values[position]]));
  });
  const scores = new Float64Array(vectors.length);
  return {
    topK(query, k) {
      if (k <= 0) return [];
      const touched: number[] = [];
      query.indices.forEach((dim, position) => {
        const weight = query.values[position];
        for (const [row, value] of postings[dim]) {
          if (scores[row] === 0) touched.push(row);
          scores[row] += weight * value;
        }
      });
      // Keep the k best in a small sorted array: touched rows can be most of the table.
      const best: Array<{ index: number; cosine: number }> = [];
      for (const row of touched) {
        const cosine = scores[row];
        scores[row] = 0;
        if (best.length === k && cosine <= best[k - 1].cosine) continue;
        let at = best.length;
        while (at > 0 && best[at - 1].cosine < cosine) at -= 1;
        best.splice(at, 0, { index: row, cosine });
        if (best.length > k) best.pop();
      }
      return best;
    },
  };
}
