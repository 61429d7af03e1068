import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalColumn, seedRowToRecord } from '../import/seed-csv';
import type { DatabaseHandle } from '../db/client';
import { listMatchesForIncoming } from '../db/queries/matches';
import { testDatabases } from '../db/testing';
import { customerInputSchema } from '../schemas/customer';
import { exportQuerySchema } from '../schemas/export';
import { recordDecisionSchema, reviewInputSchema } from '../schemas/review';
import type { ServiceContext } from './context';
import { createCustomer } from './customers';
import { seedDemoDataIfEmpty } from './demo-data';
import { EXPORT_COLUMNS } from './export-rows';
import { exportRecords, exportSize, type ExportOptions } from './export';
import { getIncoming, submitIncoming } from './incoming';
import { matchIncoming } from './matching';
import { decideIncoming, reviewMatch } from './resolution';

async function collect(ctx: ServiceContext, query: Record<string, string>, extra: Partial<ExportOptions> = {}): Promise<{ text: string; chunks: number }> {
  let text = '';
  let chunks = 0;
  for await (const chunk of exportRecords(ctx, { ...exportQuerySchema.parse(query), ...extra })) {
    text += chunk;
    chunks += 1;
  }
  return { text, chunks };
}

const csvRecords = (text: string) => parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;

