// The embedding width, below the database: the schema's vector columns and every provider must agree on it.

/** ada-002 / text-embedding-3-* with dimensions=1536, and the local embedder. */
export const EMBEDDING_DIMENSIONS = 1536;
