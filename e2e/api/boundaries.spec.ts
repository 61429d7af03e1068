// Every field's boundary values (lib/schemas/boundary-cases.test-helpers.ts) through every HTTP write path:
// values outside a column's type answer 4xx (or a rejected import row) and leave the rows as they were; values
// at the bound are stored exactly. Also: invalid UTF-8, a truncated JSON import, NUL and stray quotes in a CSV.
import type { APIResponse } from '@playwright/test';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from '../../lib/import/fields';
import { importSummaryResponseSchema } from '../../lib/schemas/import';
import { boundaryFields, recordCells, recordJson, type BoundaryValue } from '../../lib/schemas/boundary-cases.test-helpers';
import * as responses from '../../lib/schemas/responses';
import { expectBody, expectError, expectNoLeak } from '../support/contract';
import { expect, MatchingApi, test, uniqueToken } from '../support/matching-api';

const FIELDS = boundaryFields(uniqueToken());
const REFUSED = FIELDS.flatMap(({ field, refused }) => refused.map((value) => ({ field, value })));
const ACCEPTED = FIELDS.flatMap(({ field, accepted }) => accepted.map((value) => ({ field, value })));
const PATCHABLE = (field: string) => field !== 'source_id' && field !== 'source_system';

let sequence = 0;
const sourceId = (field: string) => `${field}-${uniqueToken()}-${(sequence += 1)}`;
const customerPath = (path: string) => `/api/v1${path}`;

