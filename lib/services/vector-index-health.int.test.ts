import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dropCustomerVectorIndexes, missingCustomerVectorIndexes } from '../db/vector-indexes';
import { testDatabases } from '../db/testing';
import type { DatabaseHandle } from '../db/client';
import { checkHealth } from './health';
import { withServiceDatabase } from './testing';
import { healVectorIndexesInBackground } from './vector-index-health';

describe.each(testDatabases())('vector indexes heal themselves on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  withServiceDatabase(open, (opened) => ({ handle } = opened), { seedDemo: true });
  const health = () => checkHealth(async () => handle);

  it('an import that crashed after dropping them: /health says degraded and why, a start rebuilds them', async () => {
    expect(await health()).toMatchObject({ status: 'healthy', problems: [] });
    await dropCustomerVectorIndexes(handle.db);
    const degraded = await health();
    expect(degraded.status).toBe('degraded');
    expect(degraded.problems).toEqual([expect.stringMatching(/^vector indexes customers_company_name_embedding_hnsw, customers_full_profile_embedding_hnsw missing .*full scan/)]);
    expect(await healVectorIndexesInBackground(handle.db)).toEqual(['customers_company_name_embedding_hnsw', 'customers_full_profile_embedding_hnsw']);
    expect(await missingCustomerVectorIndexes(handle.db)).toEqual([]);
    expect(await health()).toMatchObject({ status: 'healthy', problems: [] });
  });

  it('an index left invalid (an interrupted concurrent build) counts as missing and is built again', async () => {
    await handle.db.execute(sql`update pg_index set indisvalid = false where indexrelid = 'customers_full_profile_embedding_hnsw'::regclass`);
    expect(await missingCustomerVectorIndexes(handle.db)).toEqual(['customers_full_profile_embedding_hnsw']);
    expect(await healVectorIndexesInBackground(handle.db)).toEqual(['customers_full_profile_embedding_hnsw']);
    expect(await missingCustomerVectorIndexes(handle.db)).toEqual([]);
  });
});
