// Free-text search terms: the query's meaningful words, each with its stem so that "brewery" finds
// "brewing" and "brews", and the relevance of a record as the mean of its best match per term.
import { cleanText, words } from './normalize/text';

/** Words that carry no information in a customer search. */
const QUERY_STOPWORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'the', 'to', 'with', 'company', 'companies', 'customer', 'customers']);

/** Longest first; a stem keeps at least three letters so short words are left whole. */
const SUFFIXES = ['eries', 'ings', 'ery', 'ing', 'ies', 'ers', 'er', 'es', 'ed', 's'];
const MIN_STEM = 3;
/** Terms searched at most: each is one index condition. */
export const MAX_QUERY_TERMS = 8;
/** A term's trigram word similarity below this is chance overlap, not the word misspelt. */
export const MIN_TERM_SIMILARITY = 0.5;

export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** One query term: the word as written and, when it differs, its stem (a record may hold either form). */
export type QueryTerm = readonly string[];

export function queryTerms(query: string): QueryTerm[] {
  const meaningful = [...new Set(words(cleanText(query)).filter((word) => word.length >= 2 && !QUERY_STOPWORDS.has(word)))];
  return meaningful.slice(0, MAX_QUERY_TERMS).map((word) => [...new Set([word, stem(word)])]);
}

/**
 * 0..1 from each term's best trigram word similarity in the record (1 when the stem is there as
 * written): the mean, with chance overlaps counted as 0. "Gislasen Partnres" still finds Gislason Partners.
 */
export function termRelevance(termSimilarities: readonly number[]): number {
  if (termSimilarities.length === 0) return 0;
  const counted = termSimilarities.map((similarity) => (similarity >= MIN_TERM_SIMILARITY ? Math.min(1, similarity) : 0));
  return counted.reduce((sum, similarity) => sum + similarity, 0) / counted.length;
}
