import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BULK_LOAD_INDEXES, dropBulkLoadIndexes, missingBulkLoadIndexes } from '../db/bulk-load-indexes';
import { testDatabases } from '../db/testing';
import type { DatabaseHandle } from '../db/client';
import { checkHealth } from './health';
import { withServiceDatabase } from './testing';
import { healVectorIndexesInBackground } from './vector-index-health';

describe.each(testDatabases())('customer indexes heal themselves on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  withServiceDatabase(open, (opened) => ({ handle } = opened), { seedDemo: true });
  const health = () => checkHealth(async () => handle);

  it('an import that crashed after dropping them: /health says degraded and why, a start rebuilds them', async () => {
    expect(await health()).toMatchObject({ status: 'healthy', problems: [] });
    await dropBulkLoadIndexes(handle.db);
    const degraded = await health();
    expect(degraded.status).toBe('degraded');
    expect(degraded.problems).toEqual([expect.stringMatching(/^customer indexes customers_company_name_embedding_hnsw, customers_full_profile_embedding_hnsw, customers_search_text_trgm, .*customer_names_name_trgm missing .*full scans/)]);
    const declared = BULK_LOAD_INDEXES.map(({ index }) => index.config.name);
    expect(declared).toHaveLength(15);
    expect(await healVectorIndexesInBackground(handle.db)).toEqual(declared);
    expect(await missingBulkLoadIndexes(handle.db)).toEqual([]);
    expect(await health()).toMatchObject({ status: 'healthy', problems: [] });
  });

  it('an index left invalid (an interrupted concurrent build) counts as missing and is built again', async () => {
    await handle.db.execute(sql`update pg_index set indisvalid = false where indexrelid = 'customers_full_profile_embedding_hnsw'::regclass`);
    expect(await missingBulkLoadIndexes(handle.db)).toEqual(['customers_full_profile_embedding_hnsw']);
    expect(await healVectorIndexesInBackground(handle.db)).toEqual(['customers_full_profile_embedding_hnsw']);
    expect(await missingBulkLoadIndexes(handle.db)).toEqual([]);
  });
});
