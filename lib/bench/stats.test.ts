import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    [0.5, 50],
    [0.95, 95],
    [0.99, 99],
    [1, 100],
    [0, 1],
  ])('q=%s of 1..100 is %s', (q, expected) => expect(percentile(sorted, q)).toBe(expected));

  it('takes the single value of a one-element list for every q', () => {
    expect([0.5, 0.95, 0.99].map((q) => percentile([7], q))).toEqual([7, 7, 7]);
  });

  it('is NaN for no values', () => expect(percentile([], 0.5)).toBeNaN());
});

describe('summarize', () => {
  it('sorts before ranking and reports mean and max', () => {
    expect(summarize([30, 10, 20, 40])).toEqual({ count: 4, mean: 25, p50: 20, p95: 40, p99: 40, max: 40 });
  });
});
