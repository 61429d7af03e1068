import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import type { ServiceContext } from './context';
import { matchesForIncoming } from './matching';
import { EmbeddingProviderError } from '../embeddings/errors';
import type { Embedder } from '../embeddings/types';
import { runWorker } from './worker';
import { withServiceDatabase } from './testing';

interface RawRow {
  processing_status: string;
  name_normalized: string | null;
  email_normalized: string | null;
  phone_e164: string | null;
  embedding_model: string | null;
  has_embeddings: boolean;
  needs_embedding: boolean;
  claimed_by: string | null;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(25);
  }
}

describe.each(testDatabases())('queue worker on $kind', ({ open }) => {
  let ctx: ServiceContext;
  withServiceDatabase(open, (opened) => ({ ctx } = opened), { seedDemo: true });

  it('matches a row a pipeline inserted raw (no keys, no embeddings) after it started, then stops on its signal', async () => {
    const controller = new AbortController();
    const rounds: number[] = [];
    const worker = runWorker(ctx, { signal: controller.signal, pollIntervalMs: 50, onRound: (round) => rounds.push(round.processed) });
    await waitFor(async () => rounds.length, (n) => n > 0);
    // The minimal INSERT of an ETL pipeline (docs/operations.md#queue): business fields and a source id; everything else defaults.
    const [{ id }] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into incoming_customers (company_name, contact_name, email, phone, city, state, country, source_system, source_id)
          values ('ACME Corp.', 'John Smith', 'john.smith@acme.com', '(212) 736-5000', 'New York', 'NY', 'USA', 'sqlserver', 'CRM-000042')
          returning id`,
    );
    const readRow = async () =>
      (
        await queryRows<RawRow>(
          ctx.db,
          sql`select processing_status, name_normalized, email_normalized, phone_e164, embedding_model, needs_embedding, claimed_by,
                     (company_name_embedding is not null and full_profile_embedding is not null) as has_embeddings
              from incoming_customers where id = ${Number(id)}`,
        )
      )[0];
    const row = await waitFor(readRow, (value) => !['pending', 'matching'].includes(value.processing_status) && value.claimed_by === null);
    controller.abort();
    const totals = await worker;
    expect(row).toMatchObject({ processing_status: 'matched', name_normalized: 'acme', email_normalized: 'john.smith@acme.com', phone_e164: '+12127365000', has_embeddings: true, needs_embedding: false, claimed_by: null });
    expect(row.embedding_model).not.toBeNull();
    const { matches } = await matchesForIncoming(ctx, Number(id));
    expect(matches[0].customer.companyName).toBe('Acme Corporation');
    expect(totals).toMatchObject({ processed: 1, matched: 1, derived: 1, failed: 0 });
  });

  it('a row flagged needs_embedding gets its embeddings before matching', async () => {
    const [{ id }] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into incoming_customers (company_name, city, country, source_system, source_id, name_normalized, needs_embedding)
          values ('Globex Technologies', 'San Francisco', 'US', 'test', 'needs-embedding-1', 'globex', true) returning id`,
    );
    const controller = new AbortController();
    const totals = await runWorker(ctx, { signal: controller.signal, pollIntervalMs: 50, onRound: (round) => round.processed === 0 && controller.abort() });
    expect(totals).toMatchObject({ processed: 1, derived: 1 });
    const [row] = await queryRows<{ needs_embedding: boolean; has: boolean }>(
      ctx.db,
      sql`select needs_embedding, company_name_embedding is not null as has from incoming_customers where id = ${Number(id)}`,
    );
    expect(row).toEqual({ needs_embedding: false, has: true });
  });

  it('when the embedding provider fails, a raw row is matched on its keys and stays flagged for re-embedding', async () => {
    const [{ id }] = await queryRows<{ id: string }>(
      ctx.db,
      sql`insert into incoming_customers (company_name, email, city, country, source_system, source_id)
          values ('Initech', 'bill.lumbergh@initech.com', 'Austin', 'US', 'test', 'provider-down-1') returning id`,
    );
    const down: Embedder = { provider: 'openai', model: 'text-embedding-3-small', dimensions: 1536, embed: async () => { throw new EmbeddingProviderError('unavailable', 'provider answered 503', true); } };
    const controller = new AbortController();
    const totals = await runWorker(ctx, { signal: controller.signal, pollIntervalMs: 50, batch: { embedder: down }, onRound: (round) => round.processed === 0 && controller.abort() });
    expect(totals).toMatchObject({ processed: 1, degraded: 1, derived: 0, failed: 0 });
    const [row] = await queryRows<{ processing_status: string; needs_embedding: boolean; name_normalized: string | null; email_normalized: string | null; has: boolean }>(
      ctx.db,
      sql`select processing_status, needs_embedding, name_normalized, email_normalized, company_name_embedding is not null as has from incoming_customers where id = ${Number(id)}`,
    );
    expect(row).toEqual({ processing_status: 'matched', needs_embedding: true, name_normalized: 'initech', email_normalized: 'bill.lumbergh@initech.com', has: false });
  });
});
