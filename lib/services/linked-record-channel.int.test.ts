import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPool, type DatabaseHandle } from '../db/client';
import { candidateLookups, findCandidates, runCandidateLookups, type CandidateSearch } from '../db/queries/candidates';
import { queryRows } from '../db/rows';
import type { IncomingCustomer } from '../db/schema';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import type { MatchCriteria } from '../schemas/explanation';
import { recordDecisionSchema, reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { getIncoming, submitIncoming } from './incoming';
import { matchIncoming } from './matching';
import { matchSettings } from './matching-settings';
import { decideIncoming, reviewMatch } from './resolution';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const limits = matchSettings().limits;

// The customer as the CRM has it, and the webshop's records of the same company under its trade name.
const northwind = { company_name: 'Northwind Traders Ltd', contact_name: 'Anne Dodsworth', email: 'hello@northwind.example', phone: '+44 20 7946 0000', address_line1: '1 King Street', city: 'London', postal_code: 'EC2V 8AU', country: 'GB', website: 'northwind.example', source_system: 'crm', source_id: 'C-100' };
const webshop = { contact_name: 'Anne Dodsworth', email: 'orders@nwt-wholesale.example', phone: '+44 20 7946 0555', country: 'GB', source_system: 'webshop' };

/** Keys only: what blocking finds without the embeddings' nearest neighbours (which return something whatever the distance). */
const byKeys = (record: IncomingCustomer): CandidateSearch => ({ keys: record, nameEmbedding: null, profileEmbedding: null });

describe.each(testDatabases())('the linked_record candidate channel on $kind', ({ kind, open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let customerId: number;
  let linked: IncomingCustomer;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
    customerId = (await createCustomer(ctx, input(northwind))).id;
    await createCustomer(ctx, input({ company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' }));
    // The first webshop record still has the head office address, so it matches the customer and is accepted.
    const first = await submitIncoming(ctx, input({ ...webshop, company_name: 'Northwind Traders', address_line1: '1 King St', city: 'London', postal_code: 'EC2V 8AU', source_id: 'W-1' }));
    const match = (await matchIncoming(ctx, first.id)).matches.find((candidate) => candidate.result.customerId === customerId)!.result;
    linked = (await reviewMatch(ctx, match.id, reviewInputSchema.parse({ decision: 'accept', expected_version: match.version }))).incoming;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('finds the customer through a linked record a new record matches, when nothing of the master record matches it', async () => {
    // Trade name, the webshop's email and phone, the warehouse address: no key of the CRM's record.
    const next = await submitIncoming(ctx, input({ ...webshop, company_name: 'NWT Wholesale', address_line1: 'Unit 4, Dock Road', city: 'Tilbury', postal_code: 'RM18 7BH', source_id: 'W-2' }));
    const found = await findCandidates(ctx.db, byKeys(next), limits);
    expect(found.channels.get(customerId)).toEqual(['linked_record']);
    expect(found.linkedVia.get(customerId)).toEqual([linked.id]);
    expect((await findCandidates(ctx.db, { ...byKeys(next), excludeCustomerIds: [customerId] }, limits)).channels.has(customerId)).toBe(false);

    // Without the link the same lookups miss it: undo the decision and look again.
    const reopened = await decideIncoming(ctx, linked.id, recordDecisionSchema.parse({ decision: 'reopen', expected_version: linked.version }));
    expect((await findCandidates(ctx.db, byKeys(next), limits)).channels.has(customerId)).toBe(false);
    const match = (await matchIncoming(ctx, linked.id)).matches.find((candidate) => candidate.result.customerId === customerId)!.result;
    linked = (await reviewMatch(ctx, match.id, reviewInputSchema.parse({ decision: 'accept', expected_version: match.version }))).incoming;
    expect(reopened.incoming.processingStatus).not.toBe('linked');
    expect((await findCandidates(ctx.db, byKeys(next), limits)).channels.get(customerId)).toEqual(['linked_record']);
  });

  it('scores the new record against the master record and says in the explanation which linked record found it', async () => {
    const next = await submitIncoming(ctx, input({ ...webshop, company_name: 'Northwind Traders', city: 'London', source_id: 'W-3' }));
    const outcome = await matchIncoming(ctx, next.id, { settings: { ...matchSettings(), minStoredProbability: 0 } });
    const stored = outcome.matches.find((candidate) => candidate.result.customerId === customerId)!.result;
    const criteria = stored.matchCriteria as MatchCriteria;
    expect(criteria.candidate_channels).toContain('linked_record');
    expect(criteria.linked_record_ids).toEqual([linked.id]);
    // Compared with the customer's own record: the webshop's email is not the CRM's.
    expect(criteria.fields.find((field) => field.field === 'email')).toMatchObject({ level: 'else', candidate: expect.stringContaining('northwind.example') });
    expect((await getIncoming(ctx, next.id)).processingStatus).toBe('matched');
  });

  it('finds the same candidates in the same order whether its lookups run side by side (a pool) or in turn (a transaction)', async () => {
    const next = await submitIncoming(ctx, input({ ...webshop, company_name: 'Northwind Traders', city: 'London', source_id: 'W-5' }));
    const search: CandidateSearch = { keys: next, nameEmbedding: next.companyNameEmbedding, profileEmbedding: next.fullProfileEmbedding };
    expect(new Set(candidateLookups(search, limits).map((lookup) => lookup.lane))).toEqual(new Set(['keys', 'name', 'profile']));
    expect(isPool(ctx.db)).toBe(kind === 'postgres');
    const sideBySide = await findCandidates(ctx.db, search, limits);
    const inTurn = await ctx.db.transaction(async (tx) => {
      expect(isPool(tx)).toBe(false);
      return findCandidates(tx, search, limits);
    });
    expect([...sideBySide.channels]).toEqual([...inTurn.channels]);
    expect([...sideBySide.linkedVia]).toEqual([...inTurn.linkedVia]);
    expect(sideBySide.channels.get(customerId)).toEqual(expect.arrayContaining(['linked_record']));
  });

  it('runs every linked-record lookup on its partial index, never a sequential scan', async () => {
    const next = await submitIncoming(ctx, input({ ...webshop, company_name: 'NWT Wholesale', address_line1: '14 Dock Road', city: 'Tilbury', postal_code: 'RM18 7BH', website: 'nwt-wholesale.example', identifiers: [{ type: 'VAT', value: 'GB123456789' }], source_id: 'W-4' }));
    const search: CandidateSearch = { keys: next, nameEmbedding: next.companyNameEmbedding, profileEmbedding: next.fullProfileEmbedding };
    const plans = await ctx.db.transaction(async (tx) => {
      const texts = await runCandidateLookups(tx, candidateLookups(search, limits), limits, async (query) => {
        const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
        return [rows.map((row) => row['QUERY PLAN']).join('\n')];
      });
      return texts.join('\n');
    });
    expect(plans).not.toMatch(/Seq Scan/);
    for (const index of ['email_normalized_idx', 'email_domain_idx', 'phone_e164_idx', 'website_domain_idx', 'postal_street_idx', 'identifier_keys_gin', 'name_normalized_trgm', 'company_name_embedding_hnsw', 'full_profile_embedding_hnsw']) {
      expect(plans, `incoming_linked_${index} used`).toContain(`incoming_linked_${index}`);
    }
  });
});
