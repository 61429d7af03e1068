// Page-object-style helpers for the REST API: each does one use case, asserts its documented success
// status and response schema, and returns the typed body.
import { expect, test as base } from '@playwright/test';
import { z } from 'zod';
import * as responses from '../../lib/schemas/responses';
import { ApiClient } from './api-client';
import { expectBody } from './contract';

export type Customer = z.output<typeof responses.customerResponseSchema>;
export type Incoming = z.output<typeof responses.incomingResponseSchema>;
export type MatchListing = z.output<typeof responses.matchListResponseSchema>;
export type Match = z.output<typeof responses.matchResponseSchema>;
export type Review = z.output<typeof responses.reviewResponseSchema>;
export type AuditEvent = z.output<typeof responses.auditResponseSchema>[number];

let sequence = 0;

const CONTACTS: Array<[string, string]> = [['Marta', 'Kowalski'], ['Ingrid', 'Halvorsen'], ['Tomas', 'Okafor'], ['Priya', 'Raman'], ['Lucas', 'Moreau'], ['Akira', 'Tanaka'], ['Sofia', 'Esposito']];

/** A short token unique to this run, as letters only (digits would change how names normalise and match). */
export function uniqueToken(): string {
  sequence += 1;
  const source = `${Date.now().toString(36)}${process.pid.toString(36)}${sequence.toString(36)}`;
  return [...source].map((char) => String.fromCharCode(97 + (parseInt(char, 36) % 26))).join('');
}

export class MatchingApi {
  constructor(readonly client: ApiClient) {}

  async createCustomer(body: Record<string, unknown>): Promise<Customer> {
    return expectBody(await this.client.post('/customers', body), 201, responses.customerResponseSchema);
  }

  async getCustomer(id: number): Promise<Customer> {
    return expectBody(await this.client.get(`/customers/${id}`), 200, responses.customerResponseSchema);
  }

  async submitIncoming(body: Record<string, unknown>): Promise<Incoming> {
    return expectBody(await this.client.post('/customers/incoming', body), 201, responses.incomingResponseSchema);
  }

  async submitAndMatch(body: Record<string, unknown>): Promise<MatchListing> {
    return expectBody(await this.client.post('/customers/incoming?match=true', body), 201, responses.matchListResponseSchema);
  }

  async runMatch(incomingId: number): Promise<MatchListing> {
    return expectBody(await this.client.post(`/customers/match/${incomingId}`), 200, responses.matchListResponseSchema);
  }

  async matchesOf(incomingId: number): Promise<MatchListing> {
    return expectBody(await this.client.get(`/matches/${incomingId}`), 200, responses.matchListResponseSchema);
  }

  async review(matchId: number, body: Record<string, unknown>): Promise<Review> {
    return expectBody(await this.client.post(`/matches/${matchId}/review`, body), 200, responses.reviewResponseSchema);
  }

  async audit(query: Record<string, string | number>): Promise<AuditEvent[]> {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
    return expectBody(await this.client.get(`/audit?${search}`), 200, responses.auditResponseSchema);
  }

  /** Rows in a list endpoint, following X-Next-Cursor so the count never saturates at one page. */
  async count(listPath: '/customers' | '/customers/incoming'): Promise<number> {
    let total = 0;
    let cursor: string | undefined;
    for (let page = 0; page < 1000; page += 1) {
      const response = await this.client.get(`${listPath}?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status(), `GET ${listPath}`).toBe(200);
      total += ((await response.json()) as unknown[]).length;
      cursor = response.headers()['x-next-cursor'];
      if (!cursor) return total;
    }
    throw new Error(`${listPath} did not end after 1000 pages`);
  }

  /**
   * A fresh customer and an incoming record describing the same company, matched: the match row for that
   * customer is returned. Letters-only tokens keep every run's companies distinct.
   */
  async matchedPair(customerFields: Record<string, unknown> = {}, incomingFields: Record<string, unknown> = {}) {
    const token = uniqueToken();
    // Phone, contact and street differ per pair too, so that earlier pairs are weak candidates, not ties.
    const digits = String(sequence * 7919 + (Date.now() % 1000)).padStart(4, '0').slice(-4);
    const [first, last] = CONTACTS[sequence % CONTACTS.length];
    const customer = await this.createCustomer({
      company_name: `Zephyr ${token} Dynamics LLC`,
      contact_name: `${first} ${last}`,
      email: `${first.toLowerCase()}@zephyr${token}.com`,
      phone: `+1 303 555 ${digits}`,
      address_line1: `${Number(digits) + 1} Larimer Street`,
      city: 'Denver',
      state_province: 'CO',
      postal_code: '80202',
      country: 'US',
      ...customerFields,
    });
    const listing = await this.submitAndMatch({
      company_name: `Zephyr ${token} Dynamics`,
      contact_name: `${first[0]}. ${last}`,
      email: `${first[0].toLowerCase()}.${last.toLowerCase()}@zephyr${token}.com`,
      phone: `303-555-${digits}`,
      city: 'Denver',
      country: 'USA',
      ...incomingFields,
    });
    const match = listing.matches.find((candidate) => candidate.matched_customer_id === customer.customer_id);
    expect(match, `incoming ${listing.incoming_customer.request_id} should match customer ${customer.customer_id}: ${JSON.stringify(listing.matches.map((m) => [m.matched_customer_id, m.similarity_score]))}`).toBeDefined();
    return { token, customer, listing, incoming: listing.incoming_customer, match: match! };
  }
}

/** Specs import { test, expect } from here: `api` is a MatchingApi on the project's baseURL, open access. */
export const test = base.extend<{ api: MatchingApi }>({
  // The fixture callback is named `provide`, not `use`, so React's hooks lint rule does not mistake it for React's use().
  api: async ({ request }, provide) => {
    await provide(new MatchingApi(new ApiClient(request)));
  },
});

export { expect };
