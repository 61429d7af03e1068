import { describe, expect, it } from 'vitest';
import { queryCoverage, queryTerms } from './query-coverage';

describe('queryCoverage', () => {
  const acme = 'acme corporation john smith john.smith@acme.com new york usa technology www.acme.com';

  it.each([
    ['Acme technology company in New York', 1],
    ['Acme Corporation New York', 1],
    ['acme labs boston', 1 / 3],
    ['qqqq zzzz', 0],
    ['in the of', 0],
  ])('%s covers %d of the record', (query, expected) => {
    expect(queryCoverage(queryTerms(query), acme)).toBeCloseTo(expected, 6);
  });

  it('ignores stopwords and repeated words, folds case and accents', () => {
    expect(queryTerms('The Müller company in München, München')).toEqual(['muller', 'munchen']);
  });
});
