// Provider down at submit time: the record is stored with keys but no embeddings, matching runs on
// exact-key and trigram candidates, and the results say they are partial.
import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/testing';
import { createEmbedder } from '../embeddings/providers';
import { withStubEmbeddingServer, type StubEmbeddingServer } from '../embeddings/stub-server.test-helpers';
import type { Embedder } from '../embeddings/types';
import { parseEnv } from '../env';
import { customerInputSchema } from '../schemas/customer';
import { MISSING_EMBEDDING_WARNING } from '../domain/match-completeness';
import { toIncomingResponse } from '../http/responses/incoming';
import { toMatchListResponse } from '../http/responses/match';
import type { MatchCriteria } from '../schemas/explanation';
import { incomingResponseSchema, matchListResponseSchema } from '../schemas/responses';
import type { ServiceContext } from './context';
import { submitIncoming } from './incoming';
import { matchIncoming } from './matching';
import { withServiceDatabase } from './testing';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const acmeVariant = { company_name: 'ACME Corp.', contact_name: 'J. Smith', email: 'jsmith@acme.com', phone: '555-0101', city: 'NYC', country: 'USA' };

let stub: StubEmbeddingServer;
let providerDown: Embedder;
withStubEmbeddingServer((started) => (stub = started));
beforeEach(() => {
  // The real remote embedder (a new one: fresh circuit breaker) against a server that answers 503 to everything (no retries: fast).
  providerDown = createEmbedder('openai-compatible', parseEnv({ OPENAI_BASE_URL: `${stub.origin}/v1` }), { policy: { maxRetries: 0 } });
  stub.reset();
  stub.setDefault(() => ({ status: 503, json: { error: { message: 'The service is temporarily unavailable' } } }));
});

describe.each(testDatabases())('matching with the embedding provider down on $kind', ({ open }) => {
  let ctx: ServiceContext;
  withServiceDatabase(open, (opened) => ({ ctx } = opened), { seedDemo: true });

  it('stores the record with keys, no embeddings and needs_embedding', async () => {
    const incoming = await submitIncoming(ctx, input({ ...acmeVariant, source_id: 'down-1' }), { embedder: providerDown });
    expect(stub.requests).toHaveLength(1);
    expect(incoming).toMatchObject({ needsEmbedding: true, companyNameEmbedding: null, fullProfileEmbedding: null, embeddingModel: null, processingStatus: 'pending' });
    expect(incoming.nameNormalized).toBe('acme');
    expect(incoming.emailNormalized).toBe('jsmith@acme.com');
    const response = incomingResponseSchema.parse(toIncomingResponse(incoming));
    expect(response.needs_embedding).toBe(true);
  });

  it('matches on exact keys and trigrams and says the result is partial', async () => {
    const incoming = await submitIncoming(ctx, input({ ...acmeVariant, source_id: 'down-2' }), { embedder: providerDown });
    const outcome = await matchIncoming(ctx, incoming.id);
    expect(outcome.partial).toBe(true);
    expect(outcome.warnings).toEqual([MISSING_EMBEDDING_WARNING]);
    expect(outcome.warnings[0]).toMatch(/^embedding provider unavailable/);
    const best = outcome.matches[0];
    expect(best.customer.companyName).toBe('Acme Corporation');
    expect(outcome.incoming.processingStatus).toBe('matched');
    const channels = (best.result.matchCriteria as MatchCriteria).candidate_channels;
    expect(channels).toEqual(expect.arrayContaining(['name_trigram']));
    expect(channels).not.toContain('name_embedding');
    expect(channels).not.toContain('profile_embedding');

    const body = matchListResponseSchema.parse(toMatchListResponse(outcome));
    expect(body).toMatchObject({ partial: true, warnings: [MISSING_EMBEDDING_WARNING] });
    expect(body.incoming_customer.needs_embedding).toBe(true);
  });

  it('gives complete results, with embedding channels, when the provider is up', async () => {
    stub.setDefault(() => ({}));
    const incoming = await submitIncoming(ctx, input({ ...acmeVariant, source_id: 'up-1' }), { embedder: providerDown });
    expect(incoming).toMatchObject({ needsEmbedding: false, embeddingModel: 'text-embedding-3-small' });
    const outcome = await matchIncoming(ctx, incoming.id);
    expect(outcome).toMatchObject({ partial: false, warnings: [] });
    expect(toMatchListResponse(outcome)).toMatchObject({ partial: false, warnings: [] });
  });

  it('still fails on errors that are not the provider being unavailable', async () => {
    const broken: Embedder = { provider: 'openai', model: 'm', dimensions: 1536, embed: async () => { throw new TypeError('a bug, not an outage'); } };
    await expect(submitIncoming(ctx, input({ ...acmeVariant, source_id: 'bug-1' }), { embedder: broken })).rejects.toThrow('a bug, not an outage');
  });
});
