// Free-text search relevance: the share of the query's meaningful words that the record contains.
// "Acme technology company in New York" covers a New York technology customer called Acme fully.
import { cleanText, words } from './normalize/text';

/** Words that carry no information in a customer search. */
const QUERY_STOPWORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'the', 'to', 'with', 'company', 'companies', 'customer', 'customers']);

export function queryTerms(query: string): string[] {
  return [...new Set(words(cleanText(query)).filter((word) => word.length >= 2 && !QUERY_STOPWORDS.has(word)))];
}

/** 0..1: matched query terms / query terms (0 when the query has no meaningful term). */
export function queryCoverage(terms: readonly string[], recordText: string | null): number {
  if (terms.length === 0 || !recordText) return 0;
  const present = new Set(words(cleanText(recordText)));
  return terms.filter((term) => present.has(term)).length / terms.length;
}
