// Builds an embedder for a provider from the parsed environment: OpenAI, Azure OpenAI (API key or
// Microsoft Entra ID) and any OpenAI-compatible server, all through the openai SDK with its own retries
// off (our policy in remote.ts is the one in force).
import OpenAI, { AzureOpenAI } from 'openai';
import { EMBEDDING_DIMENSIONS } from '../domain/embedding';
import { embeddingConfigProblems, EnvError, type EmbeddingProviderName, type Env } from '../env';
import { EmbeddingProviderError } from './errors';
import { createLocalEmbedder } from './local';
import { createRemoteEmbedder } from './remote';
import type { RetryHooks } from './retry';
import type { Embedder, EmbeddingRequestPolicy } from './types';

const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const AZURE_COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';
/** Servers without keys still get an Authorization header from the SDK; this placeholder is not a secret. */
const NO_KEY = 'no-key';

/** Back-off steps: 0.5 s doubling to 20 s; a server's Retry-After is honoured up to a minute. */
const RETRY_TIMING = { retryBaseDelayMs: 500, retryMaxDelayMs: 20_000, retryAfterCapMs: 60_000 };

export type EmbeddingEnv = Pick<
  Env,
  | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_EMBEDDING_MODEL' | 'AZURE_OPENAI_ENDPOINT' | 'AZURE_OPENAI_API_KEY'
  | 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT' | 'AZURE_OPENAI_DEPLOYMENT_NAME' | 'AZURE_OPENAI_API_VERSION' | 'EMBEDDING_SEND_DIMENSIONS'
  | 'EMBEDDING_BATCH_SIZE' | 'EMBEDDING_MAX_TOKENS_PER_REQUEST' | 'EMBEDDING_MAX_TOKENS_PER_INPUT' | 'EMBEDDING_CONCURRENCY'
  | 'EMBEDDING_MAX_RETRIES' | 'EMBEDDING_TIMEOUT_MS' | 'EMBEDDING_CIRCUIT_BREAK_MS'
>;

export interface EmbedderOverrides {
  policy?: Partial<EmbeddingRequestPolicy>;
  hooks?: RetryHooks;
}

export function requestPolicy(config: EmbeddingEnv, overrides: Partial<EmbeddingRequestPolicy> = {}): EmbeddingRequestPolicy {
  return {
    maxInputsPerRequest: config.EMBEDDING_BATCH_SIZE,
    maxTokensPerRequest: config.EMBEDDING_MAX_TOKENS_PER_REQUEST,
    maxTokensPerInput: config.EMBEDDING_MAX_TOKENS_PER_INPUT,
    concurrency: config.EMBEDDING_CONCURRENCY,
    maxRetries: config.EMBEDDING_MAX_RETRIES,
    timeoutMs: config.EMBEDDING_TIMEOUT_MS,
    circuitBreakMs: config.EMBEDDING_CIRCUIT_BREAK_MS,
    ...RETRY_TIMING,
    ...overrides,
  };
}

/** text-embedding-3-* shorten to any size on request; ada-002 and most other models refuse `dimensions`. */
export function sendsDimensions(setting: EmbeddingEnv['EMBEDDING_SEND_DIMENSIONS'], modelOrDeployment: string): boolean {
  if (setting !== 'auto') return setting === 'true';
  return /^text-embedding-3-/i.test(modelOrDeployment);
}

/** Entra ID bearer tokens, loading @azure/identity only when a key-less Azure setup first needs one. */
function entraIdTokenProvider(): () => Promise<string> {
  let provider: Promise<() => Promise<string>> | undefined;
  return async () => {
    try {
      provider ??= import('@azure/identity').then(({ DefaultAzureCredential, getBearerTokenProvider }) =>
        getBearerTokenProvider(new DefaultAzureCredential(), AZURE_COGNITIVE_SERVICES_SCOPE),
      );
      return await (await provider)();
    } catch (error) {
      provider = undefined;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new EmbeddingProviderError(
        'authentication',
        `azure embeddings: no Microsoft Entra ID token (AZURE_OPENAI_API_KEY is unset, so DefaultAzureCredential was used): ${reason.slice(0, 200)}. ` +
          'Set AZURE_OPENAI_API_KEY, or give this identity (managed identity, az login, AZURE_CLIENT_ID/…) the "Cognitive Services OpenAI User" role.',
      );
    }
  };
}

