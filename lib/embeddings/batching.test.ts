import { describe, expect, it } from 'vitest';
import { estimateTokens, planRequests, truncateToTokens } from './batching';

describe('estimateTokens', () => {
  it.each([
    ['', 0],
    ['abc', 1],
    ['abcd', 2],
    ['a'.repeat(300), 100],
    ['東京都', 3], // 9 UTF-8 bytes: one token per CJK character
  ])('%j → %i', (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });
});

describe('truncateToTokens', () => {
  it('keeps texts within the limit and cuts longer ones to the longest fitting prefix', () => {
    expect(truncateToTokens('short', 10)).toBe('short');
    expect(truncateToTokens('a'.repeat(100), 10)).toBe('a'.repeat(30));
    expect(truncateToTokens('東京都庁舎', 3)).toBe('東京都');
  });

  it('never splits a surrogate pair', () => {
    // 6 bytes allowed: "abc" plus a lone high surrogate (3 bytes as U+FFFD) would fit, but is half a character.
    expect(truncateToTokens('abc😀😀', 2)).toBe('abc');
    expect(truncateToTokens('😀😀', 2)).toBe('😀');
  });
});

describe('planRequests', () => {
  const limits = { maxInputsPerRequest: 3, maxTokensPerRequest: 10, maxTokensPerInput: 4 };

  it('fills requests up to the input count, in order, keeping the caller positions', () => {
    const plan = planRequests(['a', 'b', 'c', 'd', 'e'], limits);
    expect(plan.map((request) => request.indexes)).toEqual([[0, 1, 2], [3, 4]]);
    expect(plan.map((request) => request.inputs)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('closes a request before the token budget is exceeded and truncates long inputs', () => {
    // Each 9-character text is 3 tokens; 3 + 3 + 3 = 9 ≤ 10, but the input cap is 3 per request anyway.
    // With a budget of 7, two fit.
    const plan = planRequests(['x'.repeat(9), 'y'.repeat(9), 'z'.repeat(9), 'w'.repeat(100)], { ...limits, maxTokensPerRequest: 7 });
    expect(plan.map((request) => request.indexes)).toEqual([[0, 1], [2, 3]]);
    expect(plan[1].inputs[1]).toBe('w'.repeat(12));
    expect(plan.every((request) => request.estimatedTokens <= 7)).toBe(true);
  });

  it('gives no requests for no texts', () => {
    expect(planRequests([], limits)).toEqual([]);
  });
});
