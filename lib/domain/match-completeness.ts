// Whether a record's matches are complete: without its embeddings a record is matched on exact keys and
// trigrams only, and the API and the UI say so.

export const MISSING_EMBEDDING_WARNING =
  'embedding provider unavailable when this record was stored: candidates came from exact keys and name trigrams only (no embedding search); ' +
  'match again once its embeddings are filled (npm run reembed -- --pending-only, or the worker)';

/** A record without embeddings is matched on exact keys and trigrams only (no embedding search): its results are partial. */
export function matchCompleteness(incoming: { companyNameEmbedding: number[] | null; fullProfileEmbedding: number[] | null }): { partial: boolean; warnings: string[] } {
  const partial = incoming.companyNameEmbedding === null || incoming.fullProfileEmbedding === null;
  return { partial, warnings: partial ? [MISSING_EMBEDDING_WARNING] : [] };
}
