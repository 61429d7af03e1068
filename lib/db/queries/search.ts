// Free-text customer search: nearest neighbours on both embeddings plus, per query term, trigram word
// similarity on the search text; each an index lookup with a limit.
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { queryRows } from '../rows';

export interface SearchHit {
  id: number;
  /** Best cosine of the name and profile embeddings against the query (0 when not found that way). */
  embeddingSimilarity: number;
  /** Per query term, its best trigram word similarity in the search text (empty when not found that way). */
  termSimilarities: number[];
}

/** Lower than pg_trgm's 0.6 so a misspelt word ("partnres") still selects its record. */
const TERM_SIMILARITY_THRESHOLD = 0.5;

/** `terms`: per query term its alternative forms (the word and its stem); a term scores its best form. */
export async function searchCustomerIds(db: Database, terms: ReadonlyArray<readonly string[]>, embedding: number[], limit: number, efSearch: number): Promise<SearchHit[]> {
  const vector = sql`${`[${embedding.join(',')}]`}::vector`;
  const similarities = terms.map((forms) => sql`greatest(${sql.join(forms.map((form) => sql`word_similarity(${form}, search_text)`), sql`, `)})`);
  const termBranch =
    terms.length === 0
      ? sql``
      : sql`union all
          (select id, 0 as similarity, array[${sql.join(similarities, sql`, `)}]::real[] as terms from customers
           where ${sql.join(terms.flat().map((form) => sql`${form} <% search_text`), sql` or `)}
           order by ${sql.join(similarities, sql` + `)} desc limit ${limit})`;
  return db.transaction(async (tx) => {
    // As in candidate generation: index lookups only, never a sequential scan of the table.
    await tx.execute(
      sql`select set_config('hnsw.ef_search', ${String(efSearch)}, true), set_config('enable_seqscan', 'off', true),
                 set_config('pg_trgm.word_similarity_threshold', ${String(TERM_SIMILARITY_THRESHOLD)}, true)`,
    );
    const rows = await queryRows<{ id: number | string; similarity: number | string; terms: Array<number | string> | null }>(
      tx as unknown as Database,
      sql`(select id, 1 - (company_name_embedding <=> ${vector}) as similarity, null::real[] as terms from customers order by company_name_embedding <=> ${vector} limit ${limit})
          union all
          (select id, 1 - (full_profile_embedding <=> ${vector}) as similarity, null::real[] as terms from customers order by full_profile_embedding <=> ${vector} limit ${limit})
          ${termBranch}`,
    );
    const hits = new Map<number, SearchHit>();
    for (const row of rows) {
      const id = Number(row.id);
      const hit = hits.get(id) ?? { id, embeddingSimilarity: 0, termSimilarities: [] };
      hit.embeddingSimilarity = Math.max(hit.embeddingSimilarity, Number(row.similarity));
      if (row.terms) hit.termSimilarities = row.terms.map(Number);
      hits.set(id, hit);
    }
    return [...hits.values()];
  });
}
