// POST /customers/import (multipart): CSV, JSON and JSON Lines, bad rows as rejections with row and
// field, an idempotent re-import, a malformed file, 413 over IMPORT_MAX_BODY_BYTES (1 MiB for the e2e
// server) and 415 for a body that is not multipart — always the { error: { code, message } } shape.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { importSummaryResponseSchema } from '../../lib/schemas/import';
import { expectBody, expectError } from '../support/contract';
import { recordResponse } from '../support/coverage';
import { expect, test, uniqueToken } from '../support/matching-api';

const PATH = '/customers/import';

async function postImport(request: APIRequestContext, file: { name: string; mimeType: string; text: string | Buffer }, fields: Record<string, string> = {}): Promise<APIResponse> {
  const response = await request.post(PATH, {
    multipart: { ...fields, file: { name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.text) } },
  });
  recordResponse('POST', PATH, response.status());
  return response;
}

const csvFile = (text: string) => ({ name: 'customers.csv', mimeType: 'text/csv', text });

test.describe('POST /customers/import', () => {
  test('imports a CSV; bad rows come back as rejections with row, line, field and reason', async ({ request }) => {
    const token = uniqueToken();
    const csv = [
      'company_name,email,city,country,employee_count,source_id',
      `Import Spec ${token} AS,post@${token}.no,Oslo,NO,10,${token}-1`,
      `Bad Mail ${token},not-an-email,Bergen,NO,,${token}-2`,
      `,,Bergen,NO,,${token}-3`,
      `Import Spec ${token} Two,,Tromsø,NO,,`,
    ].join('\n');
    const summary = await expectBody(await postImport(request, csvFile(csv), { source_system: `spec-${token}` }), 200, importSummaryResponseSchema);
    expect(summary).toMatchObject({ format: 'csv', target: 'customers', dry_run: false, rows_read: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2, error: null });
    expect(summary.rejections).toEqual([
      { row: 2, line: 3, source_id: `${token}-2`, field: 'email', reason: 'must be a valid email address' },
      { row: 3, line: 4, source_id: `${token}-3`, field: 'company_name', reason: 'is required and must be text' },
    ]);
    const listed = await (await request.get(`/api/v1/customers?q=${encodeURIComponent(`import spec ${token}`)}`)).json();
    expect(listed.map((customer: { company_name: string }) => customer.company_name).sort()).toEqual([`Import Spec ${token} AS`, `Import Spec ${token} Two`]);

    // The same file again changes nothing: every valid row is unchanged (also the one without source_id).
    const again = await expectBody(await postImport(request, csvFile(csv), { source_system: `spec-${token}` }), 200, importSummaryResponseSchema);
    expect(again).toMatchObject({ rows_read: 4, inserted: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(await (await request.get(`/api/v1/customers?q=${encodeURIComponent(`import spec ${token}`)}`)).json()).toHaveLength(2);
  });

  test('imports a JSON array into incoming records, with a dry run first that writes nothing', async ({ request }) => {
    const token = uniqueToken();
    const records = [{ company_name: `Json Spec ${token}`, source_id: `${token}-j1` }, { company_name: `Json Spec ${token} B`, source_id: `${token}-j2` }];
    const file = { name: 'incoming.json', mimeType: 'application/json', text: JSON.stringify(records) };
    const dry = await expectBody(await postImport(request, file, { target: 'incoming', dry_run: 'true' }), 200, importSummaryResponseSchema);
    expect(dry).toMatchObject({ dry_run: true, target: 'incoming', inserted: 2 });
    const before = await (await request.get('/api/v1/customers/incoming?limit=200&status=pending')).json();
    expect(before.filter((record: { company_name: string }) => record.company_name.includes(token))).toHaveLength(0);
    const real = await expectBody(await postImport(request, file, { target: 'incoming' }), 200, importSummaryResponseSchema);
    expect(real).toMatchObject({ dry_run: false, target: 'incoming', inserted: 2, rejected: 0 });
  });

  test('reads JSON Lines and answers NDJSON progress events ending in the summary when asked to', async ({ request }) => {
    const token = uniqueToken();
    const lines = [`{"company_name":"Jsonl Spec ${token}","source_id":"${token}-l1"}`, '{"company_name": 42}', 'not json'].join('\n');
    const response = await request.post(PATH, {
      headers: { Accept: 'application/x-ndjson' },
      multipart: { file: { name: 'feed.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines) } },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/application\/x-ndjson/);
    const events = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(events.at(-1).type).toBe('summary');
    expect(events.slice(0, -1).every((event: { type: string }) => event.type === 'progress')).toBe(true);
    expect(events.at(-1).summary).toMatchObject({ format: 'jsonl', rows_read: 3, inserted: 1, rejected: 2 });
    expect(events.at(-1).summary.rejections.map((rejection: { row: number; field: string }) => [rejection.row, rejection.field])).toEqual([[2, 'company_name'], [3, '(row)']]);
  });

  test('a malformed CSV answers 422 naming row and line, and keeps the rows before it', async ({ request }) => {
    const token = uniqueToken();
    const csv = `company_name,source_id\nBefore ${token},${token}-b\n"Broken,${token}-x\n`;
    const error = await expectError(await postImport(request, csvFile(csv)), 422, 'validation_failed', /Malformed CSV.*\(at row 2, line 3\); the 1 rows before it were imported/);
    expect(error.error.details).toMatchObject({ inserted: 1, error: { row: 2, line: 3 } });
  });

  test('refuses what it cannot import: 413 over the size limit, 415 not multipart, 400 without a file, 422 for a bad target or an unknown format', async ({ request }) => {
    const big = `company_name\n${'x'.repeat(1024 * 1024 + 10)}\n`;
    await expectError(await postImport(request, csvFile(big)), 413, 'payload_too_large', /larger than 1 MiB/);
    const json = await request.post(PATH, { data: { company_name: 'Acme' } });
    recordResponse('POST', PATH, json.status());
    await expectError(json, 415, 'unsupported_media_type', /multipart\/form-data/);
    const noFile = await request.post(PATH, { multipart: { target: 'customers' } });
    recordResponse('POST', PATH, noFile.status());
    await expectError(noFile, 400, 'bad_request', /No file in the form/);
    await expectError(await postImport(request, csvFile('company_name\nA\n'), { target: 'everything' }), 422, 'validation_failed', /target/);
    await expectError(await postImport(request, { name: 'data.txt', mimeType: 'text/plain', text: 'company_name\nA\n' }), 422, 'validation_failed', /Cannot tell the format/);
  });
});