async function expectRefused(response: APIResponse, context: string): Promise<void> {
  const text = await response.text();
  expect(response.status(), `${context} → ${response.status()} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status(), `${context} → ${response.status()} ${text.slice(0, 300)}`).toBeLessThan(500);
  expectNoLeak(text, context);
  expect(JSON.parse(text).error.code).toMatch(/^(validation_failed|invalid_json|payload_too_large)$/);
}

async function counts(api: MatchingApi) {
  return { customers: await api.count('/customers'), incoming: await api.count('/customers/incoming') };
}

test.describe('column bounds on every HTTP write path', () => {
  test('POST /customers, PATCH /customers/{id} and POST /customers/incoming refuse every value outside its column and change no row', async ({ api }) => {
    test.setTimeout(240_000);
    const target = await api.createCustomer({ company_name: `Boundary patch target ${uniqueToken()}` });
    const before = await counts(api);
    for (const { field, value } of REFUSED) {
      const context = `${field}: ${value.label}`;
      await expectRefused(await api.client.send('POST', '/customers', { raw: recordJson(field, value, sourceId(field)), contentType: 'application/json' }), `POST /customers ${context}`);
      await expectRefused(await api.client.send('POST', '/customers/incoming', { raw: recordJson(field, value, sourceId(field)), contentType: 'application/json' }), `POST /customers/incoming ${context}`);
      if (PATCHABLE(field)) {
        await expectRefused(await api.client.send('PATCH', `/customers/${target.customer_id}`, { raw: `{${JSON.stringify(field)}:${value.json}}`, contentType: 'application/json' }), `PATCH ${context}`);
      }
    }
    expect(await counts(api)).toEqual(before);
    expect(await api.getCustomer(target.customer_id)).toEqual(target);
  });

  test('a batch of values outside their columns is refused record by record (422), storing nothing', async ({ api }) => {
    const before = await counts(api);
    const batch = (cases: typeof REFUSED) => api.client.send('POST', '/customers/incoming/batch', { raw: `{"records":[${cases.map(({ field, value }) => recordJson(field, value, sourceId(field))).join(',')}]}`, contentType: 'application/json' });
    // Text PostgreSQL cannot hold anywhere in the body refuses the whole body, naming where.
    for (const unstorable of REFUSED.filter(({ value }) => value.unstorable)) {
      const refused = await expectError(await batch([unstorable]), 422, 'validation_failed');
      expect(refused.error.details, `${unstorable.field}: ${unstorable.value.label}`).toEqual([expect.objectContaining({ path: expect.stringMatching(new RegExp(`^records\\.0\\.${unstorable.field}`)) })]);
    }
    const perRecord = REFUSED.filter(({ value }) => !value.unstorable);
    const body = await expectError(await batch(perRecord), 422, 'validation_failed');
    const results = body.error.details as Array<{ index: number; status: string; errors: Array<{ path: string }> }>;
    expect(results).toHaveLength(perRecord.length);
    results.forEach((result, i) => {
      expect(result.status, `${perRecord[i].field}: ${perRecord[i].value.label}`).toBe('rejected');
      expect(result.errors.map((error) => error.path.split('.')[0]), `${perRecord[i].field}: ${perRecord[i].value.label}`).toContain(perRecord[i].field);
    });
    expect(await counts(api)).toEqual(before);
  });

  test('an import (CSV, JSON, JSON Lines) rejects each such row with row and field, and imports none of them', async ({ api, request }) => {
    const before = await counts(api);
    for (const format of ['csv', 'json', 'jsonl'] as const) {
      // Uploads are capped at 1 MiB on the e2e server: the 100,000-character values are left to the services test.
      const small = REFUSED.filter(({ value }) => value.json.length < 10_000);
      const rows = format === 'csv' ? small.filter(({ value }) => value.csv !== undefined) : small;
      const text =
        format === 'csv'
          ? stringify(rows.map(({ field, value }) => recordCells(field, value, sourceId(field))!), { header: true, columns: [...IMPORT_COLUMNS] })
          : format === 'json'
            ? `[${rows.map(({ field, value }) => recordJson(field, value, sourceId(field))).join(',\n')}]`
            : rows.map(({ field, value }) => recordJson(field, value, sourceId(field))).join('\n');
      const response = await request.post(customerPath('/customers/import'), { multipart: { file: { name: `boundaries.${format}`, mimeType: 'application/octet-stream', buffer: Buffer.from(text) } } });
      const summary = await expectBody(response, 200, importSummaryResponseSchema);
      expect(summary).toMatchObject({ rows_read: rows.length, inserted: 0, updated: 0, rejected: rows.length, error: null });
      rows.forEach(({ field, value }, i) => {
        const named = summary.rejections.filter((rejection) => rejection.row === i + 1).map((rejection) => rejection.field.split('.')[0]);
        expect(named, `${format} row ${i + 1} ${field}: ${value.label}`).toContain(field);
      });
    }
    expect(await counts(api)).toEqual(before);
  });

  test('values at their column bounds are stored exactly by create, PATCH and submit', async ({ api }) => {
    test.setTimeout(240_000);
    const target = await api.createCustomer({ company_name: `Boundary accepted target ${uniqueToken()}` });
    for (const { field, value } of ACCEPTED) {
      const context = `${field}: ${value.label}`;
      const created = await expectBody(await api.client.send('POST', '/customers', { raw: recordJson(field, value, sourceId(field)), contentType: 'application/json' }), 201, responses.customerResponseSchema);
      expect(created[field as keyof typeof created], `POST /customers ${context}`).toEqual(value.stored);
      const incoming = await expectBody(await api.client.send('POST', '/customers/incoming', { raw: recordJson(field, value, sourceId(field)), contentType: 'application/json' }), 201, responses.incomingResponseSchema);
      expect(incoming[field as keyof typeof incoming], `POST /customers/incoming ${context}`).toEqual(value.stored);
      if (!PATCHABLE(field)) continue;
      const patched = await expectBody(await api.client.send('PATCH', `/customers/${target.customer_id}`, { raw: `{${JSON.stringify(field)}:${value.json}}`, contentType: 'application/json' }), 200, responses.customerResponseSchema);
      expect(patched[field as keyof typeof patched], `PATCH ${context}`).toEqual(value.stored);
    }
  });
});

test.describe('review notes at their bounds', () => {
  const notes: BoundaryValue[] = [
    { label: '2001 characters', json: JSON.stringify('n'.repeat(2001)) },
    { label: 'a NUL character', json: JSON.stringify('nul\u0000') },
    { label: 'a lone surrogate', json: '"lone\\ud800"' },
  ];

  test('a decision with notes or reviewer outside their bounds is refused and changes nothing', async ({ api }) => {
    const { incoming, match } = await api.matchedPair();
    for (const value of notes) {
      await expectRefused(await api.client.send('POST', `/matches/${match.match_id}/review`, { raw: `{"decision":"reject","expected_version":${match.version},"notes":${value.json}}`, contentType: 'application/json' }), `review notes ${value.label}`);
      await expectRefused(await api.client.send('POST', `/customers/incoming/${incoming.request_id}/decision`, { raw: `{"decision":"dismiss","expected_version":${incoming.version},"notes":${value.json}}`, contentType: 'application/json' }), `decision notes ${value.label}`);
    }
    await expectRefused(await api.client.post(`/matches/${match.match_id}/review`, { decision: 'reject', expected_version: match.version, reviewer: 'r'.repeat(201) }), 'reviewer of 201 characters');
    const after = await api.matchesOf(incoming.request_id);
    expect(after.matches.find((candidate) => candidate.match_id === match.match_id)).toMatchObject({ reviewed: false, version: match.version });
    expect(after.incoming_customer).toMatchObject({ processing_status: incoming.processing_status, version: incoming.version });
    // The bound itself is accepted.
    const reviewed = await api.review(match.match_id, { decision: 'reject', expected_version: match.version, notes: 'n'.repeat(2000) });
    expect(reviewed.match?.reviewer_notes).toBe('n'.repeat(2000));
  });
});

test.describe('bytes and files that are not what they claim', () => {
  test('a JSON body with invalid UTF-8 answers 400 invalid_json and stores nothing', async ({ api }) => {
    const before = await counts(api);
    const body = Buffer.concat([Buffer.from('{"company_name":"M'), Buffer.from([0xc3]), Buffer.from(`ller ${uniqueToken()}"}`)]);
    for (const path of ['/customers', '/customers/incoming']) {
      await expectError(await api.client.send('POST', path, { raw: body, contentType: 'application/json' }), 400, 'invalid_json', /UTF-8/);
    }
    expect(await counts(api)).toEqual(before);
  });

  test('a truncated JSON import is reported as malformed, with the complete records before the damage imported', async ({ api, request }) => {
    const token = uniqueToken();
    const before = await counts(api);
    const text = `[{"company_name":"T1 ${token}","source_id":"${token}-1"},{"company_name":"T2 ${token}","source_id":"${token}-2"}`;
    const response = await request.post(customerPath('/customers/import'), { multipart: { file: { name: 'truncated.json', mimeType: 'application/json', buffer: Buffer.from(text) } } });
    const body = await expectError(response, 422, 'validation_failed', /ends before the array is closed.*the 2 rows before it were imported/);
    expect(body.error.details).toMatchObject({ inserted: 2, error: { row: 3 } });
    expect((await counts(api)).customers).toBe(before.customers + 2);
  });

  test('a NUL byte in a CSV rejects that row only; a stray quote is read as written; an unclosed quote stops the file after the rows before it', async ({ api, request }) => {
    const token = uniqueToken();
    const before = await counts(api);
    const post = (text: string) => request.post(customerPath('/customers/import'), { multipart: { file: { name: 'quirks.csv', mimeType: 'text/csv', buffer: Buffer.from(text) } } });
    const quirks = ['company_name,city,source_id', `Nul\u0000 ${token},Oslo,${token}-nul`, `Acme "Best" ${token},Bergen,${token}-stray`, `Plain ${token},Molde,${token}-plain`].join('\n');
    const summary = await expectBody(await post(quirks), 200, importSummaryResponseSchema);
    expect(summary).toMatchObject({ rows_read: 3, inserted: 2, rejected: 1, error: null });
    expect(summary.rejections).toEqual([{ row: 1, line: 2, source_id: `${token}-nul`, field: 'company_name', reason: expect.stringMatching(/NUL/) }]);
    const stored = await (await request.get(customerPath(`/customers?q=${token}`))).json();
    expect(stored.map((customer: { company_name: string }) => customer.company_name).sort()).toEqual([`Acme "Best" ${token}`, `Plain ${token}`]);

    const unclosed = ['company_name,city,source_id', `Before ${token},Oslo,${token}-b`, `"Open ${token},Bergen,${token}-o`, `After ${token},Molde,${token}-a`].join('\n');
    const failed = await expectError(await post(unclosed), 422, 'validation_failed', /Quote Not Closed.*the 1 rows before it were imported/);
    expect(failed.error.details).toMatchObject({ inserted: 1, error: { row: 2 } });
    expect((await counts(api)).customers).toBe(before.customers + 3);
  });
});