function openAIEmbedder(provider: 'openai' | 'openai-compatible', config: EmbeddingEnv, overrides: EmbedderOverrides): Embedder {
  const policy = requestPolicy(config, overrides.policy);
  const baseURL = config.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
  const model = config.OPENAI_EMBEDDING_MODEL;
  const client = new OpenAI({ apiKey: config.OPENAI_API_KEY ?? NO_KEY, baseURL, maxRetries: 0, timeout: policy.timeoutMs });
  return createRemoteEmbedder({
    provider,
    model,
    requestModel: model,
    client,
    sendDimensions: sendsDimensions(config.EMBEDDING_SEND_DIMENSIONS, model),
    dimensions: EMBEDDING_DIMENSIONS,
    policy,
    labels: { provider, model, baseURL, credentialsHint: 'OPENAI_API_KEY', modelVariable: 'OPENAI_EMBEDDING_MODEL' },
    hooks: overrides.hooks,
  });
}

function azureEmbedder(config: EmbeddingEnv, overrides: EmbedderOverrides): Embedder {
  const policy = requestPolicy(config, overrides.policy);
  const deployment = config.AZURE_OPENAI_EMBEDDING_DEPLOYMENT ?? config.AZURE_OPENAI_DEPLOYMENT_NAME;
  // baseURL, not `endpoint`: the SDK would otherwise also read OPENAI_BASE_URL and refuse both being set.
  const baseURL = `${config.AZURE_OPENAI_ENDPOINT!.replace(/\/+$/, '')}/openai`;
  const credentials = config.AZURE_OPENAI_API_KEY ? { apiKey: config.AZURE_OPENAI_API_KEY } : { azureADTokenProvider: entraIdTokenProvider() };
  const client = new AzureOpenAI({ baseURL, deployment, apiVersion: config.AZURE_OPENAI_API_VERSION, ...credentials, maxRetries: 0, timeout: policy.timeoutMs });
  // A deployment name says nothing certain about the model behind it, so the stored identity names the deployment.
  const model = `azure/${deployment}`;
  return createRemoteEmbedder({
    provider: 'azure',
    model,
    requestModel: deployment,
    client,
    sendDimensions: sendsDimensions(config.EMBEDDING_SEND_DIMENSIONS, deployment),
    dimensions: EMBEDDING_DIMENSIONS,
    policy,
    labels: {
      provider: 'azure',
      model,
      baseURL,
      credentialsHint: config.AZURE_OPENAI_API_KEY ? 'AZURE_OPENAI_API_KEY' : 'the Entra ID identity (role "Cognitive Services OpenAI User") or set AZURE_OPENAI_API_KEY',
      modelVariable: 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT',
    },
    hooks: overrides.hooks,
  });
}

/** The embedder for `provider`; throws EnvError naming the variable to set when one is missing. */
export function createEmbedder(provider: EmbeddingProviderName, config: EmbeddingEnv, overrides: EmbedderOverrides = {}): Embedder {
  const problems = embeddingConfigProblems(provider, config);
  if (problems.length > 0) throw new EnvError(problems.map((problem) => `${problem.variable}: ${problem.message}`));
  switch (provider) {
    case 'local':
      return createLocalEmbedder();
    case 'openai':
    case 'openai-compatible':
      return openAIEmbedder(provider, config, overrides);
    case 'azure':
      return azureEmbedder(config, overrides);
  }
}
