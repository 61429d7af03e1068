// A customer as an entity: the source records resolved onto it are listed on its page, each with its source,
// who decided and when, and a link to the decision; a link across a hard conflict is refused on the match page.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { CustomerPage } from '../pages/customer-page';
import { MatchDetailPage } from '../pages/match-detail-page';
import { uniqueToken } from '../support/matching-api';

async function post<T>(request: APIRequestContext, path: string, data: Record<string, unknown>, status: number): Promise<T> {
  const response = await request.post(`/api/v1${path}`, { data });
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

type Listing = { incoming_customer: { request_id: number }; matches: Array<{ match_id: number; matched_customer_id: number; version: number }> };

/** Submits and matches a record; its candidate for the customer. */
async function candidateFor(request: APIRequestContext, customerId: number, record: Record<string, unknown>) {
  const listing = await post<Listing>(request, '/customers/incoming?match=true', record, 201);
  const match = listing.matches.find((candidate) => candidate.matched_customer_id === customerId);
  expect(match, `customer #${customerId} is a candidate`).toBeDefined();
  return { incomingId: listing.incoming_customer.request_id, match: match! };
}

test('the customer page lists the source records linked to it, who decided and when, and links to each decision', async ({ page, request }) => {
  const token = uniqueToken();
  const company = { company_name: 'Northwind Traders Ltd', contact_name: 'Anne Dodsworth', address_line1: '1 King Street', city: 'London', postal_code: 'EC2V 8AU', country: 'GB' };
  const { customer_id: customerId } = await post<{ customer_id: number }>(request, '/customers', { ...company, email: `anne@northwind${token}.example`, phone: '+44 20 7946 0000', source_system: 'crm', source_id: `CRM-${token}` }, 201);
  const webshop = await candidateFor(request, customerId, { ...company, company_name: 'Northwind Traders', email: `orders@northwind${token}.example`, source_system: 'webshop', source_id: `W-${token}` });
  await post(request, `/matches/${webshop.match.match_id}/review`, { decision: 'accept', expected_version: webshop.match.version, reviewer: 'ana.steward' }, 200);
  const erp = await candidateFor(request, customerId, { ...company, company_name: 'NORTHWIND TRADERS LTD', email: `anne@northwind${token}.example`, phone: '+44 20 7946 0555', website: `northwind${token}.example`, source_system: 'erp', source_id: `V-${token}` });
  await post(request, `/matches/${erp.match.match_id}/review`, { decision: 'merge', expected_version: erp.match.version, merge_fields: ['website'], reviewer: 'bo.steward' }, 200);

  const customerPage = new CustomerPage(page);
  await customerPage.goto(customerId);
  await customerPage.expectLoaded('Northwind Traders Ltd');
  await expect(page.getByRole('heading', { name: 'Linked source records (2)' })).toBeVisible();
  await expect(customerPage.linkedRecords.locator('tbody tr')).toHaveCount(2);
  // Most recently decided first.
  await expect(customerPage.linkedRecords.locator('tbody tr').first()).toContainText(`V-${token}`);
  await expect(customerPage.linkedRow(`V-${token}`)).toContainText(/erp.*Merged.*bo\.steward/s);
  await expect(customerPage.linkedRow(`W-${token}`)).toContainText(/webshop.*Accepted.*ana\.steward · \d{1,2} \w{3} \d{4}/s);

  await page.setViewportSize({ width: 1440, height: 900 });
  await customerPage.linkedRecords.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/customer-linked-records-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(customerPage.linkedRow(`W-${token}`)).toContainText('Northwind Traders');
  await page.screenshot({ path: 'test-results/customer-linked-records-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await customerPage.linkedRow(`W-${token}`).getByRole('link', { name: `Decision on incoming #${webshop.incomingId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${webshop.match.match_id}$`));
  await expect(page.getByTestId('decided-panel')).toContainText('ana.steward');
});

test('the match page says before a decision that a record hard-conflicts with the customer, and accept is refused with that message', async ({ page, request }) => {
  const token = uniqueToken();
  const person = { company_name: `Maria Garcia ${token}`, contact_name: 'Maria Garcia', email: `maria@garcia${token}.example`, phone: '+1 305 555 0142', city: 'Miami', country: 'US' };
  const { customer_id: customerId } = await post<{ customer_id: number }>(request, '/customers', { ...person, date_of_birth: '1980-04-12' }, 201);
  const { match } = await candidateFor(request, customerId, { ...person, date_of_birth: '1991-09-30' });

  const detail = new MatchDetailPage(page);
  await detail.goto(match.match_id);
  const expected = `cannot be linked to customer #${customerId}: they have different dates of birth (date_of_birth: 1991-09-30 here, 1980-04-12 on the customer). Create it as a new customer instead`;
  await expect(page.getByTestId('link-refusal')).toContainText(expected);
  await detail.decide('Accept (link)');
  await expect(detail.conflict).toContainText(expected);
  await expect(page.getByRole('alert').filter({ hasText: 'The decision was not saved' })).toContainText(expected);
  await expect(page.getByText('Someone else decided first')).toHaveCount(0);
});