describe.each(testDatabases())('exportRecords on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let hostileId: number;
  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'steward@test' };
    await seedDemoDataIfEmpty(ctx);
    hostileId = (await createCustomer(ctx, customerInputSchema.parse({ company_name: '=HYPERLINK("http://evil.example","Click")', contact_name: '@SUM(A1)', phone: '+1 212 736 5000', revenue: 1250000.5, employee_count: 12, source_system: 'crm', source_id: 'X-1' }))).id;
    for (const fields of [
      { company_name: 'ACME Corp.', email: 'john.smith@acme.com', city: 'New York', country: 'USA' },
      { company_name: 'Globex Technologies Inc', email: 'sjohnson@globex.io', city: 'San Francisco', country: 'US' },
      { company_name: 'Initech LLC', city: 'Austin', country: 'US' },
    ]) {
      const incoming = await submitIncoming(ctx, customerInputSchema.parse(fields));
      await matchIncoming(ctx, incoming.id);
    }
    const [first] = await listMatchesForIncoming(ctx.db, 1);
    await reviewMatch(ctx, first.result.id, reviewInputSchema.parse({ decision: 'accept', expected_version: first.result.version, notes: '=cmd|calc', reviewer: 'Dana' }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('matches as CSV: the documented columns, every stored result once across small pages, values as stored', async () => {
    const total = await exportSize(ctx, exportQuerySchema.parse({ what: 'matches' }));
    expect(total).toBeGreaterThanOrEqual(3);
    const { text, chunks } = await collect(ctx, { what: 'matches' }, { pageSize: 2 });
    expect(chunks).toBeGreaterThan(2);
    expect(text.split('\n')[0].split(',')).toEqual([...EXPORT_COLUMNS.matches]);
    const rows = csvRecords(text);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.match_id)).size).toBe(total);
    const stored = await listMatchesForIncoming(ctx.db, 1);
    const best = rows.find((row) => Number(row.match_id) === stored[0].result.id)!;
    expect(best).toMatchObject({ incoming_id: '1', incoming_status: 'linked', customer_id: String(stored[0].result.customerId), confidence_band: stored[0].result.confidenceBand, rank: '1', reviewed: 'true', review_decision: 'accept', reviewer: 'Dana' });
    expect(Number(best.match_probability)).toBe(stored[0].result.matchProbability);
    expect(best.top_reasons).toMatch(/^\w+ \w+ [+-]\d/);
  });

  it('band and reviewed filters', async () => {
    const all = JSON.parse((await collect(ctx, { what: 'matches', format: 'json' })).text) as Array<{ confidence_band: string; reviewed: boolean }>;
    const exact = JSON.parse((await collect(ctx, { what: 'matches', format: 'json', band: 'exact' })).text) as typeof all;
    expect(exact.length).toBe(all.filter((row) => row.confidence_band === 'exact').length);
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.every((row) => row.confidence_band === 'exact')).toBe(true);
    const others = JSON.parse((await collect(ctx, { what: 'matches', format: 'json', band: 'high,potential,low' })).text) as typeof all;
    expect(others.length + exact.length).toBe(all.length);
    const open = JSON.parse((await collect(ctx, { what: 'matches', format: 'json', reviewed: 'false' })).text) as typeof all;
    expect(open.length).toBe(all.length - 1);
    expect(JSON.parse((await collect(ctx, { what: 'matches', format: 'json', since: '2999-01-01' })).text)).toEqual([]);
  });

  it('decisions: who, when, what, notes and the ids before and after; JSON Lines parse line by line', async () => {
    const { text } = await collect(ctx, { what: 'decisions', format: 'jsonl' });
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor: 'steward@test', reviewer: 'Dana', decision: 'accept', notes: '=cmd|calc', incoming_id: 1, decision_before: null, version_before: 1, version_after: 2 });
    expect(new Date(lines[0].decided_at).getTime()).toBeGreaterThan(Date.now() - 600_000);
    const csv = csvRecords((await collect(ctx, { what: 'decisions' })).text);
    expect(csv[0].notes).toBe("'=cmd|calc");
  });

  it('customers: the import columns; CSV escapes formulas and re-imports to the same records, JSON stays raw; BOM on request', async () => {
    const { text } = await collect(ctx, { what: 'customers', bom: 'true' });
    expect(text.startsWith('\uFEFFcompany_name,contact_name,email,')).toBe(true);
    const rows = csvRecords(text);
    const hostile = rows.find((row) => row.source_id === 'X-1')!;
    expect(hostile.company_name).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(hostile.contact_name).toBe("'@SUM(A1)");
    expect(hostile.phone).toBe("'+1 212 736 5000");
    const record = seedRowToRecord(Object.fromEntries(Object.entries(hostile).map(([column, value]) => [canonicalColumn(column), value])));
    expect(record).toMatchObject({ revenue: 1250000.5, employeeCount: 12, city: null });
    const plain = rows.find((row) => row.company_name === 'Acme Corporation')!;
    expect(seedRowToRecord(plain)).toMatchObject({ companyName: 'Acme Corporation', email: 'john.smith@acme.com' });
    const json = JSON.parse((await collect(ctx, { what: 'customers', format: 'json' })).text) as Array<Record<string, unknown>>;
    expect(json.find((row) => row.source_id === 'X-1')).toMatchObject({ company_name: '=HYPERLINK("http://evil.example","Click")', phone: '+1 212 736 5000', revenue: 1250000.5, employee_count: 12 });
    expect(Object.keys(json[0])).toEqual([...EXPORT_COLUMNS.customers]);
    expect(hostileId).toBeGreaterThan(0);
    expect((await collect(ctx, { what: 'customers' })).text.startsWith('\uFEFF')).toBe(false);
  });

  it('decisions on a record as a whole (dismiss, change decision) are exported once, with no match id', async () => {
    const initech = await getIncoming(ctx, 3);
    const dismissed = await decideIncoming(ctx, 3, recordDecisionSchema.parse({ decision: 'dismiss', expected_version: initech.version, notes: 'test data' }));
    await decideIncoming(ctx, 3, recordDecisionSchema.parse({ decision: 'reopen', expected_version: dismissed.incoming.version }));
    const lines = (await collect(ctx, { what: 'decisions', format: 'jsonl' })).text.trimEnd().split('\n').map((line) => JSON.parse(line));
    const record = lines.filter((line) => line.incoming_id === 3 && line.match_id === null);
    const closed = lines.filter((line) => line.incoming_id === 3 && line.match_id !== null).map((line) => line.decision);
    expect(record.map((line) => [line.decision, line.decision_before, line.notes])).toEqual([['dismiss', null, 'test data'], ['reopen', 'dismiss', null]]);
    // Its candidates were closed with the record and opened again with it: one row each, on the candidate.
    expect(closed.every((decision) => decision === 'superseded' || decision === 'reopened')).toBe(true);
  });
});
