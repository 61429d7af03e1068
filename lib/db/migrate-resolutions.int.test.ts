// Upgrading a database decided under the old rules (one record linked twice, records left "matched" with
// every candidate rejected) to one resolution per record: migration 0008 on real rows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';
import { queryRows } from './rows';
import { testDatabases } from './testing';

/** The migrations as they were before resolutions (0000–0007). */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'cm-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === tag));
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe.each(testDatabases())('upgrade to one resolution per record on $kind', ({ open }) => {
  let handle: DatabaseHandle;
  const folder = migrationsBefore('0008_resolutions');
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    handle = await open(folder);
    const db = handle.db;
    const one = async <T,>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0];
    const customer = async (name: string, sourceId: string | null = null) => Number((await one<{ id: string }>(sql`insert into customers (company_name, source_id) values (${name}, ${sourceId}) returning id`)).id);
    const incoming = async (name: string, status: string) => Number((await one<{ id: string }>(sql`insert into incoming_customers (company_name, processing_status) values (${name}, ${status}) returning id`)).id);
    const match = async (incomingId: number, customerId: number, decision: string | null, reviewedAt: string | null = null) =>
      Number((await one<{ id: string }>(sql`insert into matching_results (incoming_id, customer_id, similarity_score, match_probability, match_weight, confidence_band, match_type, match_criteria, reviewed, review_decision, reviewer, reviewed_at)
        values (${incomingId}, ${customerId}, 0.9, 0.9, 3, 'high', 'high', '{}'::jsonb, ${decision !== null}, ${decision}, ${decision ? 'dana' : null}, ${reviewedAt}) returning id`)).id);
    const [a, b, c] = [await customer('Alpha'), await customer('Beta'), await customer('Gamma')];
    ids.a = a;
    ids.b = b;
    ids.twice = await incoming('Linked twice', 'reviewed');
    ids.firstAccept = await match(ids.twice, a, 'accept', '2025-01-01T10:00:00Z');
    ids.laterAccept = await match(ids.twice, b, 'accept', '2025-01-02T10:00:00Z');
    ids.leftOpen = await match(ids.twice, c, null);
    ids.allRejected = await incoming('All rejected', 'matched');
    await match(ids.allRejected, a, 'reject', '2025-01-03T10:00:00Z');
    ids.created = await incoming('Created new', 'reviewed');
    await match(ids.created, a, 'create_new', '2025-01-04T10:00:00Z');
    ids.createdCustomer = await customer('Created new', `incoming:${ids.created}:crm-7`);
    ids.weak = await incoming('Weak candidate', 'no_match');
    await match(ids.weak, c, null);
    ids.none = await incoming('Nothing found', 'no_match');
    await migrateDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const state = async (id: number) => {
    const [row] = await queryRows<{ processing_status: string; resolved_customer_id: string | null; resolution: Record<string, unknown> | null }>(handle.db, sql`select processing_status, resolved_customer_id, resolution from incoming_customers where id = ${id}`);
    return { ...row, resolved_customer_id: row.resolved_customer_id === null ? null : Number(row.resolved_customer_id) };
  };
  const decisions = async (incomingId: number) =>
    (await queryRows<{ id: string; review_decision: string | null; reviewed: boolean }>(handle.db, sql`select id, review_decision, reviewed from matching_results where incoming_id = ${incomingId} order by id`)).map((row) => [Number(row.id), row.review_decision, row.reviewed]);

  it('a record linked twice keeps its latest link; the earlier accept and the open candidate are closed', async () => {
    expect(await state(ids.twice)).toMatchObject({ processing_status: 'linked', resolved_customer_id: ids.b, resolution: { decision: 'accept', match_id: ids.laterAccept, legacy: true } });
    expect(await decisions(ids.twice)).toEqual([[ids.firstAccept, 'superseded', true], [ids.laterAccept, 'accept', true], [ids.leftOpen, 'superseded', true]]);
    expect((await state(ids.twice)).resolution?.closed_match_ids).toEqual([ids.firstAccept, ids.laterAccept, ids.leftOpen]);
  });

  it('open records follow their candidates: all rejected or none → no match, an open one → to review', async () => {
    expect((await state(ids.allRejected)).processing_status).toBe('no_match');
    expect((await state(ids.weak)).processing_status).toBe('matched');
    expect((await state(ids.none)).processing_status).toBe('no_match');
  });

  it('a record created as a new customer finds the customer it made', async () => {
    expect(await state(ids.created)).toMatchObject({ processing_status: 'created', resolved_customer_id: ids.createdCustomer, resolution: { decision: 'create_new', customer_id: ids.createdCustomer } });
  });
});
