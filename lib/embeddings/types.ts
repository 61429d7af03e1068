// The one interface every embedding provider implements (local hashing now; OpenAI/Azure later).
// Vectors are what the database stores in pgvector columns and searches with HNSW.

export interface Embedder {
  /** "local", "openai", "azure-openai" ... stored beside each vector so mixed models are detectable. */
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
  /** One vector per text, in input order, each of length `dimensions`. */
  embed(texts: string[]): Promise<number[][]>;
}
