// GET /matches/export against `next start`: the download headers, what the body holds in each format, the
// formula escaping, the band filter, and 400 for a bad what / format / band.
import { parse } from 'csv-parse/sync';
import { expectError } from '../support/contract';
import { expect, test } from '../support/matching-api';

const MATCH_COLUMNS = 'match_id,incoming_id,incoming_source_system,incoming_source_id,incoming_status,customer_id,customer_source_system,customer_source_id,match_probability,confidence_band,rank,reviewed,review_decision,reviewer,reviewed_at,updated_at,top_reasons';

test.describe('GET /matches/export', () => {
  test('matches as CSV: an attachment with the documented columns, the stored pair, a band filter that holds', async ({ api }) => {
    const { match, incoming } = await api.matchedPair();
    const response = await api.client.get('/matches/export?what=matches&format=csv');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="matches-\d{8}T\d{6}Z\.csv"$/);
    const text = await response.text();
    expect(text.split('\n')[0]).toBe(MATCH_COLUMNS);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((candidate) => Number(candidate.match_id) === match.match_id);
    expect(row).toMatchObject({ incoming_id: String(incoming.request_id), customer_id: String(match.matched_customer_id), confidence_band: match.confidence_band, reviewed: 'false' });
    const band = match.confidence_band;
    const filtered = parse(await (await api.client.get(`/api/v1/matches/export?what=matches&band=${band}`)).text(), { columns: true }) as Array<Record<string, string>>;
    expect(filtered.length).toBe(rows.filter((candidate) => candidate.confidence_band === band).length);
    expect(filtered.every((candidate) => candidate.confidence_band === band)).toBe(true);
  });

  test('customers: CSV escapes a formula and carries a BOM on request; JSON Lines stay raw', async ({ api }) => {
    const customer = await api.createCustomer({ company_name: `=HYPERLINK("http://evil.example","Export ${Date.now()}")`, source_system: 'e2e', source_id: `export-${Date.now()}` });
    const csv = await api.client.get('/matches/export?what=customers&bom=true');
    expect(csv.status()).toBe(200);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.find((row) => row.source_id === customer.source_id)?.company_name).toBe(`'${customer.company_name}`);
    const jsonl = await api.client.get('/matches/export?what=customers&format=jsonl');
    expect(jsonl.headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(jsonl.headers()['content-disposition']).toMatch(/filename="customers-.*\.jsonl"/);
    const records = (await jsonl.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.find((record) => record.source_id === customer.source_id)?.company_name).toBe(customer.company_name);
  });

  test('decisions as JSON: an array with the steward\'s decision', async ({ api }) => {
    const { match } = await api.matchedPair();
    await api.review(match.match_id, { decision: 'reject', expected_version: match.version, notes: 'different branch' });
    const response = await api.client.get('/matches/export?what=decisions&format=json');
    expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
    const decisions = (await response.json()) as Array<Record<string, unknown>>;
    expect(decisions.find((decision) => decision.match_id === match.match_id)).toMatchObject({ decision: 'reject', notes: 'different branch' });
  });

  const badQueries: Array<[string, RegExp]> = [
    ['what=everything', /what must be one of matches, decisions, customers/],
    ['format=csv', /what/],
    ['what=matches&format=xlsx', /format must be one of csv, json, jsonl/],
    ['what=matches&band=certain', /band/],
    ['what=customers&band=exact', /applies to what=matches only/],
    ['what=matches&format=json&bom=true', /applies to format=csv only/],
    ['what=matches&since=yesterday', /since/],
  ];
  for (const [query, message] of badQueries) {
    test(`400 for ${query}`, async ({ api }) => {
      await expectError(await api.client.get(`/matches/export?${query}`), 400, 'bad_request', message);
    });
  }
});
