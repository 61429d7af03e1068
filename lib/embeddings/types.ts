// The one interface every embedding provider implements (local hashing, OpenAI, Azure OpenAI, any
// OpenAI-compatible server). Vectors are what the database stores in pgvector columns and searches with HNSW.

export interface Embedder {
  /** "local", "openai", "azure", "openai-compatible". */
  readonly provider: string;
  /** Stored beside each vector (embedding_model) and keying the cache, so mixed models are detectable. */
  readonly model: string;
  readonly dimensions: number;
  /** One vector per text, in input order, each of length `dimensions`. */
  embed(texts: string[]): Promise<number[][]>;
}

/** Embeddings already computed, by sha256 of the text and model (the embedding_cache table). */
export interface EmbeddingCacheStore {
  lookup(model: string, contentHashes: string[]): Promise<Map<string, number[]>>;
  store(model: string, entries: Array<{ contentHash: string; embedding: number[] }>): Promise<void>;
}

/** How requests to a remote provider are shaped, paced and retried. */
export interface EmbeddingRequestPolicy {
  /** Inputs per request (OpenAI allows 2,048). */
  maxInputsPerRequest: number;
  /** Estimated tokens per request (OpenAI allows 300k). */
  maxTokensPerRequest: number;
  /** Estimated tokens per input; longer inputs are truncated, not refused (OpenAI allows 8,192). */
  maxTokensPerInput: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Further attempts after the first for retryable failures. */
  maxRetries: number;
  timeoutMs: number;
  /** First back-off step; doubles per attempt up to retryMaxDelayMs. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Upper bound on a server's Retry-After we are willing to wait. */
  retryAfterCapMs: number;
  /** After a call failed for good with a transient failure, fail further calls at once for this long (0: off). */
  circuitBreakMs: number;
}
