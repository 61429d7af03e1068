// Each UI test makes its own incoming record through the API, so tests never depend on each other's order.
import { expect, type APIRequestContext } from '@playwright/test';

export interface CreatedMatch {
  incomingId: number;
  matchId: number;
  version: number;
  band: string;
  customerName: string;
}

let sequence = 0;

/** A variant of the demo customer "Acme Corporation" that lands in the exact band, with a unique source id. */
export async function createAcmeMatch(request: APIRequestContext, label: string): Promise<CreatedMatch> {
  sequence += 1;
  const response = await request.post('/api/v1/customers/incoming?match=true', {
    data: {
      company_name: `ACME Corp. ${label}`.trim(),
      contact_name: 'John Smith',
      email: 'john.smith@acme.com',
      phone: '+1-555-0101',
      address_line1: '123 Main Street',
      city: 'New York',
      state: 'NY',
      postal_code: '10001',
      country: 'US',
      website: 'acme.com',
      source_system: 'e2e-ui',
      source_id: `${label}-${Date.now()}-${sequence}`,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { incoming_customer: { incoming_id: number }; matches: Array<{ match_id: number; version: number; confidence_band: string; matched_company_name: string }> };
  expect(body.matches.length).toBeGreaterThan(0);
  const best = body.matches[0];
  return { incomingId: body.incoming_customer.incoming_id, matchId: best.match_id, version: best.version, band: best.confidence_band, customerName: best.matched_company_name };
}

/** Someone else decides the match through the API, moving its version on. */
export async function reviewViaApi(request: APIRequestContext, matchId: number, version: number, decision: string) {
  const response = await request.post(`/api/v1/matches/${matchId}/review`, { data: { decision, expected_version: version } });
  expect(response.status(), await response.text()).toBe(200);
}

/** A POST to the v1 API from a UI test's setup: the body, after checking the status is one of `status`. */
export async function postApi<T>(request: APIRequestContext, path: string, data: unknown, status: readonly number[] = [200, 201]): Promise<T> {
  const response = await request.post(`/api/v1${path}`, { data });
  expect(status, await response.text()).toContain(response.status());
  return (await response.json()) as T;
}
