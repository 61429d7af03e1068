// Every field's boundary values through every service write path, on PGlite and PostgreSQL: the values just
// inside the column types are stored exactly; those outside are refused (a rejected row, a rejected batch
// record, a schema error) with the field named, and no row is written or changed.
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { IMPORT_COLUMNS } from '../import/fields';
import type { ImportFormat } from '../import/types';
import { boundaryFields, recordCells, recordJson, type BoundaryValue } from '../schemas/boundary-cases.test-helpers';
import { customerInputSchema, customerPatchSchema } from '../schemas/customer';
import { businessFieldsResponse } from '../http/responses/customer';
import { submitIncomingBatch } from './batch';
import type { ServiceContext } from './context';
import { createCustomer, getCustomer, updateCustomer } from './customers';
import { importRecords, type Rejection } from './import';
import { getIncoming } from './incoming';

const REFUSED = boundaryFields('refused').flatMap(({ field, refused }) => refused.map((value) => ({ field, value })));
/** A fresh token each time: the accepted source_id is a real key, so each path must send its own. */
const accepted = (path: string) => boundaryFields(`${path}-${Date.now().toString(36)}`).flatMap(({ field, accepted }) => accepted.map((value) => ({ field, value })));

let sequence = 0;
const nextSourceId = (field: string) => `${field}-${Date.now().toString(36)}-${(sequence += 1)}`;
const parsedRecord = (field: string, value: BoundaryValue, sourceId = nextSourceId(field)) => JSON.parse(recordJson(field, value, sourceId)) as Record<string, unknown>;

/** One file of the cases in a format; CSV leaves out what it cannot carry. Rows are in the order of `cases`. */
function importFile<V extends BoundaryValue>(format: ImportFormat, cases: Array<{ field: string; value: V }>): { text: string; rows: Array<{ field: string; value: V }> } {
  if (format === 'csv') {
    const rows = cases.filter(({ value }) => value.csv !== undefined);
    const cells = rows.map(({ field, value }) => recordCells(field, value, nextSourceId(field))!);
    return { text: stringify(cells, { header: true, columns: [...IMPORT_COLUMNS] }), rows };
  }
  const lines = cases.map(({ field, value }) => recordJson(field, value, nextSourceId(field)));
  return { text: format === 'json' ? `[\n${lines.join(',\n')}\n]` : lines.join('\n'), rows: cases };
}

describe.each(testDatabases())('write-path boundaries on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const count = async (table: 'customers' | 'incoming_customers') => (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'test:boundaries' };
  });
  afterAll(async () => {
    await handle?.close();
  });

  it.each(['csv', 'json', 'jsonl'] as const)('a %s import rejects each value outside its column with row and field, and imports nothing of it', async (format) => {
    const { text, rows } = importFile(format, REFUSED);
    const before = await count('customers');
    const rejections: Rejection[] = [];
    const summary = await importRecords(ctx, [text], { target: 'customers', format, rejects: { write: (rejection) => void rejections.push(rejection) } });
    expect(summary).toMatchObject({ rowsRead: rows.length, inserted: 0, updated: 0, rejected: rows.length, error: null });
    rows.forEach(({ field, value }, i) => {
      const named = rejections.filter((rejection) => rejection.row === i + 1).map((rejection) => rejection.field);
      expect(named.some((name) => name === field || name.startsWith(`${field}.`)), `row ${i + 1} (${field}: ${value.label}) rejected at ${named.join(', ') || 'nothing'}`).toBe(true);
    });
    expect(await count('customers')).toBe(before);
  });

  it.each(['csv', 'json', 'jsonl'] as const)('a %s import stores each value at its boundary exactly', async (format) => {
    const { text, rows } = importFile(format, accepted(format));
    const before = await count('customers');
    const summary = await importRecords(ctx, [text], { target: 'customers', format });
    expect(summary.rejections).toEqual([]);
    expect(summary).toMatchObject({ inserted: rows.length, rejected: 0, error: null });
    expect(await count('customers')).toBe(before + rows.length);
    const stored = await queryRows<{ id: number }>(handle.db, sql`select id from customers order by id desc limit ${rows.length}`);
    const byRow = stored.map((row) => Number(row.id)).reverse();
    for (const [i, { field, value }] of rows.entries()) {
      expect(businessFieldsResponse(await getCustomer(ctx, byRow[i]))[field as keyof ReturnType<typeof businessFieldsResponse>], `${field}: ${value.label}`).toEqual(value.stored);
    }
  });

  it('a batch of incoming records rejects every value outside its column, naming the field, and stores none', async () => {
    const before = await count('incoming_customers');
    const outcome = await submitIncomingBatch(ctx, REFUSED.map(({ field, value }) => parsedRecord(field, value)), { match: false });
    expect(outcome).toMatchObject({ received: REFUSED.length, stored: 0, rejected: REFUSED.length });
    outcome.results.forEach((result, i) => {
      const paths = result.status === 'rejected' ? result.errors.map((error) => error.path) : [];
      expect(paths.some((path) => path === REFUSED[i].field || path.startsWith(`${REFUSED[i].field}.`)), `${REFUSED[i].field}: ${REFUSED[i].value.label} → ${JSON.stringify(result).slice(0, 200)}`).toBe(true);
    });
    expect(await count('incoming_customers')).toBe(before);
  });

  it('a batch stores each value at its boundary exactly', async () => {
    const ACCEPTED = accepted('batch');
    const outcome = await submitIncomingBatch(ctx, ACCEPTED.map(({ field, value }) => parsedRecord(field, value)), { match: false });
    expect(outcome.results.filter((result) => result.status === 'rejected')).toEqual([]);
    for (const [i, result] of outcome.results.entries()) {
      const incoming = await getIncoming(ctx, (result as { incoming_id: number }).incoming_id);
      expect(businessFieldsResponse(incoming)[ACCEPTED[i].field as 'city'], `${ACCEPTED[i].field}: ${ACCEPTED[i].value.label}`).toEqual(ACCEPTED[i].value.stored);
    }
  });

  it('create and PATCH store each value at its boundary exactly', async () => {
    const target = await createCustomer(ctx, customerInputSchema.parse({ company_name: 'Boundary patch target' }));
    for (const { field, value } of accepted('create')) {
      const created = await createCustomer(ctx, customerInputSchema.parse(parsedRecord(field, value)));
      expect(businessFieldsResponse(await getCustomer(ctx, created.id))[field as 'city'], `create ${field}: ${value.label}`).toEqual(value.stored);
      if (field === 'source_id' || field === 'source_system') continue;
      await updateCustomer(ctx, target.id, customerPatchSchema.parse({ [field]: JSON.parse(value.json) }));
      expect(businessFieldsResponse(await getCustomer(ctx, target.id))[field as 'city'], `patch ${field}: ${value.label}`).toEqual(value.stored);
    }
  });
});
