// The proof of concept's README curl examples, replayed unchanged with real curl: a client written for the
// seed must keep working (issue 5, "Seed compatibility contract").
import { CONFIDENCE_BANDS } from '../../lib/matching/types';
import * as responses from '../../lib/schemas/responses';
import { expectSchema } from '../support/contract';
import { ApiClient } from '../support/api-client';
import { curlJson } from '../support/curl';
import { expect, test } from '../support/matching-api';

const ADD_CUSTOMER = `curl -X POST "$BASE/customers" -H "Content-Type: application/json" -d '{"company_name": "Acme Corporation", "contact_name": "John Smith", "email": "john.smith@acme.com", "phone": "+1-555-0123", "address_line1": "123 Main St", "city": "New York", "state_province": "NY", "postal_code": "10001", "country": "USA", "industry": "Technology", "annual_revenue": 1000000, "employee_count": 50}'`;
const SUBMIT_INCOMING = `curl -X POST "$BASE/customers/incoming" -H "Content-Type: application/json" -d '{"company_name": "ACME Corp", "contact_name": "J. Smith", "email": "jsmith@acme.com", "phone": "555-0123", "city": "New York", "country": "USA"}'`;
/** The README runs it for request 1; here for the request_id the previous example returned. */
const processMatching = (requestId: number) => `curl -X POST "$BASE/customers/match/${requestId}"`;
const SEARCH = `curl -X POST "$BASE/customers/search" -H "Content-Type: application/json" -d '{"query_text": "Acme technology company in New York", "similarity_threshold": 0.7, "max_results": 5}'`;

test.describe.serial('seed README curl examples', () => {
  let addedCustomerId: number | undefined;

  // The first example adds a second "Acme Corporation"; erase it so later specs on this server (the ui
  // project's home page looks for one "Acme Corporation" row) see the demo data as seeded.
  test.afterAll(async ({ request }) => {
    if (addedCustomerId === undefined) return;
    expect((await new ApiClient(request).delete(`/customers/${addedCustomerId}`)).status()).toBe(204);
  });

  test('add customer, submit incoming, process matching and search answer sensible JSON', async ({ baseURL }) => {
    const base = baseURL!;

    const customer = await test.step('add customer', async () => {
      const body = expectSchema(responses.customerResponseSchema, await curlJson(ADD_CUSTOMER, base));
      expect(body).toMatchObject({ company_name: 'Acme Corporation', contact_name: 'John Smith', email: 'john.smith@acme.com', state_province: 'NY', annual_revenue: 1_000_000, employee_count: 50, country: 'USA' });
      expect(body.customer_id).toBeGreaterThan(0);
      return body;
    });
    addedCustomerId = customer.customer_id;

    const incoming = await test.step('submit incoming customer', async () => {
      const body = expectSchema(responses.incomingResponseSchema, await curlJson(SUBMIT_INCOMING, base));
      expect(body).toMatchObject({ company_name: 'ACME Corp', processing_status: 'pending', processed_date: null });
      expect(Date.parse(body.request_date)).not.toBeNaN();
      return body;
    });

    await test.step('process matching', async () => {
      const listing = expectSchema(responses.matchListResponseSchema, await curlJson(processMatching(incoming.request_id), base));
      expect(listing.incoming_customer).toMatchObject({ request_id: incoming.request_id, processing_status: 'matched' });
      expect(listing.total_matches).toBe(listing.matches.length);
      const [best] = listing.matches;
      expect(best.matched_company_name).toMatch(/acme/i);
      expect(CONFIDENCE_BANDS).toContain(best.match_type);
      expect(['exact', 'high']).toContain(best.match_type);
      expect(best.similarity_score).toBeGreaterThanOrEqual(0.9);
      expect(best.match_criteria.fields.find((field) => field.field === 'companyName')?.level).toBe('exact');
      expect(listing.matches.map((match) => match.matched_customer_id)).toContain(customer.customer_id);
      expect(listing.matches.map((match) => match.matched_company_name)).not.toContain('Acme Labs');
    });

    await test.step('search', async () => {
      const hits = expectSchema(responses.searchResultSchema, await curlJson(SEARCH, base));
      expect(hits.length).toBeLessThanOrEqual(5);
      for (const hit of hits) {
        expect(Object.keys(hit)).toEqual(expect.arrayContaining(['customer_id', 'company_name', 'similarity_score']));
        expect(hit.similarity_score).toBeGreaterThanOrEqual(0.7);
      }
    });
  });

  // Used to answer [] with the local embedder (cosine 0.68 < 0.7); query-term coverage now finds it.
  test('the README search example finds the Acme customer added by the first example', async ({ baseURL }) => {
    expect(addedCustomerId).toBeDefined();
    const hits = expectSchema(responses.searchResultSchema, await curlJson(SEARCH, baseURL!));
    expect(hits.map((hit) => hit.customer_id)).toContain(addedCustomerId!);
  });
});
