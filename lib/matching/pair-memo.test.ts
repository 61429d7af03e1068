import { describe, expect, it } from 'vitest';
import { memoizedPairs } from './pair-memo';

describe('memoizedPairs', () => {
  it('asks each unordered pair once and gives (j, i) the answer of (i, j)', () => {
    const asked: Array<[number, number]> = [];
    const conflict = memoizedPairs((i, j) => {
      asked.push([i, j]);
      return i + j === 3;
    });
    expect(conflict(1, 2)).toBe(true);
    expect(conflict(2, 1)).toBe(true);
    expect(conflict(0, 2)).toBe(false);
    expect(conflict(2, 0)).toBe(false);
    expect(asked).toEqual([[1, 2], [0, 2]]);
  });
});
