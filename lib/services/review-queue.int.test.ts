import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import { reviewQueueQuerySchema } from '../schemas/review-queue';
import { reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { submitIncoming } from './incoming';
import { matchIncoming } from './matching';
import { reviewMatch } from './resolution';
import { bulkAcceptExact, listReviewQueue } from './review-queue';

const input = (fields: Record<string, unknown>) => customerInputSchema.parse(fields);
const query = (fields: Record<string, unknown> = {}) => reviewQueueQuerySchema.parse(fields);

describe.each(testDatabases())('review queue on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
    await createCustomer(ctx, input({ company_name: 'Fabrikam Inc', email: 'info@fabrikam.com', phone: '+1 425 555 0100', address_line1: '1 Main St', city: 'Redmond', postal_code: '98052', country: 'US', website: 'fabrikam.com' }));
    await createCustomer(ctx, input({ company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' }));
    for (const fields of [
      { company_name: 'Fabrikam, Inc.', email: 'info@fabrikam.com', phone: '+1 425 555 0100', address_line1: '1 Main Street', city: 'Redmond', postal_code: '98052', country: 'US', website: 'fabrikam.com' },
      { company_name: 'Tailspin Toys', email: 'hi@tailspintoys.com', city: 'Boston', country: 'US' },
      { company_name: 'Fabrikam', city: 'Redmond', country: 'US' },
    ]) {
      const incoming = await submitIncoming(ctx, input(fields));
      await matchIncoming(ctx, incoming.id);
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('sorts by probability either way and counts what matches', async () => {
    const desc = await listReviewQueue(ctx, query());
    expect(desc.total).toBeGreaterThanOrEqual(2);
    const probabilities = desc.rows.map((row) => row.result.matchProbability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    const asc = await listReviewQueue(ctx, query({ dir: 'asc' }));
    expect(asc.rows[0].result.id).toBe(desc.rows.at(-1)!.result.id);
    expect(desc.rows[0].incomingName).toBeTruthy();
    expect(desc.rows[0].customerName).toBeTruthy();
  });

  it('filters by band, text and reviewed state', async () => {
    const exact = await listReviewQueue(ctx, query({ band: 'exact' }));
    expect(exact.rows.length).toBeGreaterThan(0);
    expect(exact.rows.every((row) => row.result.confidenceBand === 'exact')).toBe(true);
    const tailspin = await listReviewQueue(ctx, query({ q: 'tailspin' }));
    expect(tailspin.rows.map((row) => row.customerName)).toEqual(['Tailspin Toys']);
    const none = await listReviewQueue(ctx, query({ q: 'no such company zzz' }));
    expect(none).toMatchObject({ total: 0, rows: [], pageCount: 1 });
    const future = await listReviewQueue(ctx, query({ from: '2999-01-01' }));
    expect(future.total).toBe(0);
  });

  it('refuses pages past the cap and reversed date ranges with a message', async () => {
    await expect(listReviewQueue(ctx, query({ page: 100_000 }))).rejects.toThrow(/narrow the filters/);
    await expect(listReviewQueue(ctx, query({ from: '2025-02-01', to: '2025-01-01' }))).rejects.toThrow(/swap them/);
  });

  it('bulk accepts exact matches at their versions and reports the stale and non-exact ones', async () => {
    const open = await listReviewQueue(ctx, query({ reviewed: 'no' }));
    const exactRow = open.rows.find((row) => row.result.confidenceBand === 'exact')!;
    const otherRow = open.rows.find((row) => row.result.confidenceBand !== 'exact');
    expect(exactRow).toBeDefined();
    const stale = (await listReviewQueue(ctx, query({ q: 'tailspin' }))).rows[0];
    // Someone else rejects the Tailspin match first: bulk accept leaves it and says why.
    await reviewMatch(ctx, stale.result.id, reviewInputSchema.parse({ decision: 'reject', expected_version: stale.result.version }));
    const matches = [{ id: exactRow.result.id, version: exactRow.result.version }, { id: stale.result.id, version: stale.result.version }];
    if (otherRow) matches.push({ id: otherRow.result.id, version: otherRow.result.version });
    const outcome = await bulkAcceptExact(ctx, { matches });
    expect(outcome.accepted).toEqual([exactRow.result.id]);
    const staleSkip = outcome.skipped.find((item) => item.id === stale.result.id);
    expect(staleSkip?.reason).toMatch(stale.result.confidenceBand === 'exact' ? /already rejected/ : /not exact/);
    if (otherRow) expect(outcome.skipped.find((item) => item.id === otherRow.result.id)?.reason).toMatch(/not exact/);
    const reviewed = await listReviewQueue(ctx, query({ reviewed: 'yes', decision: 'accept' }));
    expect(reviewed.rows.map((row) => row.result.id)).toContain(exactRow.result.id);
  });
});
