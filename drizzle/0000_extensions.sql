-- Extensions the schema needs: pgvector (embeddings, HNSW), pg_trgm (trigram candidates), fuzzystrmatch.
CREATE EXTENSION IF NOT EXISTS vector;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
