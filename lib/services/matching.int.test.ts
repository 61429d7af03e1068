import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import type { MatchCriteria } from '../schemas/explanation';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { seedDemoDataIfEmpty } from './demo-data';
import { submitIncoming } from './incoming';
import { matchIncoming } from './matching';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);

describe.each(testDatabases())('matchIncoming on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'test' };
    await seedDemoDataIfEmpty(ctx);
    await createCustomer(ctx, input({ company_name: 'Corp', city: 'Denver', country: 'US' }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('ranks the right customer first with a high band and a per-field explanation', async () => {
    const incoming = await submitIncoming(
      ctx,
      input({ company_name: 'ACME Corp.', contact_name: 'J. Smith', email: 'jsmith@acme.com', phone: '555-0101', city: 'NYC', state_province: 'New York', country: 'USA' }),
    );
    const outcome = await matchIncoming(ctx, incoming.id);
    expect(outcome.incoming.processingStatus).toBe('matched');
    const best = outcome.matches[0];
    expect(best.customer.companyName).toBe('Acme Corporation');
    expect(best.result.matchProbability).toBeGreaterThanOrEqual(0.85);
    expect(['exact', 'high']).toContain(best.result.confidenceBand);
    expect(best.result.matchType).toBe(best.result.confidenceBand);
    expect(best.result.similarityScore).toBe(best.result.matchProbability);
    const criteria = best.result.matchCriteria as MatchCriteria;
    const companyName = criteria.fields.find((field) => field.field === 'companyName');
    expect(companyName).toMatchObject({ level: 'exact', incoming: 'acme', candidate: 'acme' });
    expect(companyName!.weight).toBeGreaterThan(0);
    // The explanation is the sum itself: prior + field weights = match weight.
    const total = criteria.fields.reduce((sum, field) => sum + field.weight, criteria.prior_weight);
    expect(total).toBeCloseTo(criteria.match_weight, 1);
    expect(criteria.candidate_channels.length).toBeGreaterThan(0);
    // Acme Labs shares the brand word only: it must rank below and not reach the match cut-off.
    const labs = outcome.matches.find((match) => match.customer.companyName === 'Acme Labs');
    if (labs) expect(labs.result.matchProbability).toBeLessThan(0.8);
  });

  it('does not take a record for either of two customers it could be when they cannot be one entity', async () => {
    // Two registered companies of one name at one office, with different tax ids (a parent and its subsidiary).
    const office = { company_name: 'Quillfeather Trading', address_line1: '3212 W. 32nd St', city: 'Palm Harbor', state_province: 'FL', postal_code: '34683', country: 'US' };
    const parent = await createCustomer(ctx, input({ ...office, identifiers: [{ type: 'EIN', value: '84-1234567', country: 'US' }] }));
    const subsidiary = await createCustomer(ctx, input({ ...office, identifiers: [{ type: 'EIN', value: '13-7654321', country: 'US' }] }));
    // The same name at the same office, no tax id: as likely one as the other.
    const incoming = await submitIncoming(ctx, input(office));
    const outcome = await matchIncoming(ctx, incoming.id);
    for (const [id, other] of [[parent.id, subsidiary.id], [subsidiary.id, parent.id]]) {
      const match = outcome.matches.find((candidate) => candidate.customer.id === id)!;
      // Kept for review although below the storage floor: about even between the two.
      expect(match.result.matchProbability).toBeLessThan(0.75);
      expect(match.result.confidenceBand).toBe('low');
      const criteria = match.result.matchCriteria as MatchCriteria;
      const competing = criteria.fields.find((field) => field.field === 'competingCandidates')!;
      expect(competing.weight).toBeLessThan(-5);
      expect(competing.candidate).toContain(`#${other} Quillfeather Trading`);
      // Still the sum itself.
      const total = criteria.fields.reduce((sum, field) => sum + field.weight, criteria.prior_weight);
      expect(total).toBeCloseTo(criteria.match_weight, 1);
    }
    // With the tax id the record is one of them again.
    const identified = await submitIncoming(ctx, input({ ...office, identifiers: [{ type: 'EIN', value: '841234567', country: 'US' }] }));
    const identifiedOutcome = await matchIncoming(ctx, identified.id);
    expect(identifiedOutcome.matches[0].customer.id).toBe(parent.id);
    expect(['exact', 'high']).toContain(identifiedOutcome.matches[0].result.confidenceBand);
  });

  it('keeps a pair whose tax ids differ out of the exact band, however much else agrees', async () => {
    const bakery = {
      company_name: 'Harbor Lights Bakery LLC',
      email: 'orders@harborlightsbakery.com',
      phone: '+1 727 555 0142',
      website: 'harborlightsbakery.com',
      address_line1: '88 Bayshore Blvd Suite 4',
      city: 'Clearwater',
      state_province: 'FL',
      postal_code: '33755',
      country: 'US',
    };
    const customer = await createCustomer(ctx, input({ ...bakery, identifiers: [{ type: 'EIN', value: '59-1111111', country: 'US' }] }));
    const sameTaxId = await matchIncoming(ctx, (await submitIncoming(ctx, input({ ...bakery, identifiers: [{ type: 'EIN', value: '591111111', country: 'US' }] }))).id);
    expect(sameTaxId.matches[0]).toMatchObject({ customer: { id: customer.id }, result: { confidenceBand: 'exact' } });
    expect((sameTaxId.matches[0].result.matchCriteria as MatchCriteria).exact_hold).toBeNull();

    const otherTaxId = await matchIncoming(ctx, (await submitIncoming(ctx, input({ ...bakery, identifiers: [{ type: 'EIN', value: '59-2222222', country: 'US' }] }))).id);
    const match = otherTaxId.matches.find((candidate) => candidate.customer.id === customer.id)!;
    // Name, mailbox, phone, website and address agree: the evidence alone says exact ...
    expect(match.result.matchProbability).toBeGreaterThanOrEqual(0.95);
    // ... but two registrations are two companies unless a person finds a typo: high, for review.
    expect(match.result.confidenceBand).toBe('high');
    const criteria = match.result.matchCriteria as MatchCriteria;
    expect(criteria.confidence_band).toBe('high');
    expect(criteria.fields.find((field) => field.field === 'identifier')).toMatchObject({ level: 'conflict', contradicts: true });
    expect(criteria.fields.filter((field) => 'contradicts' in field).map((field) => field.field)).toEqual(['identifier']);
    expect(criteria.exact_hold).toBe('contradiction');
  });

  it('keeps a pair that only the names confirm out of the exact band, and lets one confirming field in', async () => {
    const company = { company_name: 'Zephyrine Quillworks Ltd', city: 'Boise', state_province: 'ID', postal_code: '83702', country: 'US' };
    const customer = await createCustomer(ctx, input({ ...company, website: 'zephyrinequillworks.com', phone: '+1 208 555 0199' }));
    // The same rare name in the same town and nothing else: a namesake would look the same.
    const nameOnly = await matchIncoming(ctx, (await submitIncoming(ctx, input({ ...company, company_name: 'Zephyrine Quillworks Limited' }))).id);
    const held = nameOnly.matches.find((candidate) => candidate.customer.id === customer.id)!;
    expect(held.result.matchProbability).toBeGreaterThanOrEqual(0.95);
    expect(held.result.confidenceBand).toBe('high');
    expect((held.result.matchCriteria as MatchCriteria).exact_hold).toBe('uncorroborated');
    // The same phone number confirms it.
    const withPhone = await matchIncoming(ctx, (await submitIncoming(ctx, input({ ...company, phone: '208-555-0199' }))).id);
    const confirmed = withPhone.matches.find((candidate) => candidate.customer.id === customer.id)!;
    expect(confirmed.result.confidenceBand).toBe('exact');
    expect((confirmed.result.matchCriteria as MatchCriteria).exact_hold).toBeNull();
  });

  it('running it twice updates the same rows and never duplicates them', async () => {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Globex Technologies', email: 'sjohnson@globex.io', city: 'San Francisco', country: 'US' }));
    const first = await matchIncoming(ctx, incoming.id);
    const second = await matchIncoming(ctx, incoming.id);
    expect(second.matches.map((m) => m.result.id)).toEqual(first.matches.map((m) => m.result.id));
    expect(second.matches.map((m) => m.result.version)).toEqual(first.matches.map((m) => m.result.version + 1));
    const rows = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from matching_results where incoming_id = ${incoming.id}`);
    expect(Number(rows[0].count)).toBe(first.matches.length);
    const audit = await queryRows<{ count: number }>(
      handle.db,
      sql`select count(*)::int as count from audit_events where action = 'incoming.matched' and entity_id = ${String(incoming.id)}`,
    );
    expect(Number(audit[0].count)).toBe(2);
  });

  it('does not call a bare legal form an exact match of a named company', async () => {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Acme Corp', city: 'Denver', country: 'US' }));
    const outcome = await matchIncoming(ctx, incoming.id);
    const corp = outcome.matches.find((match) => match.customer.companyName === 'Corp');
    if (corp) {
      expect(corp.result.confidenceBand).not.toBe('exact');
      const companyName = (corp.result.matchCriteria as MatchCriteria).fields.find((field) => field.field === 'companyName');
      expect(companyName?.level).not.toBe('exact');
    }
  });

  it('marks an unrelated record no_match and stores nothing above the cut-off', async () => {
    const incoming = await submitIncoming(ctx, input({ company_name: 'Zyxplor Quantum Bakery', email: 'hello@zyxplor-bakery.example', city: 'Reykjavik', country: 'IS' }));
    const outcome = await matchIncoming(ctx, incoming.id);
    expect(outcome.incoming.processingStatus).toBe('no_match');
    expect(outcome.matches.every((match) => match.result.matchProbability < 0.8)).toBe(true);
    expect(outcome.incoming.processedAt).not.toBeNull();
  });

  it('answers not_found for an unknown incoming id', async () => {
    await expect(matchIncoming(ctx, 987654)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps term frequencies in step with customer writes', async () => {
    const rows = await queryRows<{ count: number }>(handle.db, sql`select count from term_frequencies where field = '_total'`);
    const customers = await queryRows<{ count: number }>(handle.db, sql`select count(*)::int as count from customers`);
    expect(Number(rows[0].count)).toBe(Number(customers[0].count));
  });
});
