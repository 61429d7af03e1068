// Every environment variable the product reads, parsed once with zod. Nothing else reads process.env.
import { isIP } from 'node:net';
import { z } from 'zod';

export const EMBEDDING_PROVIDERS = ['local', 'openai', 'azure', 'openai-compatible'] as const;
export type EmbeddingProviderName = (typeof EMBEDDING_PROVIDERS)[number];

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const probability = (fallback: number) =>
  z.coerce
    .number({ message: 'must be a number between 0 and 1' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .default(fallback);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Database: DATABASE_URL, or the seed's POSTGRES_* parts, selects PostgreSQL; neither → embedded PGlite.
    DATABASE_URL: optionalString.pipe(z.url({ message: 'must be a postgres:// URL' }).optional()),
    PGLITE_DATA_DIR: z.string().trim().min(1).default('./data/pglite'),
    POSTGRES_HOST: optionalString,
    POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(5432),
    POSTGRES_DB: z.string().trim().min(1).default('postgres'),
    POSTGRES_USER: z.string().trim().min(1).default('postgres'),
    POSTGRES_PASSWORD: optionalString,
    POSTGRES_SSLMODE: z.enum(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']).default('prefer'),
    // A streaming replica for read-only queries (candidate search, customer search, the directory); unset → the primary.
    DATABASE_READ_URL: optionalString.pipe(z.url({ message: 'must be a postgres:// URL' }).optional()),
    // After this process wrote customers, reads use the replica only once it has replayed the primary's WAL
    // past that write; within this window (longer than any customer-writing transaction) each read checks.
    DATABASE_READ_AFTER_WRITE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    // Embeddings: the local deterministic embedder needs no key; the others are switched on here.
    EMBEDDING_PROVIDER: z.enum(EMBEDDING_PROVIDERS).default('local'),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
    // text-embedding-3-small: cheaper and better than ada-002, and shortened to 1536 with `dimensions`.
    OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
    AZURE_OPENAI_ENDPOINT: optionalString.pipe(z.url().optional()),
    // Unset → Microsoft Entra ID (DefaultAzureCredential: managed identity, az login, workload identity).
    AZURE_OPENAI_API_KEY: optionalString,
    // AZURE_OPENAI_EMBEDDING_DEPLOYMENT wins; AZURE_OPENAI_DEPLOYMENT_NAME is the proof of concept's name.
    AZURE_OPENAI_EMBEDDING_DEPLOYMENT: optionalString,
    AZURE_OPENAI_DEPLOYMENT_NAME: z.string().trim().min(1).default('text-embedding-ada-002'),
    AZURE_OPENAI_API_VERSION: z.string().trim().min(1).default('2024-10-21'),
    // Send `dimensions: 1536`: auto = for text-embedding-3-* models (ada-002 and most others refuse it).
    EMBEDDING_SEND_DIMENSIONS: z.enum(['auto', 'true', 'false']).default('auto'),
    // Request shaping for remote providers: OpenAI allows 2,048 inputs and 300k tokens per request and
    // 8,192 tokens per input; the defaults stay below, as tokens are only estimated (chars / 3).
    EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(2048),
    EMBEDDING_MAX_TOKENS_PER_REQUEST: z.coerce.number().int().min(100).max(1_000_000).default(250_000),
    EMBEDDING_MAX_TOKENS_PER_INPUT: z.coerce.number().int().min(10).max(100_000).default(8_000),
    EMBEDDING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    EMBEDDING_MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
    EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    // After a call failed for good (retries spent on 429/5xx/timeouts), further calls fail at once for this
    // long: during an outage each submit then matches degraded immediately instead of waiting out the retries.
    EMBEDDING_CIRCUIT_BREAK_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    // Matching thresholds (the seed's names and defaults); see docs/matching.md#bands.
    DEFAULT_SIMILARITY_THRESHOLD: probability(0.8),
    HIGH_CONFIDENCE_THRESHOLD: probability(0.9),
    POTENTIAL_MATCH_THRESHOLD: probability(0.75),
    // Candidate generation (docs/matching.md#candidates): recall first, bounded work per record.
    MATCH_EXACT_TOP_K: z.coerce.number().int().min(1).max(1000).default(25),
    MATCH_TRIGRAM_TOP_K: z.coerce.number().int().min(1).max(1000).default(25),
    MATCH_TRIGRAM_THRESHOLD: probability(0.3),
    MATCH_HNSW_TOP_K: z.coerce.number().int().min(1).max(1000).default(25),
    // hnsw.ef_search per embedding: the smallest value whose recall of the near neighbours (cosine ≥ 0.5)
    // reached 0.99 in the 100k bench (docs/scaling.md), 200 for names, 400 for profiles. HNSW_EF_SEARCH sets both.
    HNSW_EF_SEARCH: z.coerce.number().int().min(1).max(1000).optional(),
    HNSW_EF_SEARCH_NAME: z.coerce.number().int().min(1).max(1000).default(200),
    HNSW_EF_SEARCH_PROFILE: z.coerce.number().int().min(1).max(1000).default(400),
    MATCH_MAX_CANDIDATES: z.coerce.number().int().min(1).max(2000).default(150),
    // What is stored per incoming record: the best N candidates with at least this probability.
    MATCH_MAX_STORED_RESULTS: z.coerce.number().int().min(1).max(100).default(10),
    MATCH_MIN_STORED_PROBABILITY: probability(0.5),
    // API protection. AUTH_MODE=required makes every API call present an API key (Authorization: Bearer);
    // unset, it is required when NODE_ENV=production and DATABASE_URL/POSTGRES_HOST is set (a deployment),
    // and open for the zero-setup local run.
    AUTH_MODE: z.enum(['open', 'required']).optional(),
    // Strict-Transport-Security: auto = in production when the request came over https (itself, or X-Forwarded-Proto
    // from a proxy that ended TLS); on = always; off = never (a browser ignores it over plain http anyway).
    HSTS: z.enum(['auto', 'on', 'off']).default('auto'),
    // Open mode answers only requests addressed to localhost / 127.0.0.1 / [::1]; extra host names (comma-separated).
    ALLOWED_HOSTS: z
      .string()
      .optional()
      .transform((value) => (value ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean)),
    // Token bucket per API key (or per client address when open): sustained requests/second and burst.
    RATE_LIMIT_PER_SECOND: z.coerce.number().min(0.01).max(100_000).default(20),
    RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(60),
    // Failed authentication (a bad Bearer key, a bad sign-in) per client address: its own bucket, spent only
    // by failures; when empty a failing attempt answers 429 instead of 401 (a key that verifies still passes).
    AUTH_FAILURE_BURST: z.coerce.number().int().min(1).max(10_000).default(10),
    AUTH_FAILURE_PER_MINUTE: z.coerce.number().min(0.1).max(10_000).default(10),
    // Proxies whose X-Forwarded-For / X-Real-IP are believed (addresses or CIDRs, comma-separated); unset →
    // the TCP peer is the client. Behind a load balancer or ingress, list its address range here.
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
      .pipe(z.array(z.string().refine(isAddressOrCidr, 'each entry must be an IP address or CIDR, e.g. 10.0.0.0/8'))),
    // Steward sign-in sessions (keys required): ended after this long without use, and this long after sign-in at most.
    STEWARD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(8 * 60),
    STEWARD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
    // Stored Idempotency-Key responses are kept this long (a day covers any client's retries), then deleted.
    IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24),
    // Redis for shared rate-limit buckets across instances; unset → in-process buckets.
    REDIS_URL: optionalString.pipe(z.url({ message: 'must be a redis:// URL' }).optional()),
    // Largest batch accepted by POST /customers/incoming/batch.
    MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    // File import (npm run import, POST /customers/import): rows per batch (one embedder call and one
    // transaction each), the largest upload the API accepts, and when a customers import drops the two
    // HNSW indexes and builds them once at the end (measurements: docs/operations.md#speed).
    IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
    IMPORT_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 ** 3).default(100 * 1024 * 1024),
    IMPORT_INDEX_REBUILD_MIN_ROWS: z.coerce.number().int().min(0).default(1_000),
    IMPORT_INDEX_REBUILD_RATIO: z.coerce.number().min(0).max(100).default(0.25),
    // maintenance_work_mem for that build: pgvector slows down sharply once the graph outgrows it.
    IMPORT_INDEX_BUILD_MEMORY_MB: z.coerce.number().int().min(1).max(65_536).default(1_024),
    // Pending-queue matching (npm run match -- --pending, npm run worker). A claimed row whose worker died is
    // taken again after the lease; 300 s is far above one claim batch (~30 ms a record) yet frees a crash quickly.
    MATCH_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    // Rows claimed per round trip: few enough that a crash strands little, enough to amortise the claim query.
    MATCH_CLAIM_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
    // How long the worker sleeps when the queue is empty before looking again.
    WORKER_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(5000),
    // Demo data on the first start of an empty database; off for tests that need an empty table.
    SEED_DEMO_DATA: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((value) => value === 'true' || value === '1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    for (const problem of embeddingConfigProblems(env.EMBEDDING_PROVIDER, env)) {
      ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.message });
    }
    if (env.DATABASE_READ_URL && !env.DATABASE_URL && !env.POSTGRES_HOST) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_READ_URL'], message: 'needs a PostgreSQL primary (DATABASE_URL or POSTGRES_HOST); the embedded database has no replicas' });
    }
    if (env.POTENTIAL_MATCH_THRESHOLD > env.HIGH_CONFIDENCE_THRESHOLD) {
      ctx.addIssue({
        code: 'custom',
        path: ['POTENTIAL_MATCH_THRESHOLD'],
        message: 'must not be greater than HIGH_CONFIDENCE_THRESHOLD',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * What a provider still needs, as variable + message. Also used when a CLI overrides the provider
 * (`reembed --provider openai` while EMBEDDING_PROVIDER=local), which the schema check never saw.
 */
export function embeddingConfigProblems(
  provider: EmbeddingProviderName,
  config: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'AZURE_OPENAI_ENDPOINT'>,
): Array<{ variable: string; message: string }> {
  if (provider === 'openai' && !config.OPENAI_API_KEY) {
    return [{ variable: 'OPENAI_API_KEY', message: 'is required when EMBEDDING_PROVIDER=openai (a server without keys: EMBEDDING_PROVIDER=openai-compatible with OPENAI_BASE_URL)' }];
  }
  if (provider === 'openai-compatible' && !config.OPENAI_BASE_URL) {
    return [{ variable: 'OPENAI_BASE_URL', message: 'is required when EMBEDDING_PROVIDER=openai-compatible (e.g. http://127.0.0.1:8080/v1)' }];
  }
  if (provider === 'azure' && !config.AZURE_OPENAI_ENDPOINT) {
    return [{ variable: 'AZURE_OPENAI_ENDPOINT', message: 'is required when EMBEDDING_PROVIDER=azure (e.g. https://<resource>.openai.azure.com)' }];
  }
  return [];
}

/** Whether API calls must carry a key: explicit AUTH_MODE, else required for a production deployment on PostgreSQL. */
export function authRequired(config: Env = env()): boolean {
  if (config.AUTH_MODE) return config.AUTH_MODE === 'required';
  return config.NODE_ENV === 'production' && Boolean(config.DATABASE_URL || config.POSTGRES_HOST);
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example.`);
    this.name = 'EnvError';
  }
}

/** Parses a given environment (tests pass their own); throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
}

let cached: Env | undefined;

/** The process environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Which database the environment selects, without opening it. */
export function databaseTarget(config: Env = env()):
  | { kind: 'postgres'; connectionString?: string; host?: string; port: number; database: string; user: string; password?: string; ssl: boolean }
  | { kind: 'pglite'; dataDir: string } {
  if (config.DATABASE_URL) {
    return { kind: 'postgres', connectionString: config.DATABASE_URL, port: config.POSTGRES_PORT, database: config.POSTGRES_DB, user: config.POSTGRES_USER, ssl: false };
  }
  if (config.POSTGRES_HOST) {
    return {
      kind: 'postgres',
      host: config.POSTGRES_HOST,
      port: config.POSTGRES_PORT,
      database: config.POSTGRES_DB,
      user: config.POSTGRES_USER,
      password: config.POSTGRES_PASSWORD,
      ssl: ['require', 'verify-ca', 'verify-full'].includes(config.POSTGRES_SSLMODE),
    };
  }
  return { kind: 'pglite', dataDir: config.PGLITE_DATA_DIR };
}
