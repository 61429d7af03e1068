// searchCustomers: the seed's free-text search, hybrid. Similarity is the better of the embeddings'
// cosine and the query terms' relevance (each term's trigram match in names, places, industry and
// description), in [0, 1]: the local embedder knows no meaning, the words still find the record.
import { findCustomersByIds } from '../db/queries/customers';
import { searchCustomerIds } from '../db/queries/search';
import type { Customer } from '../db/schema';
import { getEmbedder } from '../embeddings';
import { embeddingTexts } from '../matching/normalize/record';
import { queryTerms, termRelevance } from '../matching/query-coverage';
import type { SearchInput } from '../schemas/search';
import { readDatabase, type ServiceContext } from './context';
import { matchSettings } from './matching-settings';

export interface SearchResult {
  customer: Customer;
  similarityScore: number;
}

/** Candidates fetched per channel before the threshold: a few times the page so the threshold has room. */
const OVERFETCH = 4;

export async function searchCustomers(ctx: ServiceContext, input: SearchInput): Promise<SearchResult[]> {
  const text = embeddingTexts({ companyName: input.query_text }).companyName || input.query_text.toLowerCase();
  const [embedding] = await getEmbedder().embed([text]);
  const db = await readDatabase(ctx);
  const hits = await searchCustomerIds(db, queryTerms(input.query_text), embedding, input.max_results * OVERFETCH, matchSettings().limits.efSearch.profile);
  if (hits.length === 0) return [];
  const rows = await findCustomersByIds(db, hits.map((hit) => hit.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return hits
    .flatMap((hit) => {
      const customer = byId.get(hit.id);
      if (!customer) return [];
      const similarityScore = Math.min(1, Math.max(0, hit.embeddingSimilarity, termRelevance(hit.termSimilarities)));
      return [{ customer, similarityScore }];
    })
    .filter((result) => result.similarityScore >= input.similarity_threshold)
    .sort((a, b) => b.similarityScore - a.similarityScore || a.customer.id - b.customer.id)
    .slice(0, input.max_results);
}
