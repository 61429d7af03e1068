// Small thresholds so a 30-row import counts as large and exercises the HNSW drop and rebuild.
process.env.IMPORT_INDEX_REBUILD_MIN_ROWS = '25';
process.env.IMPORT_INDEX_REBUILD_RATIO = '0';

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { copyCapableClient } from '../db/queries/import-copy';
import { queryRows } from '../db/rows';
import { testDatabases } from '../db/testing';
import { dropBulkLoadIndexes, missingBulkLoadIndexes } from '../db/bulk-load-indexes';
import { createLocalEmbedder } from '../embeddings/local';
import { embeddingTexts } from '../matching/normalize/record';
import type { Embedder } from '../embeddings/types';
import type { ServiceContext } from './context';
import { importRecords, type ImportOptions, type Rejection } from './import';

/** The local embedder, counting the texts it is asked to embed. */
function countingEmbedder(): Embedder & { texts: string[] } {
  const local = createLocalEmbedder();
  const texts: string[] = [];
  return { provider: local.provider, model: local.model, dimensions: local.dimensions, texts, embed: (batch) => (texts.push(...batch), local.embed(batch)) };
}

const CSV = [
  'company_name,contact_name,email,city,country,revenue,employee_count,source_id,notes',
  'Fjord Analytics AS,Kari Nordmann,kari@fjord.no,Oslo,NO,"1,200,000",40,F-1,x',
  'Bergen Bakeri,Ola Hansen,not-an-email,Bergen,NO,,12,F-2,',
  'Nordlys Energi,,post@nordlys.no,Tromsø,NO,,,,',
  ',Nobody,,,,,,F-4,',
  'Vestland Shipping,Per Berg,per@vestland.no,Bergen,NO,,-3,F-5,',
].join('\n');

