// The environment that Bicep, compose and the Dockerfile give the app, checked against lib/env.ts: only
// variables it reads, the ones a deployment needs, and values its schema accepts.
import { describe, expect, it } from 'vitest';
import { authRequired, databaseTarget, envSchema, parseEnv } from '../lib/env';
import { envEntries, literal, main, readText } from './test-support';

const known = new Set(Object.keys(envSchema.shape));
const appEnv = envEntries(main.vars.get('appEnv')!);
const byName = new Map(appEnv.map((entry) => [entry.name, entry]));

// What the Bicep expressions evaluate to in a deployment (outputs of the modules), for parsing.
const SAMPLE_VALUES: Record<string, string> = {
  POSTGRES_HOST: 'psql-custmatch-abc.postgres.database.azure.com',
  POSTGRES_DB: 'customer_matching',
  POSTGRES_USER: 'cmadmin',
  AZURE_OPENAI_ENDPOINT: 'https://oai-custmatch-abc.openai.azure.com/',
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'text-embedding-3-small',
  LOG_LEVEL: 'info',
};

function deployedEnv(): Record<string, string> {
  return Object.fromEntries(
    appEnv.map((entry) => {
      if (entry.kind === 'secretRef') return [entry.name, entry.name === 'REDIS_URL' ? 'rediss://:key@redis.example:6380' : 'from-key-vault'];
      const value = literal(entry.value) ?? SAMPLE_VALUES[entry.name];
      if (value === undefined) throw new Error(`no sample value for ${entry.name} = ${entry.value}`);
      return [entry.name, value];
    }),
  );
}

describe('container environment in main.bicep', () => {
  it('names only variables that lib/env.ts reads', () => {
    expect(appEnv.length).toBeGreaterThan(10);
    expect(appEnv.map((entry) => entry.name).filter((name) => !known.has(name))).toEqual([]);
  });

  it('sets what a deployment needs', () => {
    for (const name of ['POSTGRES_HOST', 'POSTGRES_DB', 'POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_SSLMODE', 'AUTH_MODE', 'EMBEDDING_PROVIDER', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'SEED_DEMO_DATA', 'REDIS_URL']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(literal(byName.get('AUTH_MODE')!.value)).toBe('required');
    expect(literal(byName.get('EMBEDDING_PROVIDER')!.value)).toBe('azure');
    expect(literal(byName.get('SEED_DEMO_DATA')!.value)).toBe('false');
    expect(main.vars.get('appEnv')).toMatch(/redisEnabled \? \[\{ name: 'REDIS_URL', secretRef: 'redis-url' \}\] : \[\]/);
  });

  it('reads secrets from Key Vault references and uses no Azure OpenAI key', () => {
    expect(byName.get('POSTGRES_PASSWORD')).toMatchObject({ kind: 'secretRef', value: "'postgres-password'" });
    expect(byName.get('REDIS_URL')).toMatchObject({ kind: 'secretRef', value: "'redis-url'" });
    expect(byName.has('AZURE_OPENAI_API_KEY')).toBe(false);
    expect(byName.has('OPENAI_API_KEY')).toBe(false);
    expect(byName.has('DATABASE_URL')).toBe(false);
  });

  it('parses with lib/env.ts as a TLS PostgreSQL deployment with keys required', () => {
    const parsed = parseEnv(deployedEnv());
    expect(authRequired(parsed)).toBe(true);
    expect(databaseTarget(parsed)).toMatchObject({ kind: 'postgres', host: SAMPLE_VALUES.POSTGRES_HOST, ssl: true, database: 'customer_matching' });
    expect(parsed).toMatchObject({ EMBEDDING_PROVIDER: 'azure', SEED_DEMO_DATA: false, NODE_ENV: 'production' });
    expect(parsed.AZURE_OPENAI_API_KEY).toBeUndefined();
  });

  it('offers only log levels that lib/env.ts accepts', () => {
    const allowed = /@allowed\(\[([^\]]+)\]\)/.exec(main.params.find((param) => param.name === 'logLevel')!.decorators.join(' '))![1];
    for (const level of allowed.split(',').map((value) => value.trim().replace(/'/g, ''))) expect(() => parseEnv({ LOG_LEVEL: level }), level).not.toThrow();
  });
});

describe('compose.yaml and Dockerfile', () => {
  // Read by Next's server or Node itself, not by the app's code.
  const runtimeNames = new Set(['PORT', 'HOSTNAME', 'NEXT_TELEMETRY_DISABLED', 'NEXT_OUTPUT']);

  it('compose gives the app and the worker only lib/env.ts variables, PostgreSQL and Redis included', () => {
    const compose = readText('compose.yaml');
    const block = /^x-app-environment: &app-environment\n((?: {2}.*\n)+)/m.exec(compose)![1];
    const names = [...block.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'AUTH_MODE']));
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    expect(compose.match(/environment: \*app-environment/g)).toHaveLength(2);
    expect(compose).toMatch(/image: pgvector\/pgvector:pg1[6-9]/);
  });

  it('the Dockerfile sets only known variables and runs as a non-root user', () => {
    const dockerfile = readText('Dockerfile');
    const names = [...dockerfile.matchAll(/^ENV (.+)$/gm)].flatMap((match) => [...match[1].matchAll(/([A-Z_]+)=/g)].map((name) => name[1]));
    expect(names.filter((name) => !known.has(name) && !runtimeNames.has(name))).toEqual([]);
    const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtimeStage).toMatch(/^USER node$/m);
    expect(runtimeStage).toMatch(/HEALTHCHECK[\s\S]*\/api\/v1\/health/);
    expect(runtimeStage).toMatch(/COPY --from=build \/src\/\.next\/static \.\/\.next\/static/);
  });
});
