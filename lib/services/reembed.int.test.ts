// Re-embedding: resumable after a failure mid-run, idempotent when done, and the --pending-only path
// that completes records stored while the provider was down (and re-matches them).
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { countCachedEmbeddings } from '../db/queries/embedding-cache';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { createLocalEmbedder } from '../embeddings/local';
import { createEmbedder } from '../embeddings/providers';
import { withStubEmbeddingServer, type StubEmbeddingServer } from '../embeddings/stub-server.test-helpers';
import type { Embedder } from '../embeddings/types';
import { parseEnv } from '../env';
import { customerInputSchema } from '../schemas/customer';
import { toMatchListResponse } from '../http/responses/match';
import type { ServiceContext } from './context';
import { getIncoming, submitIncoming } from './incoming';
import { matchesForIncoming, matchIncoming } from './matching';
import { reembed } from './reembed';
import { withServiceDatabase } from './testing';

const REMOTE_MODEL = 'text-embedding-3-small';

let stub: StubEmbeddingServer;
let remote: Embedder;
withStubEmbeddingServer((started) => (stub = started));
beforeEach(() => {
  stub.reset();
  remote = createEmbedder('openai-compatible', parseEnv({ OPENAI_BASE_URL: `${stub.origin}/v1` }), { policy: { maxRetries: 0, circuitBreakMs: 0 } });
});

const sentTexts = () => stub.requests.flatMap((request) => request.body.input as string[]);

describe.each(testDatabases())('reembed on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const modelCounts = async (table: 'customers' | 'incoming_customers') =>
    Object.fromEntries(
      (await queryRows<{ model: string | null; n: number }>(handle.db, sql`select embedding_model as model, count(*)::int as n from ${sql.raw(table)} group by 1`)).map((row) => [row.model ?? 'none', Number(row.n)]),
    );
  withServiceDatabase(open, (opened) => ({ handle, ctx } = opened), { seedDemo: true });

  it('keeps the batches done before a failure and continues from there on the next run', async () => {
    expect(await modelCounts('customers')).toEqual({ 'local-hash-v1': 12 });
    stub.queue({}, { status: 500, json: { error: { message: 'down' } } });
    const progress: number[] = [];
    await expect(reembed(ctx, { embedder: remote, target: 'customers', batchSize: 5, onProgress: ({ done }) => progress.push(done) })).rejects.toThrow(/answered 500/);
    expect(progress).toEqual([0, 5]);
    expect(await modelCounts('customers')).toEqual({ 'local-hash-v1': 7, [REMOTE_MODEL]: 5 });
    const firstRunTexts = sentTexts().slice(0, 10);

    stub.reset();
    const summary = await reembed(ctx, { embedder: remote, target: 'customers', batchSize: 5 });
    expect(summary.customers).toEqual({ total: 7, embedded: 7 });
    expect(await modelCounts('customers')).toEqual({ [REMOTE_MODEL]: 12 });
    // Only the rest was sent: none of the first batch's texts again.
    expect(sentTexts().length).toBeGreaterThan(0);
    expect(sentTexts().filter((text) => firstRunTexts.includes(text))).toEqual([]);

    stub.reset();
    const again = await reembed(ctx, { embedder: remote, target: 'customers', batchSize: 5 });
    expect(again.customers).toEqual({ total: 0, embedded: 0 });
    expect(stub.requests).toHaveLength(0);
  });

  it('fills records stored while the provider was down and re-matches them (--pending-only)', async () => {
    stub.setDefault(() => ({ status: 503 }));
    const incoming = await submitIncoming(ctx, customerInputSchema.parse({ company_name: 'ACME Corp.', email: 'jsmith@acme.com', city: 'NYC', country: 'USA', source_id: 'pending-1' }), { embedder: remote });
    expect(incoming.needsEmbedding).toBe(true);
    expect((await matchIncoming(ctx, incoming.id)).partial).toBe(true);

    stub.reset();
    const summary = await reembed(ctx, { embedder: remote, target: 'all', pendingOnly: true });
    // Customers have embeddings of the model already: --pending-only leaves them alone.
    expect(summary).toMatchObject({ customers: { total: 0, embedded: 0 }, incoming: { total: 1, embedded: 1 }, rematched: 1 });
    const filled = await getIncoming(ctx, incoming.id);
    expect(filled).toMatchObject({ needsEmbedding: false, embeddingModel: REMOTE_MODEL });
    expect(filled.companyNameEmbedding).toHaveLength(1536);
    const listing = await matchesForIncoming(ctx, incoming.id);
    expect(toMatchListResponse({ ...listing, processingTimeMs: 0 })).toMatchObject({ partial: false, warnings: [] });
    expect(listing.matches[0].customer.companyName).toBe('Acme Corporation');
  });

  it('switches back to the local embedder without touching the cache', async () => {
    const cachedBefore = await countCachedEmbeddings(handle.db, REMOTE_MODEL);
    expect(cachedBefore).toBeGreaterThan(0);
    const summary = await reembed(ctx, { embedder: createLocalEmbedder(), target: 'all', batchSize: 4 });
    expect(summary.customers.embedded).toBe(12);
    expect(await modelCounts('customers')).toEqual({ 'local-hash-v1': 12 });
    expect(await countCachedEmbeddings(handle.db, 'local-hash-v1')).toBe(0);
    expect(stub.requests).toHaveLength(0);
  });

  it('refresh derives the keys of every row anew and rebuilds the term frequencies (after an upgrade)', async () => {
    // What an older version left behind: keys from its normalisation, counts that no longer add up.
    await handle.db.execute(sql`update customers set name_normalized = 'stale', legal_form = null`);
    await handle.db.execute(sql`delete from term_frequencies`);
    const plain = await reembed(ctx, { embedder: createLocalEmbedder(), target: 'all' });
    expect(plain.customers.embedded).toBe(0); // same model: a plain run has nothing to do
    const refreshed = await reembed(ctx, { embedder: createLocalEmbedder(), target: 'all', batchSize: 5, refresh: true });
    expect(refreshed).toMatchObject({ customers: { total: 12, embedded: 12 }, termFrequenciesRebuilt: true });
    const stale = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from customers where name_normalized = 'stale'`);
    expect(Number(stale[0].n)).toBe(0);
    const acme = await queryRows<{ name: string; form: string | null }>(handle.db, sql`select name_normalized as name, legal_form as form from customers where company_name = 'Acme Corporation'`);
    expect(acme[0]).toEqual({ name: 'acme', form: 'corp' });
    const total = await queryRows<{ count: number }>(handle.db, sql`select count from term_frequencies where field = '_total'`);
    expect(Number(total[0].count)).toBe(12);
    const counted = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from term_frequencies where field <> '_total'`);
    expect(Number(counted[0].n)).toBeGreaterThan(12);
  });
});
