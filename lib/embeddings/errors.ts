// One error for every way a remote embedding provider can fail. It is an AppError (503) so an API call
// that needs an embedding answers "service unavailable" with the reason, never a bare 500; matching
// catches it to run degraded on exact keys and trigrams instead.
import { AppError } from '../errors';

export type EmbeddingFailureKind =
  | 'configuration'
  | 'authentication'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'connection'
  | 'bad_request'
  | 'malformed_reply'
  | 'wrong_dimensions';

export class EmbeddingProviderError extends AppError {
  constructor(
    readonly kind: EmbeddingFailureKind,
    message: string,
    /** Whether another attempt may succeed (rate limits, 5xx, timeouts, dropped connections). */
    readonly retryable = false,
  ) {
    super('service_unavailable', message);
    this.name = 'EmbeddingProviderError';
  }
}

export const isEmbeddingProviderError = (error: unknown): error is EmbeddingProviderError => error instanceof EmbeddingProviderError;
