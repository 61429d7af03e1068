// A remote embedder over the openai SDK (OpenAI, Azure OpenAI and OpenAI-compatible servers share the
// protocol): plans requests within the limits, sends them with bounded concurrency, retries by our
// policy, and checks every reply — count, order and vector size — before a vector reaches the database.
import type OpenAI from 'openai';
import pLimit from 'p-limit';
import { logger } from '../logger';
import { planRequests } from './batching';
import { EmbeddingProviderError } from './errors';
import { classifyOpenAIError, type ProviderLabels } from './openai-errors';
import { withRetries, type RetryHooks } from './retry';
import type { Embedder, EmbeddingRequestPolicy } from './types';

export interface RemoteEmbedderOptions {
  provider: string;
  /** The identity stored in embedding_model and the cache. */
  model: string;
  /** What is sent as `model` (the deployment name on Azure). */
  requestModel: string;
  client: Pick<OpenAI, 'embeddings'>;
  /** Ask the server for `dimensions` (text-embedding-3-* shorten natively; others refuse the parameter). */
  sendDimensions: boolean;
  dimensions: number;
  policy: EmbeddingRequestPolicy;
  labels: ProviderLabels;
  hooks?: RetryHooks;
}

export function createRemoteEmbedder(options: RemoteEmbedderOptions): Embedder {
  const breaker = circuitBreaker(options.policy.circuitBreakMs);
  return {
    provider: options.provider,
    model: options.model,
    dimensions: options.dimensions,
    embed: (texts) => breaker.run(() => embedAll(texts, options)),
  };
}

/**
 * Once a call has failed for good with a transient failure (the retries are spent: the provider is down or
 * throttling hard), further calls fail at once until `breakMs` has passed; then one is let through again.
 * During an outage every submit then matches degraded at once instead of waiting out the retries again.
 */
function circuitBreaker(breakMs: number) {
  let openUntil = 0;
  let cause = '';
  return {
    async run<T>(call: () => Promise<T>): Promise<T> {
      const now = Date.now();
      if (now < openUntil) {
        throw new EmbeddingProviderError('unavailable', `${cause}; not tried again for another ${Math.ceil((openUntil - now) / 1000)} s (EMBEDDING_CIRCUIT_BREAK_MS)`);
      }
      try {
        return await call();
      } catch (error) {
        if (breakMs > 0 && error instanceof EmbeddingProviderError && error.retryable) {
          openUntil = Date.now() + breakMs;
          cause = error.message;
        }
        throw error;
      }
    },
  };
}

async function embedAll(texts: string[], options: RemoteEmbedderOptions): Promise<number[][]> {
  const vectors: number[][] = new Array(texts.length);
  // Providers refuse empty inputs; a blank text gets the zero vector, as the local embedder gives it.
  const sent: number[] = [];
  texts.forEach((text, index) => {
    if (text.trim() === '') vectors[index] = new Array<number>(options.dimensions).fill(0);
    else sent.push(index);
  });
  const plan = planRequests(sent.map((index) => texts[index]), options.policy);
  const limit = pLimit(options.policy.concurrency);
  const onRetry: RetryHooks['onRetry'] = (info) =>
    logger().warn({ provider: options.provider, model: options.model, attempt: info.attempt, delayMs: Math.round(info.delayMs), reason: info.error.kind }, 'embedding request failed; retrying');
  try {
    await Promise.all(
      plan.map((request) =>
        limit(async () => {
          const replyVectors = await withRetries(
            () => sendRequest(request.inputs, options),
            (error) => classifyOpenAIError(error, options.labels, options.policy.timeoutMs),
            options.policy,
            { onRetry, ...options.hooks },
          );
          request.indexes.forEach((planned, position) => {
            vectors[sent[planned]] = replyVectors[position];
          });
        }),
      ),
    );
  } finally {
    // One request failed for good: the others queued behind it would be wasted work.
    limit.clearQueue();
  }
  return vectors;
}

async function sendRequest(inputs: string[], options: RemoteEmbedderOptions): Promise<number[][]> {
  const reply: unknown = await options.client.embeddings.create(
    // base64 is a quarter of the JSON size of floats; asked for explicitly, the SDK hands it over undecoded
    // and readReply decodes it — and also accepts float arrays from servers that ignore the format.
    { model: options.requestModel, input: inputs, encoding_format: 'base64', ...(options.sendDimensions ? { dimensions: options.dimensions } : {}) },
    { timeout: options.policy.timeoutMs, maxRetries: 0 },
  );
  return readReply(reply, inputs.length, options);
}

function malformed(options: RemoteEmbedderOptions, problem: string): EmbeddingProviderError {
  return new EmbeddingProviderError('malformed_reply', `${options.labels.provider} embeddings (${options.model}): malformed reply from ${options.labels.baseURL}: ${problem}`);
}

function decodeEmbedding(raw: unknown): number[] | undefined {
  if (typeof raw === 'string') {
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.length % 4 !== 0) return undefined;
    return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4));
  }
  if (Array.isArray(raw) && raw.every((value) => typeof value === 'number')) return raw as number[];
  if (raw instanceof Float32Array) return Array.from(raw);
  return undefined;
}

/** The vectors of a reply, in input order; refuses anything that is not exactly one 1536-d vector per input. */
export function readReply(reply: unknown, expected: number, options: RemoteEmbedderOptions): number[][] {
  const data = (reply as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw malformed(options, 'no "data" array');
  if (data.length !== expected) throw malformed(options, `${data.length} embeddings for ${expected} inputs`);
  const vectors: number[][] = new Array(expected);
  data.forEach((item: { index?: unknown; embedding?: unknown }, position) => {
    const index = typeof item?.index === 'number' ? item.index : position;
    if (!Number.isInteger(index) || index < 0 || index >= expected || vectors[index]) throw malformed(options, `bad or repeated index ${String(item?.index)}`);
    const vector = decodeEmbedding(item?.embedding);
    if (!vector) throw malformed(options, `embedding ${index} is neither base64 float32 nor a number array`);
    if (vector.length !== options.dimensions) {
      throw new EmbeddingProviderError(
        'wrong_dimensions',
        `${options.labels.provider} model "${options.model}" returned ${vector.length}-dimensional vectors; the database stores ${options.dimensions}. ` +
          `Use a model that can shorten its vectors (text-embedding-3-small/-large) with EMBEDDING_SEND_DIMENSIONS=true, or one that is ${options.dimensions}-dimensional natively (text-embedding-ada-002), via ${options.labels.modelVariable}.`,
      );
    }
    if (!vector.every(Number.isFinite)) throw malformed(options, `embedding ${index} holds a non-finite number`);
    vectors[index] = vector;
  });
  return vectors;
}
