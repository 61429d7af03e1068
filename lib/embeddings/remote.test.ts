// The remote embedder against a stub OpenAI-compatible server, through the real openai SDK.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { EmbeddingProviderError } from './errors';
import { embedText } from './local';
import { createEmbedder, type EmbedderOverrides } from './providers';
import { startStubEmbeddingServer, withStubEmbeddingServer, type StubEmbeddingServer } from './stub-server.test-helpers';

let stub: StubEmbeddingServer;
withStubEmbeddingServer((started) => (stub = started));
beforeEach(() => {
  stub.reset();
});

const FAST_RETRIES = { retryBaseDelayMs: 5, retryMaxDelayMs: 20 };

function embedder(variables: Record<string, string> = {}, overrides: EmbedderOverrides = {}) {
  const config = parseEnv({ EMBEDDING_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${stub.origin}/v1`, OPENAI_API_KEY: 'sk-stub-secret', ...variables });
  return createEmbedder('openai-compatible', config, { policy: { ...FAST_RETRIES, ...overrides.policy }, hooks: { onRetry: () => {}, ...overrides.hooks } });
}

async function failure(promise: Promise<unknown>): Promise<EmbeddingProviderError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(EmbeddingProviderError);
  return error as EmbeddingProviderError;
}

describe('remote embedder: protocol and batching', () => {
  it('sends batches of EMBEDDING_BATCH_SIZE inputs and returns the vectors in input order', async () => {
    const texts = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne'];
    const vectors = await embedder({ EMBEDDING_BATCH_SIZE: '3' }).embed(texts);
    expect(stub.requests.map((request) => (request.body.input as string[]).length)).toEqual([3, 3, 1]);
    expect(stub.requests.flatMap((request) => request.body.input)).toEqual(texts);
    const first = stub.requests[0];
    expect(first).toMatchObject({ method: 'POST', path: '/v1/embeddings' });
    expect(first.body).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'base64', dimensions: 1536 });
    expect(first.headers.authorization).toBe('Bearer sk-stub-secret');
    expect(vectors).toHaveLength(texts.length);
    vectors.forEach((vector, index) => {
      expect(vector).toHaveLength(1536);
      const expected = embedText(texts[index]);
      const maxError = Math.max(...vector.map((value, i) => Math.abs(value - expected[i])));
      expect(maxError).toBeLessThan(1e-6); // float32 on the wire
    });
  });

  it('closes a request at the token budget and truncates an over-long input instead of failing', async () => {
    // 150 ASCII characters ≈ 50 estimated tokens: two fit a 100-token request.
    const texts = ['a'.repeat(150), 'b'.repeat(150), 'c'.repeat(150), 'd'.repeat(3000)];
    const vectors = await embedder({ EMBEDDING_MAX_TOKENS_PER_REQUEST: '100', EMBEDDING_MAX_TOKENS_PER_INPUT: '50' }).embed(texts);
    expect(stub.requests.map((request) => request.body.input)).toEqual([
      ['a'.repeat(150), 'b'.repeat(150)],
      ['c'.repeat(150), 'd'.repeat(150)],
    ]);
    expect(vectors).toHaveLength(4);
  });

  it('keeps at most EMBEDDING_CONCURRENCY requests in flight', async () => {
    stub.setDefault(() => ({ delayMs: 40 }));
    await embedder({ EMBEDDING_BATCH_SIZE: '1', EMBEDDING_CONCURRENCY: '2' }).embed(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(stub.requests).toHaveLength(6);
    expect(stub.inFlightPeak()).toBe(2);
  });

  it('omits dimensions for ada-002 (1536 natively) and accepts float arrays from servers that ignore base64', async () => {
    stub.queue({ floats: true });
    const [vector] = await embedder({ OPENAI_EMBEDDING_MODEL: 'text-embedding-ada-002' }).embed(['acme']);
    expect(stub.requests[0].body.dimensions).toBeUndefined();
    expect(vector).toEqual(embedText('acme'));
  });

  it('gives blank texts the zero vector without sending them', async () => {
    const vectors = await embedder().embed(['', 'acme', '  ']);
    expect(stub.requests.flatMap((request) => request.body.input)).toEqual(['acme']);
    expect(vectors[0].every((value) => value === 0)).toBe(true);
    expect(vectors[2]).toHaveLength(1536);
  });
});

describe('remote embedder: failures', () => {
  it('waits the retry-after-ms a 429 asks for, then retries', async () => {
    stub.queue({ status: 429, headers: { 'retry-after-ms': '150' }, json: { error: { message: 'Rate limit reached' } } });
    const [vector] = await embedder().embed(['acme']);
    expect(stub.requests).toHaveLength(2);
    expect(stub.requests[1].receivedAt - stub.requests[0].receivedAt).toBeGreaterThanOrEqual(140);
    expect(vector).toHaveLength(1536);
  });

  it('honours Retry-After in seconds (capped) and uses back-off with jitter otherwise', async () => {
    const waits: number[] = [];
    const hooks = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };
    stub.queue({ status: 429, headers: { 'retry-after': '2' } }, { status: 503 }, { status: 502 });
    await embedder({}, { hooks, policy: { retryBaseDelayMs: 100, retryMaxDelayMs: 1000, retryAfterCapMs: 60_000 } }).embed(['acme']);
    // 2 s from the server; then the 2nd and 3rd steps (200, 400 ms) with equal jitter at 0.5 → 75 % of each.
    expect(waits).toEqual([2000, 150, 300]);
    expect(stub.requests).toHaveLength(4);
  });

  it('retries a 500 and succeeds; gives up after EMBEDDING_MAX_RETRIES with the status in the message', async () => {
    stub.queue({ status: 500, json: { error: { message: 'boom' } } });
    await expect(embedder().embed(['acme'])).resolves.toHaveLength(1);
    expect(stub.requests).toHaveLength(2);

    stub.requests.length = 0;
    stub.setDefault(() => ({ status: 500, json: { error: { message: 'boom' } } }));
    const error = await failure(embedder({ EMBEDDING_MAX_RETRIES: '2' }).embed(['acme']));
    expect(stub.requests).toHaveLength(3);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toMatch(/answered 500: boom .*gave up after 3 attempts/);
  });

  it('times a slow request out, retries it, and says which setting governs the wait', async () => {
    stub.setDefault(() => ({ delayMs: 400 }));
    const error = await failure(embedder({ EMBEDDING_TIMEOUT_MS: '100', EMBEDDING_MAX_RETRIES: '1' }).embed(['acme']));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 100 ms \(EMBEDDING_TIMEOUT_MS\)/);
    expect(stub.requests).toHaveLength(2);
  });

  it.each([
    ['no data array', { json: { object: 'list' } }, /no "data" array/],
    ['too few embeddings', { json: { data: [] } }, /0 embeddings for 1 inputs/],
    ['not JSON', { raw: '<html>proxy error</html>' }, /unreadable reply/],
    ['a garbage embedding', { json: { data: [{ index: 0, embedding: { nope: true } }] } }, /neither base64 float32 nor a number array/],
  ])('refuses a malformed reply (%s) clearly and without retrying', async (_label, reply, message) => {
    stub.queue(reply);
    const error = await failure(embedder().embed(['acme']));
    expect(error.kind).toBe('malformed_reply');
    expect(error.message).toMatch(message);
    expect(stub.requests).toHaveLength(1);
  });

  it('refuses vectors of another size, naming the model, both sizes and what to set', async () => {
    stub.queue({ dimensions: 3072 });
    const error = await failure(embedder({ OPENAI_EMBEDDING_MODEL: 'text-embedding-3-large', EMBEDDING_SEND_DIMENSIONS: 'false' }).embed(['acme']));
    expect(error.kind).toBe('wrong_dimensions');
    expect(error.message).toMatch(/"text-embedding-3-large" returned 3072-dimensional vectors; the database stores 1536/);
    expect(error.message).toMatch(/EMBEDDING_SEND_DIMENSIONS=true/);
    expect(stub.requests[0].body.dimensions).toBeUndefined();
  });

  it('maps 401 to a credentials message that names the variable and never the key', async () => {
    stub.queue({ status: 401, json: { error: { message: 'Incorrect API key provided: sk-stub-secret' } } });
    const error = await failure(embedder().embed(['acme']));
    expect(error.kind).toBe('authentication');
    expect(error.message).toMatch(/check OPENAI_API_KEY/);
    expect(error.message).not.toContain('sk-stub-secret');
    expect(error.status).toBe(503);
  });

  it('fails at once while the circuit is open after a call failed for good, then tries again', async () => {
    stub.setDefault(() => ({ status: 503 }));
    const flaky = embedder({ EMBEDDING_MAX_RETRIES: '0', EMBEDDING_CIRCUIT_BREAK_MS: '150' });
    await failure(flaky.embed(['acme']));
    const open = await failure(flaky.embed(['acme']));
    expect(stub.requests).toHaveLength(1);
    expect(open.message).toMatch(/answered 503; not tried again for another 1 s \(EMBEDDING_CIRCUIT_BREAK_MS\)/);
    await new Promise((resolve) => setTimeout(resolve, 170));
    stub.setDefault(() => ({}));
    await expect(flaky.embed(['acme'])).resolves.toHaveLength(1);
    expect(stub.requests).toHaveLength(2);
  });

  it('does not open the circuit for a request the server refuses (a permanent error)', async () => {
    stub.queue({ status: 400, json: { error: { message: 'bad input' } } });
    const strict = embedder({ EMBEDDING_CIRCUIT_BREAK_MS: '60000' });
    expect((await failure(strict.embed(['acme']))).kind).toBe('bad_request');
    await expect(strict.embed(['acme'])).resolves.toHaveLength(1);
  });

  it('reports an unreachable server with its address', async () => {
    const closed = await startStubEmbeddingServer();
    await closed.close();
    const config = parseEnv({ OPENAI_BASE_URL: `${closed.origin}/v1` });
    const error = await failure(createEmbedder('openai-compatible', config, { policy: { maxRetries: 0 } }).embed(['acme']));
    expect(error.kind).toBe('connection');
    expect(error.message).toContain(`could not reach ${closed.origin}/v1`);
  });
});

describe('azure embedder', () => {
  it('calls /openai/deployments/<deployment>/embeddings with api-version and the api-key header', async () => {
    const config = parseEnv({
      EMBEDDING_PROVIDER: 'azure',
      AZURE_OPENAI_ENDPOINT: `${stub.origin}/`,
      AZURE_OPENAI_API_KEY: 'azure-stub-key',
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'text-embedding-3-small-prod',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    });
    const azure = createEmbedder('azure', config, { policy: FAST_RETRIES });
    expect(azure).toMatchObject({ provider: 'azure', model: 'azure/text-embedding-3-small-prod', dimensions: 1536 });
    const vectors = await azure.embed(['acme', 'globex']);
    expect(vectors).toHaveLength(2);
    const [request] = stub.requests;
    expect(request.path).toBe('/openai/deployments/text-embedding-3-small-prod/embeddings');
    expect(request.query.get('api-version')).toBe('2024-10-21');
    expect(request.headers['api-key']).toBe('azure-stub-key');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toMatchObject({ input: ['acme', 'globex'], dimensions: 1536 });
  });

  it('uses AZURE_OPENAI_DEPLOYMENT_NAME when the embedding deployment is unset, without dimensions for ada-002', async () => {
    const config = parseEnv({ AZURE_OPENAI_ENDPOINT: stub.origin, AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT_NAME: 'text-embedding-ada-002' });
    await createEmbedder('azure', config).embed(['acme']);
    expect(stub.requests[0].path).toBe('/openai/deployments/text-embedding-ada-002/embeddings');
    expect(stub.requests[0].body.dimensions).toBeUndefined();
  });
});

describe('createEmbedder configuration', () => {
  it.each([
    ['openai', /OPENAI_API_KEY: is required when EMBEDDING_PROVIDER=openai/],
    ['openai-compatible', /OPENAI_BASE_URL: is required when EMBEDDING_PROVIDER=openai-compatible/],
    ['azure', /AZURE_OPENAI_ENDPOINT: is required when EMBEDDING_PROVIDER=azure/],
  ] as const)('names the missing variable for %s', (provider, message) => {
    expect(() => createEmbedder(provider, parseEnv({}))).toThrow(message);
  });

  it('gives the local embedder without any variable', () => {
    expect(createEmbedder('local', parseEnv({})).model).toBe('local-hash-v1');
  });
});
