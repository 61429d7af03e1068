import { describe, expect, it } from 'vitest';
import { countsByKey, dailySeries, sum, utcDays, windowStart } from './dashboard-series';

describe('windowStart', () => {
  it.each([
    ['2025-03-10T23:59:00Z', 1, '2025-03-10T00:00:00.000Z'],
    ['2025-03-10T00:00:00Z', 7, '2025-03-04T00:00:00.000Z'],
    ['2025-03-01T12:00:00Z', 3, '2025-02-27T00:00:00.000Z'],
    ['2024-03-01T12:00:00Z', 3, '2024-02-28T00:00:00.000Z'],
  ])('at %s over %i days starts %s', (now, days, expected) => {
    expect(windowStart(new Date(now), days).toISOString()).toBe(expected);
  });
});

describe('utcDays', () => {
  it('lists every day of the window across a month end', () => {
    expect(utcDays(new Date('2025-02-27T00:00:00Z'), 4)).toEqual(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
  });
});

describe('countsByKey', () => {
  it('fills missing keys with zero, adds repeats and ignores unknown keys', () => {
    const counts = countsByKey(['exact', 'high', 'low'] as const, [
      { key: 'high', count: 2 },
      { key: 'high', count: 3 },
      { key: 'bogus', count: 9 },
    ]);
    expect(counts).toEqual({ exact: 0, high: 5, low: 0 });
    expect(sum(counts)).toBe(5);
  });
});

describe('dailySeries', () => {
  it('has one entry per day in order, zeros where nothing happened, and drops rows outside the window', () => {
    const series = dailySeries(['2025-03-01', '2025-03-02', '2025-03-03'], ['accept', 'reject'] as const, [
      { day: '2025-03-03', key: 'accept', count: 4 },
      { day: '2025-03-01', key: 'reject', count: 1 },
      { day: '2025-02-28', key: 'accept', count: 7 },
    ]);
    expect(series).toEqual([
      { day: '2025-03-01', accept: 0, reject: 1 },
      { day: '2025-03-02', accept: 0, reject: 0 },
      { day: '2025-03-03', accept: 4, reject: 0 },
    ]);
  });
});
