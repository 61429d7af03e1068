import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import { recordDecisionSchema, reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer, deleteCustomer, getCustomer, updateCustomer } from './customers';
import { dashboardSummary } from './dashboard';
import { getIncoming, receiveIncoming, submitIncoming } from './incoming';
import { matchesForIncoming, matchIncoming } from './matching';
import { decideIncoming, reviewMatch } from './resolution';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const review = (fields: Record<string, unknown>) => reviewInputSchema.parse(fields);
const recordDecision = (fields: Record<string, unknown>) => recordDecisionSchema.parse(fields);

describe.each(testDatabases())('steward decisions on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let redmond: number;
  let seattle: number;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
    redmond = (await createCustomer(ctx, input({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', address_line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postal_code: '98052', country: 'US' }))).id;
    seattle = (await createCustomer(ctx, input({ company_name: 'Fabrikam Inc', email: 'seattle@fabrikam.com', address_line1: '400 Pine Street', city: 'Seattle', state: 'WA', postal_code: '98101', country: 'US' }))).id;
    await createCustomer(ctx, input({ company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A record with both Fabrikam offices as candidates. */
  async function twoCandidates(tag: string) {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Fabrikam Inc', email: `${tag}@fabrikam.com`, city: 'Redmond', country: 'US' }));
    const outcome = await matchIncoming(ctx, incoming.id);
    const a = outcome.matches.find((m) => m.result.customerId === redmond)!;
    const b = outcome.matches.find((m) => m.result.customerId === seattle)!;
    expect(a && b).toBeTruthy();
    return { incoming: outcome.incoming, a: a.result, b: b.result };
  }

  const auditActions = async (entityType: string, id: number) =>
    (await queryRows<{ action: string }>(handle.db, sql`select action from audit_events where entity_type = ${entityType} and entity_id = ${String(id)} order by id`)).map((row) => row.action);

  it('accepting one candidate links the record once and closes its siblings; a second accept is refused with what happened', async () => {
    const { incoming, a, b } = await twoCandidates('one-link');
    const outcome = await reviewMatch(ctx, a.id, review({ decision: 'accept', expected_version: a.version, notes: 'same company' }));
    expect(outcome.incoming).toMatchObject({ processingStatus: 'linked', resolvedCustomerId: redmond });
    expect(outcome.superseded).toContain(b.id);
    await expect(reviewMatch(ctx, b.id, review({ decision: 'accept', expected_version: b.version }))).rejects.toMatchObject({
      code: 'conflict',
      message: `Incoming #${incoming.id} was already linked to customer #${redmond} by steward@test. Change the decision first ("Change decision", or decision "reopen") to decide again.`,
    });
    const links = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from matching_results where incoming_id = ${incoming.id} and review_decision in ('accept', 'merge')`);
    expect(Number(links[0].n)).toBe(1);
    expect(await auditActions('matching_result', b.id)).toEqual(['match.superseded']);
    expect(await auditActions('incoming_customer', incoming.id)).toEqual(['incoming.received', 'incoming.matched', 'incoming.linked']);
  });

  it('rejecting every candidate leaves the record open as "no match: decide", in the backlog, and create new resolves it', async () => {
    const { incoming, a, b } = await twoCandidates('all-rejected');
    const before = (await dashboardSummary(ctx, { days: 7 })).backlog.total;
    await reviewMatch(ctx, a.id, review({ decision: 'reject', expected_version: a.version }));
    expect((await getIncoming(ctx, incoming.id)).processingStatus).toBe('matched');
    await reviewMatch(ctx, b.id, review({ decision: 'reject', expected_version: b.version }));
    const waiting = await getIncoming(ctx, incoming.id);
    expect(waiting.processingStatus).toBe('no_match');
    expect((await dashboardSummary(ctx, { days: 7 })).backlog.total).toBe(before);
    const created = await decideIncoming(ctx, incoming.id, recordDecision({ decision: 'create_new', expected_version: waiting.version }));
    expect(created.incoming).toMatchObject({ processingStatus: 'created', resolvedCustomerId: created.customer!.id });
    expect((await dashboardSummary(ctx, { days: 7 })).backlog.total).toBe(before - 1);
    // The rejections stand; nothing was left open.
    const rows = await queryRows<{ review_decision: string }>(handle.db, sql`select review_decision from matching_results where incoming_id = ${incoming.id} order by id`);
    expect(rows.map((row) => row.review_decision)).toEqual(['reject', 'reject']);
  });

  it('a decided record is read-only: accept after create new is refused, and change decision deletes the created customer', async () => {
    const { incoming, a } = await twoCandidates('read-only');
    const created = await reviewMatch(ctx, a.id, review({ decision: 'create_new', expected_version: a.version }));
    const newCustomer = created.customer!.id;
    const current = (await matchesForIncoming(ctx, incoming.id)).matches.find((m) => m.result.id === a.id)!.result;
    await expect(reviewMatch(ctx, a.id, review({ decision: 'accept', expected_version: current.version }))).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already created as new customer/) });
    const preview = await reviewMatch(ctx, a.id, review({ decision: 'reopen', expected_version: current.version, dry_run: true }));
    expect(preview.undo?.effects).toContain(`Customer #${newCustomer}, created from this record, is deleted.`);
    await getCustomer(ctx, newCustomer);
    const reopened = await reviewMatch(ctx, a.id, review({ decision: 'reopen', expected_version: current.version }));
    expect(reopened.incoming).toMatchObject({ processingStatus: 'matched', resolvedCustomerId: null, resolution: null });
    await expect(getCustomer(ctx, newCustomer)).rejects.toMatchObject({ code: 'not_found' });
    const open = await queryRows<{ n: number; all: number }>(handle.db, sql`select count(*) filter (where reviewed = false)::int as n, count(*)::int as all from matching_results where incoming_id = ${incoming.id}`);
    expect(Number(open[0].n)).toBe(Number(open[0].all));
    expect(await auditActions('incoming_customer', incoming.id)).toEqual(['incoming.received', 'incoming.matched', 'incoming.created', 'incoming.reopened']);
    expect(await auditActions('customer', newCustomer)).toEqual(['customer.created', 'customer.deleted']);
  });

  it('change decision is refused while another record is linked to the customer it created', async () => {
    const first = await submitIncoming(ctx, input({ company_name: 'Zyxplor Quantum Bakery', email: 'hello@zyxplor.example', city: 'Reykjavik', country: 'IS' }));
    await matchIncoming(ctx, first.id);
    const made = await decideIncoming(ctx, first.id, recordDecision({ decision: 'create_new', expected_version: (await getIncoming(ctx, first.id)).version }));
    const second = await submitIncoming(ctx, input({ company_name: 'Zyxplor Quantum Bakery ehf', email: 'hello@zyxplor.example', city: 'Reykjavik', country: 'IS' }));
    const match = (await matchIncoming(ctx, second.id)).matches.find((m) => m.result.customerId === made.customer!.id)!.result;
    await reviewMatch(ctx, match.id, review({ decision: 'accept', expected_version: match.version }));
    const resolved = await getIncoming(ctx, first.id);
    await expect(decideIncoming(ctx, first.id, recordDecision({ decision: 'reopen', expected_version: resolved.version }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`now linked to incoming #${second.id}; change those decisions first`)),
    });
    await getCustomer(ctx, made.customer!.id);
  });

  it('merge moves whole blocks, and change decision restores what it wrote unless changed since', async () => {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', address_line1: '18 Main Street', address_line2: 'Floor 4', city: 'Bellevue', state: 'WA', postal_code: '98004', country: 'US', website: 'fabrikam.com' }));
    const match = (await matchIncoming(ctx, incoming.id)).matches.find((m) => m.result.customerId === redmond)!.result;
    await expect(reviewMatch(ctx, match.id, review({ decision: 'merge', expected_version: match.version, merge_fields: ['description'] }))).rejects.toMatchObject({ code: 'validation_failed' });
    const single = reviewInputSchema.safeParse({ decision: 'merge', expected_version: 1, merge_fields: ['address_line2'] });
    expect(single.error?.issues[0].message).toMatch(/^"address_line2" moves with its block: send "address"/);
    const merged = await reviewMatch(ctx, match.id, review({ decision: 'merge', expected_version: match.version, merge_fields: ['address', 'website'] }));
    expect(merged.customer).toMatchObject({ addressLine1: '18 Main Street', addressLine2: 'Floor 4', city: 'Bellevue', postalCode: '98004', website: 'fabrikam.com', phone: '+1 425 555 0100' });
    await updateCustomer(ctx, redmond, { website: 'fabrikam.net' });
    const reopened = await decideIncoming(ctx, incoming.id, recordDecision({ decision: 'reopen', expected_version: merged.incoming.version }));
    expect(reopened.undo).toMatchObject({ keep: ['website'] });
    expect(await getCustomer(ctx, redmond)).toMatchObject({ addressLine1: '1 Microsoft Way', addressLine2: null, city: 'Redmond', postalCode: '98052', website: 'fabrikam.net' });
  });

  it('the same record sent twice is stored once; the same source_id with other content is a conflict', async () => {
    const record = input({ company_name: 'Wide World Importers', email: 'orders@wwi.example', city: 'Chicago', country: 'US' });
    const first = await receiveIncoming(ctx, record);
    const again = await receiveIncoming(ctx, input({ ...{ company_name: 'Wide World Importers', city: 'Chicago', country: 'US' }, email: 'orders@wwi.example' }));
    expect(again).toEqual({ incoming: first.incoming, resubmitted: true });
    const withId = await receiveIncoming(ctx, input({ company_name: 'Coho Winery', source_system: 'crm', source_id: 'C-1' }));
    expect((await receiveIncoming(ctx, input({ company_name: 'Coho Winery', source_system: 'crm', source_id: 'C-1' }))).incoming.id).toBe(withId.incoming.id);
    await expect(receiveIncoming(ctx, input({ company_name: 'Coho Vineyard', source_system: 'crm', source_id: 'C-1' }))).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/different content/) });
    const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from incoming_customers where company_name in ('Wide World Importers', 'Coho Winery', 'Coho Vineyard')`);
    expect(Number(n)).toBe(2);
  });

  it('two stewards resolving one record with different candidates at the same time: exactly one wins, the other hears why', async () => {
    const { incoming, a, b } = await twoCandidates('race');
    const results = await Promise.allSettled([
      reviewMatch({ ...ctx, actor: 'ana' }, a.id, review({ decision: 'accept', expected_version: a.version })),
      reviewMatch({ ...ctx, actor: 'ben' }, b.id, review({ decision: 'merge', expected_version: b.version })),
    ]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'conflict', message: expect.stringMatching(new RegExp(`Incoming #${incoming.id} was already linked to customer #\\d+ by (ana|ben)`)) });
    const links = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from matching_results where incoming_id = ${incoming.id} and review_decision in ('accept', 'merge')`);
    expect(Number(links[0].n)).toBe(1);
  });

  it('a resolved record is not matched again until its decision is changed', async () => {
    const { incoming, a } = await twoCandidates('no-rematch');
    await reviewMatch(ctx, a.id, review({ decision: 'dismiss', expected_version: a.version }));
    await expect(matchIncoming(ctx, incoming.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/change its decision first/) });
  });

  it('erasing a customer leaves only ids in the audit log, and a record whose last candidate it was waits as no match', async () => {
    const doomed = await createCustomer(ctx, input({ company_name: 'Erase Me GmbH', email: 'dpo@erase-me.de', country: 'DE' }));
    const incoming = await submitIncoming(ctx, input({ company_name: 'Erase Me GmbH', email: 'dpo@erase-me.de', country: 'DE' }));
    const outcome = await matchIncoming(ctx, incoming.id);
    expect(outcome.matches.map((m) => m.result.customerId)).toEqual([doomed.id]);
    await deleteCustomer(ctx, doomed.id);
    expect((await getIncoming(ctx, incoming.id)).processingStatus).toBe('no_match');
    const audit = await queryRows<{ action: string; before: unknown; after: unknown }>(
      handle.db,
      sql`select action, before, after from audit_events where entity_type = 'customer' and entity_id = ${String(doomed.id)} order by id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['customer.created', 'customer.erased']);
    expect(audit.every((row) => row.before === null && row.after === null)).toBe(true);
    const text = await queryRows<{ leaked: number }>(handle.db, sql`select count(*)::int as leaked from audit_events where after::text ilike '%erase-me%'`);
    expect(Number(text[0].leaked)).toBe(0);
  });
});
