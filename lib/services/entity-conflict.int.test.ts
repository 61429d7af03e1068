import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { AppError } from '../errors';
import { customerInputSchema } from '../schemas/customer';
import { recordDecisionSchema, reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer, updateCustomer } from './customers';
import { getIncoming, submitIncoming } from './incoming';
import { getMatchDetail } from './match-detail';
import { matchIncoming } from './matching';
import { decideIncoming, reviewMatch } from './resolution';
import { bulkAcceptExact } from './review-queue';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const review = (fields: Record<string, unknown>) => reviewInputSchema.parse(fields);

const maria = { company_name: 'Maria Garcia', contact_name: 'Maria Garcia', email: 'maria.garcia@garcia-consulting.example', phone: '+1 305 555 0142', address_line1: '12 Ocean Drive', city: 'Miami', state: 'FL', postal_code: '33139', country: 'US' };

describe.each(testDatabases())('merges never join across a hard conflict ($kind)', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function candidateOf(fields: Record<string, unknown>, customerId: number) {
    const incoming = await submitIncoming(ctx, input(fields));
    const outcome = await matchIncoming(ctx, incoming.id);
    const candidate = outcome.matches.find((match) => match.result.customerId === customerId)?.result;
    expect(candidate, `customer #${customerId} is a candidate`).toBeDefined();
    return { incoming: outcome.incoming, candidate: candidate! };
  }

  const auditCount = async () => Number((await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from audit_events`))[0].n);

  it('refuses accept and merge into a customer whose date of birth differs, naming the field, and changes nothing', async () => {
    const customer = await createCustomer(ctx, input({ ...maria, date_of_birth: '1980-04-12' }));
    const { incoming, candidate } = await candidateOf({ ...maria, date_of_birth: '1991-09-30', source_id: 'dob-1' }, customer.id);
    // The match page says so before the steward tries.
    expect((await getMatchDetail(ctx, candidate.id)).linkRefusal).toContain('(date_of_birth: 1991-09-30 here, 1980-04-12 on the customer)');
    const events = await auditCount();
    for (const decision of ['accept', 'merge'] as const) {
      const refusal = await reviewMatch(ctx, candidate.id, review({ decision, expected_version: candidate.version })).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({
        code: 'conflict',
        message: `Incoming #${incoming.id} cannot be linked to customer #${customer.id}: they have different dates of birth (date_of_birth: 1991-09-30 here, 1980-04-12 on the customer). Create it as a new customer instead, or correct the wrong date of birth first and decide again.`,
        details: { hard_conflict: { field: 'date_of_birth', conflict: 'dateOfBirth', incoming_value: '1991-09-30', other_value: '1980-04-12', customer_id: customer.id } },
      });
      expect((refusal as AppError).status).toBe(409);
    }
    expect(await getIncoming(ctx, incoming.id)).toMatchObject({ processingStatus: 'matched', version: incoming.version, resolvedCustomerId: null });
    expect(await auditCount()).toBe(events);
    // What the message advises works: a new customer from the record.
    const created = await decideIncoming(ctx, incoming.id, recordDecisionSchema.parse({ decision: 'create_new', expected_version: incoming.version }));
    expect(created.incoming.processingStatus).toBe('created');
  });

  it('refuses a link to a customer when a record already linked to it has another date of birth, naming that record', async () => {
    const jan = { company_name: 'Jan Novak', contact_name: 'Jan Novak', email: 'jan@novak-design.example', phone: '+420 601 555 123', city: 'Brno', country: 'CZ' };
    const customer = await createCustomer(ctx, input(jan));
    const first = await candidateOf({ ...jan, date_of_birth: '1975-01-01', source_id: 'jan-1' }, customer.id);
    await reviewMatch(ctx, first.candidate.id, review({ decision: 'accept', expected_version: first.candidate.version }));
    const second = await candidateOf({ ...jan, date_of_birth: '1988-02-02', source_id: 'jan-2' }, customer.id);
    await expect(reviewMatch(ctx, second.candidate.id, review({ decision: 'accept', expected_version: second.candidate.version }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`it and incoming #${first.incoming.id}, already linked to that customer, have different dates of birth (date_of_birth: 1988-02-02 here, 1975-01-01 there)`),
      details: { hard_conflict: { field: 'date_of_birth', linked_incoming_id: first.incoming.id } },
    });
    // Once the first link is undone the second can be accepted: the entity no longer holds the other date.
    const linked = await getIncoming(ctx, first.incoming.id);
    await decideIncoming(ctx, first.incoming.id, recordDecisionSchema.parse({ decision: 'reopen', expected_version: linked.version }));
    const accepted = await reviewMatch(ctx, second.candidate.id, review({ decision: 'accept', expected_version: second.candidate.version }));
    expect(accepted.incoming).toMatchObject({ processingStatus: 'linked', resolvedCustomerId: customer.id });
  });

  it('bulk accept skips and reports a pair that hard-conflicts and accepts the rest', async () => {
    const contoso = { company_name: 'Contoso Ltd', contact_name: 'Ana Silva', email: 'ana.silva@contoso-bulk.example', phone: '+44 20 7946 0101', address_line1: '1 Kings Road', city: 'London', postal_code: 'SW3 4RP', country: 'GB', website: 'contoso-bulk.example' };
    const tailspin = { company_name: 'Tailspin Toys', contact_name: 'Bo Berg', email: 'bo.berg@tailspin-bulk.example', phone: '+46 8 555 0199', address_line1: 'Drottninggatan 5', city: 'Stockholm', postal_code: '111 51', country: 'SE', website: 'tailspin-bulk.example' };
    const conflicting = await createCustomer(ctx, input(contoso));
    const fine = await createCustomer(ctx, input(tailspin));
    const a = await candidateOf({ ...contoso, date_of_birth: '1990-01-01', source_id: 'bulk-a' }, conflicting.id);
    const b = await candidateOf({ ...tailspin, source_id: 'bulk-b' }, fine.id);
    expect([a.candidate.confidenceBand, b.candidate.confidenceBand]).toEqual(['exact', 'exact']);
    // The customer's record is corrected after matching: the exact band no longer tells the whole story.
    await updateCustomer(ctx, conflicting.id, { dateOfBirth: '1962-07-15' });
    const outcome = await bulkAcceptExact(ctx, { matches: [{ id: a.candidate.id, version: a.candidate.version }, { id: b.candidate.id, version: b.candidate.version }] });
    expect(outcome.accepted).toEqual([b.candidate.id]);
    expect(outcome.skipped).toEqual([{ id: a.candidate.id, reason: expect.stringMatching(/cannot be linked to customer #\d+: they have different dates of birth \(date_of_birth: 1990-01-01 here, 1962-07-15 on the customer\)/) }]);
    expect((await getIncoming(ctx, a.incoming.id)).processingStatus).toBe('matched');
    expect((await getIncoming(ctx, b.incoming.id)).processingStatus).toBe('linked');
  });
});
