// Free-text customer search: nearest neighbours on both embeddings plus trigram word similarity on the
// search text, each an index lookup with a limit.
import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { queryRows } from '../rows';

export interface SearchHit {
  id: number;
  similarity: number;
}

export async function searchCustomerIds(db: Database, queryText: string, embedding: number[], limit: number, efSearch: number): Promise<SearchHit[]> {
  const vector = sql`${`[${embedding.join(',')}]`}::vector`;
  return db.transaction(async (tx) => {
    // As in candidate generation: index lookups only, never a sequential scan of the table.
    await tx.execute(sql`select set_config('hnsw.ef_search', ${String(efSearch)}, true), set_config('enable_seqscan', 'off', true)`);
    const rows = await queryRows<{ id: number | string; similarity: number | string }>(
      tx as unknown as Database,
      sql`(select id, 1 - (company_name_embedding <=> ${vector}) as similarity from customers order by company_name_embedding <=> ${vector} limit ${limit})
          union all
          (select id, 1 - (full_profile_embedding <=> ${vector}) as similarity from customers order by full_profile_embedding <=> ${vector} limit ${limit})
          union all
          (select id, word_similarity(${queryText}, search_text) as similarity from customers
           where ${queryText} <% search_text order by word_similarity(${queryText}, search_text) desc limit ${limit})`,
    );
    const best = new Map<number, number>();
    for (const row of rows) {
      const id = Number(row.id);
      best.set(id, Math.max(best.get(id) ?? 0, Number(row.similarity)));
    }
    return [...best.entries()].map(([id, similarity]) => ({ id, similarity })).sort((a, b) => b.similarity - a.similarity || a.id - b.id);
  });
}
