// The retry policy for remote embedding requests: exponential back-off with jitter, and the server's own
// Retry-After / retry-after-ms when it sends one. The SDK's retries are switched off so this is the only
// policy in force, and it is testable with an injected clock.
import { EmbeddingProviderError } from './errors';

export interface RetryTiming {
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  retryAfterCapMs: number;
}

/** The wait a server asks for, in ms: retry-after-ms (OpenAI/Azure) first, then Retry-After in seconds or as an HTTP date. */
export function serverRetryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const retryAfter = headers.get('retry-after');
  if (!retryAfter) return undefined;
  const seconds = Number.parseFloat(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Wait before retry number `attempt` (0-based): the server's hint when given (capped), else "equal
 * jitter" — half the exponential step plus a random share of the other half, so clients that failed
 * together do not retry together, yet the wait never collapses to zero.
 */
export function retryDelayMs(attempt: number, timing: RetryTiming, serverHintMs?: number, random: () => number = Math.random): number {
  if (serverHintMs !== undefined) return Math.min(serverHintMs, timing.retryAfterCapMs);
  const step = Math.min(timing.retryMaxDelayMs, timing.retryBaseDelayMs * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: EmbeddingProviderError }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or maxRetries retries are spent.
 * `classify` turns whatever was thrown into an EmbeddingProviderError plus the server's wait hint.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  classify: (error: unknown) => { error: EmbeddingProviderError; retryAfterMs?: number },
  options: RetryTiming & { maxRetries: number },
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = hooks.sleep ?? defaultSleep;
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (thrown) {
      const { error, retryAfterMs } = classify(thrown);
      if (!error.retryable || retry >= options.maxRetries) {
        if (error.retryable && retry > 0) error.message = `${error.message} (gave up after ${retry + 1} attempts)`;
        throw error;
      }
      const delayMs = retryDelayMs(retry, options, retryAfterMs, hooks.random);
      hooks.onRetry?.({ attempt: retry + 1, delayMs, error });
      await sleep(delayMs);
    }
  }
}