describe.each(testDatabases())('importRecords on $kind', ({ kind, open }) => {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  const count = async (table: string, where = sql`true`) =>
    (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))[0].n;
  const run = (text: string, options: Partial<ImportOptions> & { rejected?: Rejection[] } = {}) => {
    const rejected = options.rejected ?? [];
    return importRecords(ctx, [text], { target: 'customers', format: 'csv', rejects: { write: (rejection) => void rejected.push(rejection) }, ...options });
  };

  beforeAll(async () => {
    handle = await open();
    ctx = { db: handle.db, actor: 'test:import' };
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('imports the valid CSV rows and sends every bad one to the rejects sink with row, line, field and reason', async () => {
    const rejected: Rejection[] = [];
    const summary = await run(CSV, { sourceSystem: 'crm-export', rejected });
    expect(summary).toMatchObject({ rowsRead: 5, inserted: 2, updated: 0, unchanged: 0, rejected: 3, error: null, ignoredColumns: ['notes'] });
    expect(rejected).toEqual([
      { row: 2, line: 3, sourceId: 'F-2', field: 'email', reason: 'must be a valid email address' },
      { row: 4, line: 5, sourceId: 'F-4', field: 'company_name', reason: 'is required and must be text' },
      { row: 5, line: 6, sourceId: 'F-5', field: 'employee_count', reason: 'must be zero or more' },
    ]);
    expect(summary.rejections).toEqual(rejected);
    const stored = await queryRows<{ source_system: string; source_id: string; revenue: string; has_embedding: boolean }>(
      handle.db,
      sql`select source_system, source_id, revenue::text, company_name_embedding is not null as has_embedding from customers order by id`,
    );
    expect(stored).toEqual([
      { source_system: 'crm-export', source_id: 'F-1', revenue: '1200000.00', has_embedding: true },
      { source_system: 'crm-export', source_id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), revenue: null, has_embedding: true },
    ]);
  });

  it('changes nothing when the same file is imported again: no writes, no embedding, one summary audit event', async () => {
    const embedder = countingEmbedder();
    const auditBefore = await count('audit_events');
    const customersBefore = await count('customers');
    const totalBefore = await queryRows<{ count: number }>(handle.db, sql`select count from term_frequencies where field = '_total'`);
    const summary = await run(CSV, { sourceSystem: 'crm-export', embedder });
    expect(summary).toMatchObject({ rowsRead: 5, inserted: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect(embedder.texts).toEqual([]);
    expect(await count('customers')).toBe(customersBefore);
    expect(await count('audit_events')).toBe(auditBefore + 1);
    expect(await queryRows<{ count: number }>(handle.db, sql`select count from term_frequencies where field = '_total'`)).toEqual(totalBefore);
  });

  it('updates and re-embeds a changed row, moving its term frequencies from the old values to the new', async () => {
    const embedder = countingEmbedder();
    const before = (await queryRows<{ id: number; embedding: string }>(handle.db, sql`select id, company_name_embedding::text as embedding from customers where source_id = 'F-1'`))[0];
    const changed = 'company_name,city,country,source_id\nFjord Insight AS,Oslo,NO,F-1\n';
    const summary = await run(changed, { sourceSystem: 'crm-export', embedder });
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(embedder.texts.some((text) => /fjord insight/i.test(text))).toBe(true);
    const after = (await queryRows<{ id: number; embedding: string; contact_name: string | null }>(
      handle.db,
      sql`select id, company_name_embedding::text as embedding, contact_name from customers where source_id = 'F-1'`,
    ))[0];
    expect(after.id).toBe(before.id);
    expect(after.embedding).not.toBe(before.embedding);
    // A file row is the whole record: a column left empty clears the stored value.
    expect(after.contact_name).toBeNull();
    const frequency = async (value: string) => (await queryRows<{ count: number }>(handle.db, sql`select count from term_frequencies where field = 'companyName' and value = ${value}`))[0]?.count ?? 0;
    expect(await frequency('fjord analytics')).toBe(0);
    expect(await frequency('fjord insight')).toBe(1);
  });

  it('reads a JSON array and JSON Lines the same way', async () => {
    const records = [
      { company_name: 'Lofoten Fisk', email: 'post@lofotenfisk.no', source_id: 'J-1', identifiers: [{ type: 'VAT', value: 'NO999888777' }] },
      { company_name: 'Senja Sjømat', state_province: 'Troms', annual_revenue: 5000, source_id: 'J-2' },
    ];
    const json = await run(JSON.stringify(records), { format: 'json', sourceSystem: 'json-feed' });
    const jsonl = await run(records.map((record) => JSON.stringify(record)).join('\n'), { format: 'jsonl', sourceSystem: 'jsonl-feed' });
    expect(json).toMatchObject({ rowsRead: 2, inserted: 2, rejected: 0 });
    expect(jsonl).toMatchObject({ rowsRead: 2, inserted: 2, rejected: 0 });
    const stored = await queryRows<{ state: string; revenue: number; identifier_keys: string[] | null }>(
      handle.db,
      sql`select state, revenue::float as revenue, identifier_keys from customers where source_system = 'jsonl-feed' order by source_id`,
    );
    expect(stored[0].identifier_keys).toEqual(expect.arrayContaining([expect.stringContaining('NO999888777')]));
    expect(stored[1]).toMatchObject({ state: 'Troms', revenue: 5000 });
  });

  it('stores every kind of value as given, whichever write path the database takes (COPY on PostgreSQL)', async () => {
    expect(await handle.db.transaction(async (tx) => copyCapableClient(tx) !== null)).toBe(kind === 'postgres');
    const record = {
      company_name: 'Ålesund "Quote" \\ Tab\tAS', revenue: 1234.567, employee_count: 12, date_of_birth: '1980-03-04',
      identifiers: [{ type: 'VAT', value: 'NO123,"4"{5}' }], source_id: 'K-1',
    };
    expect(await run(JSON.stringify([record]), { format: 'json', sourceSystem: 'kinds' })).toMatchObject({ inserted: 1, rejected: 0 });
    const [stored] = await queryRows<{ company_name: string; revenue: string; employee_count: number; identifiers: unknown; identifier_keys: string[]; search_text: string; embedding: string }>(
      handle.db,
      sql`select company_name, revenue::text as revenue, employee_count, identifiers, identifier_keys, search_text, full_profile_embedding::text as embedding from customers where source_system = 'kinds'`,
    );
    expect(stored).toMatchObject({ company_name: record.company_name, revenue: '1234.57', employee_count: 12, identifiers: [{ type: 'VAT', value: 'NO123,"4"{5}' }] });
    expect(stored.identifier_keys).toEqual(expect.arrayContaining([expect.stringContaining('NO123'), 'dob:1980-03-04']));
    expect(stored.search_text.startsWith('ålesund "quote" \\ tab\tas')).toBe(true);
    const [expected] = await createLocalEmbedder().embed([embeddingTexts({ companyName: record.company_name, dateOfBirth: record.date_of_birth, identifiers: record.identifiers }).fullProfile]);
    expect((JSON.parse(stored.embedding) as number[]).map((value) => Math.fround(value))).toEqual(expected.map((value) => Math.fround(value)));
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const tables = async () => [await count('customers'), await count('audit_events'), await count('term_frequencies')];
    const before = await tables();
    const file = 'company_name,source_id\nFjord Insight AS,F-1\nBrand New Ltd,N-1\nFjord Insight AS,F-1b\n';
    const summary = await run(file, { sourceSystem: 'crm-export', dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, rowsRead: 3, inserted: 2, updated: 1, unchanged: 0 });
    expect(await tables()).toEqual(before);
  });

  it('stops at malformed CSV naming the row and line, and keeps the rows before it', async () => {
    const file = 'company_name,source_id\nBefore One,M-1\nBefore Two,M-2\n"Broken,M-3\nAfter,M-4\n';
    const summary = await run(file, { sourceSystem: 'malformed' });
    expect(summary.inserted).toBe(2);
    expect(summary.error).toMatchObject({ row: 3, line: 4, message: expect.stringMatching(/Malformed CSV/) });
    expect(await count('customers', sql`source_system = 'malformed'`)).toBe(2);
  });

  it('lets a later row with the same source key update the earlier one, within a batch too', async () => {
    const file = 'company_name,city,source_id\nTwice AS,Oslo,T-1\nTwice AS,Bergen,T-1\n';
    const summary = await run(file, { sourceSystem: 'twice' });
    expect(summary).toMatchObject({ inserted: 1, updated: 1 });
    expect(await queryRows(handle.db, sql`select city from customers where source_system = 'twice'`)).toEqual([{ city: 'Bergen' }]);
  });

  it('drops the secondary indexes for a large import and builds them again as the migrations made them; an interrupted import is repaired next time', async () => {
    const definitions = () =>
      queryRows<{ indexdef: string }>(handle.db, sql`select indexdef from pg_indexes where tablename in ('customers', 'customer_names') order by indexname`);
    const migrated = await definitions();
    const rows = Array.from({ length: 30 }, (_, i) => `Large Import ${i} AS,Oslo,L-${i}`);
    const summary = await run(['company_name,city,source_id', ...rows].join('\n'), { sourceSystem: 'large', sizeHint: { rows: 30 } });
    expect(summary).toMatchObject({ inserted: 30, vectorIndexesRebuilt: true });
    expect(await missingBulkLoadIndexes(handle.db)).toEqual([]);
    const names = await queryRows<{ indexname: string }>(handle.db, sql`select indexname from pg_indexes where tablename = 'customers' and indexdef like '%USING hnsw%' order by 1`);
    expect(names.map((row) => row.indexname)).toEqual(['customers_company_name_embedding_hnsw', 'customers_full_profile_embedding_hnsw']);
    expect(await definitions()).toEqual(migrated);

    await dropBulkLoadIndexes(handle.db);
    const small = await run('company_name,source_id\nSmall AS,S-1\n', { sourceSystem: 'small' });
    expect(small.vectorIndexesRebuilt).toBe(false);
    expect(await missingBulkLoadIndexes(handle.db)).toEqual([]);
  });

  it('imports into incoming customers as pending, and sends a changed one back to pending', async () => {
    const first = await run('company_name,source_id\nIncoming Co,I-1\n', { target: 'incoming', sourceSystem: 'feed' });
    expect(first).toMatchObject({ target: 'incoming', inserted: 1 });
    await handle.db.execute(sql`update incoming_customers set processing_status = 'matched' where source_id = 'I-1'`);
    const again = await run('company_name,source_id\nIncoming Co,I-1\n', { target: 'incoming', sourceSystem: 'feed' });
    expect(again).toMatchObject({ unchanged: 1 });
    const changed = await run('company_name,source_id\nIncoming Company,I-1\n', { target: 'incoming', sourceSystem: 'feed' });
    expect(changed).toMatchObject({ updated: 1 });
    expect(await queryRows(handle.db, sql`select company_name, processing_status from incoming_customers where source_id = 'I-1'`)).toEqual([
      { company_name: 'Incoming Company', processing_status: 'pending' },
    ]);
  });

  it('leaves a resolved incoming record as it was decided: a changed row for it is rejected with the reason', async () => {
    await run('company_name,source_id\nDecided Co,R-1\n', { target: 'incoming', sourceSystem: 'feed' });
    await handle.db.execute(sql`update incoming_customers set processing_status = 'dismissed' where source_id = 'R-1'`);
    const rejected: Rejection[] = [];
    const again = await run('company_name,source_id\nDecided Company,R-1\nFresh Co,R-2\n', { target: 'incoming', sourceSystem: 'feed', rejected });
    expect(again).toMatchObject({ inserted: 1, updated: 0, rejected: 1 });
    expect(rejected).toEqual([{ row: 1, line: 2, sourceId: 'R-1', field: 'source_id', reason: expect.stringMatching(/already resolved \(dismissed\); send the changed record with a new source_id/) }]);
    expect(await queryRows(handle.db, sql`select company_name, processing_status from incoming_customers where source_id = 'R-1'`)).toEqual([{ company_name: 'Decided Co', processing_status: 'dismissed' }]);
  });
});
