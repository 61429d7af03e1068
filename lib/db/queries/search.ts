// Free-text customer search: nearest neighbours on both embeddings plus, per query term, trigram word
// similarity on the search text; each an index lookup with a limit.
import { sql, type SQL } from 'drizzle-orm';
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

/** A query term is present when any of its forms (the word, its stem) is, by trigram word similarity. */
function termPresent(forms: readonly string[]): SQL {
  return sql`(${sql.join(forms.map((form) => sql`${form} <% search_text`), sql` or `)})`;
}

/**
 * The term lookups: records holding every term, then — when those are fewer than the limit — records
 * holding all terms but one, once per term left out. No ORDER BY: a common word ("consulting") is in a
 * share of the whole table, and ranking all of it took seconds at 100k; a conjunction is selective and
 * LIMIT stops the scan early. The per-term similarities are computed for the rows returned only.
 */
function termLookups(terms: ReadonlyArray<readonly string[]>, limit: number): { all: SQL; allButOne: SQL[] } {
  const similarities = sql`array[${sql.join(
    terms.map((forms) => sql`greatest(${sql.join(forms.map((form) => sql`word_similarity(${form}, search_text)`), sql`, `)})`),
    sql`, `,
  )}]::real[]`;
  const lookup = (present: ReadonlyArray<readonly string[]>) =>
    sql`(select id, 0 as similarity, ${similarities} as terms from customers where ${sql.join(present.map(termPresent), sql` and `)} limit ${limit})`;
  return {
    all: lookup(terms),
    allButOne: terms.length < 2 ? [] : terms.map((_, left) => lookup(terms.filter((__, index) => index !== left))),
  };
}

/** `terms`: per query term its alternative forms (the word and its stem); a term scores its best form. */
export async function searchCustomerIds(db: Database, terms: ReadonlyArray<readonly string[]>, embedding: number[], limit: number, efSearch: number): Promise<SearchHit[]> {
  const vector = sql`${`[${embedding.join(',')}]`}::vector`;
  return db.transaction(async (tx) => {
    // As in candidate generation: index lookups only, never a sequential scan of the table.
    await tx.execute(
      sql`select set_config('hnsw.ef_search', ${String(efSearch)}, true), set_config('enable_seqscan', 'off', true),
                 set_config('pg_trgm.word_similarity_threshold', ${String(TERM_SIMILARITY_THRESHOLD)}, true)`,
    );
    type Row = { id: number | string; similarity: number | string; terms: Array<number | string> | null };
    const rows = await queryRows<Row>(
      tx,
      sql`(select id, 1 - (company_name_embedding <=> ${vector}) as similarity, null::real[] as terms from customers order by company_name_embedding <=> ${vector} limit ${limit})
          union all
          (select id, 1 - (full_profile_embedding <=> ${vector}) as similarity, null::real[] as terms from customers order by full_profile_embedding <=> ${vector} limit ${limit})`,
    );
    if (terms.length > 0) {
      const lookups = termLookups(terms, limit);
      const all = await queryRows<Row>(tx, lookups.all);
      rows.push(...all);
      if (all.length < limit && lookups.allButOne.length > 0) rows.push(...(await queryRows<Row>(tx, sql.join(lookups.allButOne, sql` union all `))));
    }
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
