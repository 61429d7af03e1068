import { describe, expect, it } from 'vitest';
import { EmbeddingProviderError } from './errors';
import { retryDelayMs, serverRetryAfterMs, withRetries } from './retry';

const headers = (values: Record<string, string>) => new Headers(values);
const timing = { retryBaseDelayMs: 100, retryMaxDelayMs: 1000, retryAfterCapMs: 5000, maxRetries: 3 };

describe('serverRetryAfterMs', () => {
  it('prefers retry-after-ms, then Retry-After seconds, then an HTTP date', () => {
    expect(serverRetryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(serverRetryAfterMs(headers({ 'retry-after': '1.5' }))).toBe(1500);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(serverRetryAfterMs(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(serverRetryAfterMs(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(serverRetryAfterMs(undefined)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('doubles per attempt up to the maximum with equal jitter', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, timing, undefined, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, timing, undefined, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('takes the server hint, capped', () => {
    expect(retryDelayMs(0, timing, 1200)).toBe(1200);
    expect(retryDelayMs(0, timing, 60_000)).toBe(5000);
  });
});

describe('withRetries', () => {
  const transient = () => ({ error: new EmbeddingProviderError('unavailable', 'down', true) });
  const permanent = () => ({ error: new EmbeddingProviderError('bad_request', 'no') });

  it('retries retryable failures and returns the first success', async () => {
    let calls = 0;
    const waits: number[] = [];
    const result = await withRetries(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('flaky');
        return 'ok';
      },
      transient,
      timing,
      { sleep: async (ms) => void waits.push(ms), random: () => 0 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([50, 100]);
  });

  it('stops at once on a permanent failure and after maxRetries on a transient one', async () => {
    let calls = 0;
    const fail = async () => {
      calls += 1;
      throw new Error('x');
    };
    await expect(withRetries(fail, permanent, timing, { sleep: async () => {} })).rejects.toThrow('no');
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetries(fail, transient, timing, { sleep: async () => {} })).rejects.toThrow('down (gave up after 4 attempts)');
    expect(calls).toBe(4);
  });
});
