import { describe, expect, it } from 'vitest';
import { EnvError, databaseTarget, parseEnv } from './env';

describe('parseEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    const env = parseEnv({});
    expect(env.DEFAULT_SIMILARITY_THRESHOLD).toBe(0.8);
    expect(env.HIGH_CONFIDENCE_THRESHOLD).toBe(0.9);
    expect(env.POTENTIAL_MATCH_THRESHOLD).toBe(0.75);
    expect(env.PGLITE_DATA_DIR).toBe('./data/pglite');
    expect(env.EMBEDDING_PROVIDER).toBe('local');
    expect(env.SEED_DEMO_DATA).toBe(true);
    expect(databaseTarget(env)).toEqual({ kind: 'pglite', dataDir: './data/pglite' });
  });

  it.each([
    ['DEFAULT_SIMILARITY_THRESHOLD', '1.5'],
    ['HIGH_CONFIDENCE_THRESHOLD', 'high'],
    ['EMBEDDING_PROVIDER', 'cohere'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'not a url'],
    ['POSTGRES_PORT', '99999'],
  ])('names %s when its value %j is invalid', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(name));
  });

  it('requires a key or base URL for the openai provider and an endpoint for azure', () => {
    expect(() => parseEnv({ EMBEDDING_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY/);
    expect(() => parseEnv({ EMBEDDING_PROVIDER: 'azure' })).toThrow(/AZURE_OPENAI_ENDPOINT/);
    expect(parseEnv({ EMBEDDING_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test' }).EMBEDDING_PROVIDER).toBe('openai');
  });

  it('requires OPENAI_BASE_URL for an OpenAI-compatible server, not a key', () => {
    expect(() => parseEnv({ EMBEDDING_PROVIDER: 'openai-compatible' })).toThrow(/OPENAI_BASE_URL/);
    expect(parseEnv({ EMBEDDING_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }).OPENAI_EMBEDDING_MODEL).toBe('text-embedding-3-small');
    expect(() => parseEnv({ EMBEDDING_BATCH_SIZE: '4096' })).toThrow(/EMBEDDING_BATCH_SIZE/);
  });

  it('refuses a potential threshold above the high threshold', () => {
    expect(() => parseEnv({ POTENTIAL_MATCH_THRESHOLD: '0.95' })).toThrow(/POTENTIAL_MATCH_THRESHOLD/);
  });

  it('selects PostgreSQL from DATABASE_URL or from the seed POSTGRES_* variables', () => {
    expect(databaseTarget(parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }))).toMatchObject({ kind: 'postgres', connectionString: 'postgres://u@127.0.0.1:5432/db' });
    expect(databaseTarget(parseEnv({ POSTGRES_HOST: 'db.example', POSTGRES_DB: 'cm', POSTGRES_SSLMODE: 'require' }))).toMatchObject({
      kind: 'postgres',
      host: 'db.example',
      database: 'cm',
      ssl: true,
    });
  });

  it('takes a read replica only beside a PostgreSQL primary (PGlite has none)', () => {
    expect(() => parseEnv({ DATABASE_READ_URL: 'postgres://u@127.0.0.1:5433/db' })).toThrow(/DATABASE_READ_URL: needs a PostgreSQL primary/);
    const config = parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', DATABASE_READ_URL: 'postgres://u@127.0.0.1:5433/db' });
    expect([config.DATABASE_READ_URL, config.DATABASE_READ_AFTER_WRITE_MS]).toEqual(['postgres://u@127.0.0.1:5433/db', 10_000]);
  });

  it('treats empty strings as unset', () => {
    expect(databaseTarget(parseEnv({ DATABASE_URL: '', POSTGRES_HOST: '' })).kind).toBe('pglite');
  });

  it('reads TRUSTED_PROXIES as addresses and CIDRs (none by default) and names a bad entry', () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.0/8, 127.0.0.1,fd00::/8 ,, ' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/1', '::1/129', '10.0.0/8']) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad })).toThrow(/TRUSTED_PROXIES.*IP address or CIDR/);
    }
  });

  it('defaults sessions to 8 h idle and 12 h at most, keeps idempotency responses a day, and limits 10 failures', () => {
    const env = parseEnv({});
    expect([env.STEWARD_SESSION_IDLE_MINUTES, env.STEWARD_SESSION_MAX_HOURS, env.IDEMPOTENCY_KEY_TTL_HOURS]).toEqual([480, 12, 24]);
    expect([env.AUTH_FAILURE_BURST, env.AUTH_FAILURE_PER_MINUTE]).toEqual([10, 10]);
    expect(() => parseEnv({ STEWARD_SESSION_IDLE_MINUTES: '0' })).toThrow(/STEWARD_SESSION_IDLE_MINUTES/);
  });
});
