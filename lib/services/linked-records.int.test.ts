import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { customerDetailResponseSchema } from '../schemas/responses';
import { toCustomerDetailResponse } from '../http/responses/customer';
import { customerInputSchema } from '../schemas/customer';
import { recordDecisionSchema, reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { submitIncoming } from './incoming';
import { getCustomerWithLinkedRecords } from './linked-records';
import { matchIncoming } from './matching';
import { decideIncoming, reviewMatch } from './resolution';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const review = (fields: Record<string, unknown>) => reviewInputSchema.parse(fields);

describe.each(testDatabases())('linked source records of a customer on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let fabrikam: number;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
    fabrikam = (await createCustomer(ctx, input({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', address_line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postal_code: '98052', country: 'US' }))).id;
    await createCustomer(ctx, input({ company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A record from `source` matched against the customers; its candidate for Fabrikam. */
  async function fabrikamCandidate(source: string, sourceId: string, fields: Record<string, unknown> = {}) {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Fabrikam, Inc.', email: 'info@fabrikam.com', city: 'Redmond', country: 'US', source_system: source, source_id: sourceId, ...fields }));
    const outcome = await matchIncoming(ctx, incoming.id);
    const candidate = outcome.matches.find((match) => match.result.customerId === fabrikam)?.result;
    expect(candidate, `Fabrikam is a candidate of ${source}/${sourceId}`).toBeDefined();
    return { incoming: outcome.incoming, candidate: candidate! };
  }

  it('lists accepted and merged records with source, decider, time and the decision page; rejected and undone ones are not listed', async () => {
    const accepted = await fabrikamCandidate('crm', 'CRM-1');
    await reviewMatch(ctx, accepted.candidate.id, review({ decision: 'accept', expected_version: accepted.candidate.version, reviewer: 'ana' }));
    const merged = await fabrikamCandidate('erp', 'ERP-7', { website: 'fabrikam.com' });
    await reviewMatch(ctx, merged.candidate.id, review({ decision: 'merge', expected_version: merged.candidate.version, merge_fields: ['website'] }));
    const rejected = await fabrikamCandidate('shop', 'S-3');
    await reviewMatch(ctx, rejected.candidate.id, review({ decision: 'reject', expected_version: rejected.candidate.version }));
    const undone = await fabrikamCandidate('shop', 'S-4');
    await reviewMatch(ctx, undone.candidate.id, review({ decision: 'accept', expected_version: undone.candidate.version }));
    await decideIncoming(ctx, undone.incoming.id, recordDecisionSchema.parse({ decision: 'reopen', expected_version: undone.incoming.version + 1 }));

    const { linkedRecords, linkedRecordsTotal } = await getCustomerWithLinkedRecords(ctx, fabrikam);
    expect(linkedRecordsTotal).toBe(2);
    // Most recently decided first.
    expect(linkedRecords.map((record) => [record.sourceSystem, record.sourceId, record.decision, record.decidedBy])).toEqual([
      ['erp', 'ERP-7', 'merge', 'steward@test'],
      ['crm', 'CRM-1', 'accept', 'ana'],
    ]);
    expect(linkedRecords[1]).toMatchObject({ incomingId: accepted.incoming.id, matchId: accepted.candidate.id, reviewPath: `/review/${accepted.candidate.id}` });
    expect(linkedRecords[1].decidedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists the record a customer was created from, pointing at the record page', async () => {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Northwind Traders', email: 'hello@northwind.example', city: 'Oslo', country: 'NO', source_system: 'webshop', source_id: 'W-9' }));
    await matchIncoming(ctx, incoming.id);
    const created = await decideIncoming(ctx, incoming.id, recordDecisionSchema.parse({ decision: 'create_new', expected_version: incoming.version + 1 }));
    const { linkedRecords } = await getCustomerWithLinkedRecords(ctx, created.customer!.id);
    expect(linkedRecords).toEqual([
      expect.objectContaining({ incomingId: incoming.id, sourceSystem: 'webshop', sourceId: 'W-9', decision: 'create_new', matchId: null, reviewPath: `/review/incoming/${incoming.id}` }),
    ]);
  });

  it('answers GET /customers/{id} in the documented shape, with an empty list for a customer nothing is linked to', async () => {
    const detail = customerDetailResponseSchema.parse(toCustomerDetailResponse(await getCustomerWithLinkedRecords(ctx, fabrikam)));
    expect(detail.linked_records.map((record) => record.source_id)).toEqual(['ERP-7', 'CRM-1']);
    expect(detail.linked_records[0]).toMatchObject({ source_system: 'erp', decision: 'merge', decided_by: 'steward@test', review_path: expect.stringMatching(/^\/review\/\d+$/) });
    expect(detail.linked_records_total).toBe(2);
    const lone = await createCustomer(ctx, input({ company_name: 'Wide World Importers', city: 'Leeds', country: 'GB' }));
    expect(customerDetailResponseSchema.parse(toCustomerDetailResponse(await getCustomerWithLinkedRecords(ctx, lone.id)))).toMatchObject({ linked_records: [], linked_records_total: 0 });
  });
});
