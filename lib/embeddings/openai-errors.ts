// Turns what the openai SDK throws into EmbeddingProviderError with a message that says what to fix.
// Messages name variables, models and status codes — never a key or a request body.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { EmbeddingProviderError } from './errors';
import { serverRetryAfterMs } from './retry';

/** What to name in messages: the provider, its model, and the variables a user would change. */
export interface ProviderLabels {
  provider: string;
  model: string;
  credentialsHint: string;
  modelVariable: string;
  baseURL: string;
}

/** Short, single-line excerpt of a server's error message (they can be long HTML pages from proxies). */
function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = typeof body?.message === 'string' ? body.message : '';
  return text ? `: ${text.replace(/\s+/g, ' ').slice(0, 200)}` : '';
}

export function classifyOpenAIError(thrown: unknown, labels: ProviderLabels, timeoutMs: number): { error: EmbeddingProviderError; retryAfterMs?: number } {
  if (thrown instanceof EmbeddingProviderError) return { error: thrown };
  const who = `${labels.provider} embeddings (${labels.model})`;
  if (thrown instanceof APIConnectionTimeoutError) {
    return { error: new EmbeddingProviderError('timeout', `${who} did not answer within ${timeoutMs} ms (EMBEDDING_TIMEOUT_MS)`, true) };
  }
  if (thrown instanceof APIConnectionError) {
    const cause = thrown.cause instanceof Error ? `: ${thrown.cause.message}` : '';
    return { error: new EmbeddingProviderError('connection', `${who}: could not reach ${labels.baseURL}${cause}`, true) };
  }
  if (thrown instanceof APIError) {
    const status = thrown.status ?? 0;
    const detail = serverMessage(thrown);
    const retryAfterMs = serverRetryAfterMs(thrown.headers);
    if (status === 401) return { error: new EmbeddingProviderError('authentication', `${who}: the credentials were refused (401); check ${labels.credentialsHint}`) };
    if (status === 403) return { error: new EmbeddingProviderError('authentication', `${who}: not permitted (403)${detail}; check ${labels.credentialsHint}`) };
    if (status === 404) return { error: new EmbeddingProviderError('not_found', `${who}: model or deployment not found (404)${detail}; check ${labels.modelVariable}`) };
    if (status === 429) return { error: new EmbeddingProviderError('rate_limited', `${who}: rate limited (429)${detail}`, true), retryAfterMs };
    if (status === 408 || status === 409 || status >= 500) {
      return { error: new EmbeddingProviderError('unavailable', `${who}: the service answered ${status}${detail}`, true), retryAfterMs };
    }
    return { error: new EmbeddingProviderError('bad_request', `${who}: the request was refused (${status})${detail}`) };
  }
  // A reply the SDK could not parse (not JSON, truncated body, …).
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return { error: new EmbeddingProviderError('malformed_reply', `${who}: unreadable reply from ${labels.baseURL}: ${reason.slice(0, 200)}`) };
}
