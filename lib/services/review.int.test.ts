import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import { reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer, deleteCustomer, getCustomer } from './customers';
import { submitIncoming } from './incoming';
import { matchIncoming } from './matching';
import { reviewMatch } from './review';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const review = (fields: Record<string, unknown>) => reviewInputSchema.parse(fields);

describe.each(testDatabases())('review and erasure on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let customerId: number;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
    customerId = (await createCustomer(ctx, input({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', city: 'Redmond', country: 'US' }))).id;
    await createCustomer(ctx, input({ company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function freshMatch(fields: Record<string, unknown>) {
    const incoming = await submitIncoming(ctx, input(fields));
    const outcome = await matchIncoming(ctx, incoming.id);
    const best = outcome.matches.find((m) => m.result.customerId === customerId)!;
    expect(best).toBeDefined();
    return { incoming, best };
  }

  it('accept links, marks the incoming reviewed, bumps the version and audits', async () => {
    const { incoming, best } = await freshMatch({ company_name: 'Fabrikam, Inc.', email: 'info@fabrikam.com', country: 'US' });
    const outcome = await reviewMatch(ctx, best.result.id, review({ decision: 'accept', expected_version: best.result.version, notes: 'same company' }));
    expect(outcome.result).toMatchObject({ reviewed: true, reviewDecision: 'accept', reviewerNotes: 'same company', reviewer: 'steward@test', version: best.result.version + 1 });
    expect(outcome.incoming.processingStatus).toBe('reviewed');
    expect(outcome.customer?.id).toBe(customerId);
    const audit = await queryRows<{ action: string }>(handle.db, sql`select action from audit_events where entity_type = 'matching_result' and entity_id = ${String(best.result.id)}`);
    expect(audit.map((row) => row.action)).toEqual(['match.accept']);
    expect(incoming.id).toBeGreaterThan(0);
  });

  it('refuses a stale version with a conflict that says what to do, and changes nothing', async () => {
    const { best } = await freshMatch({ company_name: 'Fabrikam', phone: '(425) 555-0100', country: 'US' });
    await reviewMatch(ctx, best.result.id, review({ decision: 'reject', expected_version: best.result.version }));
    const stale = reviewMatch(ctx, best.result.id, review({ decision: 'accept', expected_version: best.result.version }));
    await expect(stale).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/reload/) });
    const rows = await queryRows<{ review_decision: string }>(handle.db, sql`select review_decision from matching_results where id = ${best.result.id}`);
    expect(rows[0].review_decision).toBe('reject');
  });

  it('merge fills the customer\'s empty fields, or overwrites the chosen ones, with provenance', async () => {
    const { incoming, best } = await freshMatch({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', website: 'fabrikam.com', city: 'Seattle', country: 'US' });
    const outcome = await reviewMatch(ctx, best.result.id, review({ decision: 'merge', expected_version: best.result.version }));
    expect(outcome.customer).toMatchObject({ website: 'fabrikam.com', city: 'Redmond', websiteDomain: 'fabrikam.com' });
    const second = await freshMatch({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', city: 'Seattle', country: 'US' });
    const chosen = await reviewMatch(ctx, second.best.result.id, review({ decision: 'merge', expected_version: second.best.result.version, merge_fields: ['city'] }));
    expect(chosen.customer?.city).toBe('Seattle');
    const audit = await queryRows<{ after: { provenance?: { from_incoming_id: number; fields: string[] } } }>(
      handle.db,
      sql`select after from audit_events where action = 'customer.merged' and entity_id = ${String(customerId)} order by id`,
    );
    expect(audit[0].after.provenance).toMatchObject({ from_incoming_id: incoming.id, fields: ['website'] });
    expect(audit[1].after.provenance?.fields).toEqual(['city']);
  });

  it('create_new turns the incoming record into a new customer', async () => {
    // The steward knows this is a separate branch office that shares the head office's mailbox.
    const { best } = await freshMatch({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', contact_name: 'Branch Manager', city: 'Austin', country: 'US' });
    const outcome = await reviewMatch(ctx, best.result.id, review({ decision: 'create_new', expected_version: best.result.version }));
    expect(outcome.customer?.id).not.toBe(customerId);
    expect(await getCustomer(ctx, outcome.customer!.id)).toMatchObject({ companyName: 'Fabrikam Inc', city: 'Austin', contactName: 'Branch Manager' });
    expect(outcome.incoming.processingStatus).toBe('reviewed');
  });

  it('erasure deletes the customer and its match rows and leaves only ids in the audit log', async () => {
    const doomed = await createCustomer(ctx, input({ company_name: 'Erase Me GmbH', email: 'dpo@erase-me.de', country: 'DE' }));
    const incoming = await submitIncoming(ctx, input({ company_name: 'Erase Me GmbH', email: 'dpo@erase-me.de', country: 'DE' }));
    await matchIncoming(ctx, incoming.id);
    await deleteCustomer(ctx, doomed.id);
    await expect(getCustomer(ctx, doomed.id)).rejects.toMatchObject({ code: 'not_found' });
    const results = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from matching_results where customer_id = ${doomed.id}`);
    expect(Number(results[0].count)).toBe(0);
    const audit = await queryRows<{ action: string; before: unknown; after: unknown }>(
      handle.db,
      sql`select action, before, after from audit_events where entity_type = 'customer' and entity_id = ${String(doomed.id)} order by id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['customer.created', 'customer.erased']);
    expect(audit.every((row) => row.before === null && row.after === null)).toBe(true);
    const text = await queryRows<{ leaked: number }>(handle.db, sql`select count(*)::int as leaked from audit_events where after::text ilike '%erase-me%'`);
    expect(Number(text[0].leaked)).toBe(0);
    await expect(deleteCustomer(ctx, doomed.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
