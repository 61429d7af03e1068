import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, queryTerms, stem, termRelevance } from './query-coverage';

describe('queryTerms', () => {
  it('ignores stopwords and repeated words, folds case and accents', () => {
    expect(queryTerms('The Müller company in München, München')).toEqual([['muller', 'mull'], ['munchen']]);
  });

  it('reduces words to one stem so a brewery finds a brewing company', () => {
    expect(queryTerms('craft brewery in Philadelphia')).toEqual([['craft'], ['brewery', 'brew'], ['philadelphia']]);
    expect(['brewery', 'brewing', 'brews', 'breweries'].map(stem)).toEqual(['brew', 'brew', 'brew', 'brew']);
  });

  it('leaves short words whole and keeps at most a bounded number of terms', () => {
    expect(['gas', 'bus', 'red'].map(stem)).toEqual(['gas', 'bus', 'red']);
    expect(queryTerms('alpha beta gamma delta epsilon zeta theta iota kappa lambda')).toHaveLength(MAX_QUERY_TERMS);
    expect(queryTerms('in the of')).toEqual([]);
  });
});

describe('termRelevance', () => {
  it.each([
    [[1, 1, 1], 1],
    [[1, 0.8, 1], 2.8 / 3],
    [[0.67, 0.56], 0.615],
    [[1, 0.3], 0.5],
    [[], 0],
  ])('%j → %d', (similarities, expected) => {
    expect(termRelevance(similarities)).toBeCloseTo(expected, 6);
  });
});
