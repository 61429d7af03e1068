import { expect, test, type APIRequestContext } from '@playwright/test';
import { CustomerPage } from '../pages/customer-page';
import { DirectoryPage } from '../pages/directory-page';
import { uniqueToken } from '../support/matching-api';

async function createCustomer(request: APIRequestContext, body: Record<string, unknown>): Promise<number> {
  const response = await request.post('/api/v1/customers', { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { customer_id: number }).customer_id;
}

test('the directory lists demo customers and one created through the API, linking to its detail page', async ({ page, request }) => {
  const companyName = `Playwright Gadgets ${uniqueToken()}`;
  const customerId = await createCustomer(request, { company_name: companyName, city: 'Oslo', country: 'NO', contact_name: 'Kari Nordmann' });

  const directory = new DirectoryPage(page);
  await directory.goto('?size=100');
  await expect(page).toHaveTitle(/Customers · Customer Matching/);
  await expect(directory.row('Acme Corporation')).toBeVisible();
  await directory.filter(companyName);
  const row = directory.row(companyName);
  await expect(row).toContainText('Kari Nordmann');
  await expect(row).toContainText('Oslo');
  await row.getByRole('link', { name: companyName }).click();
  await expect(page).toHaveURL(new RegExp(`/directory/${customerId}$`));
  await new CustomerPage(page).expectLoaded(companyName);
});

test('the text filter narrows the table and the column headers sort it on the server', async ({ page, request }) => {
  const token = uniqueToken();
  // City order (Aalborg, Bergen, Cork) differs from name order (Alpha, Beta, Gamma), so each sort shows.
  await createCustomer(request, { company_name: `Quillon ${token} Beta`, city: 'Aalborg', country: 'DK' });
  await createCustomer(request, { company_name: `Quillon ${token} Alpha`, city: 'Bergen', country: 'NO' });
  await createCustomer(request, { company_name: `Quillon ${token} Gamma`, city: 'Cork', country: 'IE' });

  const directory = new DirectoryPage(page);
  await directory.goto();
  await directory.filter(token);
  await expect(directory.table.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('1–3 of 3 customers');
  expect(await directory.companyNames()).toEqual([`Quillon ${token} Alpha`, `Quillon ${token} Beta`, `Quillon ${token} Gamma`]);
  await expect(directory.columnHeader('Company')).toHaveAttribute('aria-sort', 'ascending');

  await directory.sortBy('Company');
  await expect(page).toHaveURL(/dir=desc/);
  await expect(directory.columnHeader('Company')).toHaveAttribute('aria-sort', 'descending');
  expect(await directory.companyNames()).toEqual([`Quillon ${token} Gamma`, `Quillon ${token} Beta`, `Quillon ${token} Alpha`]);

  await directory.sortBy('City');
  await expect(page).toHaveURL(/sort=city/);
  await expect(directory.columnHeader('City')).toHaveAttribute('aria-sort', 'ascending');
  expect(await directory.companyNames()).toEqual([`Quillon ${token} Beta`, `Quillon ${token} Alpha`, `Quillon ${token} Gamma`]);
  // The filter survived the sort: the URL holds the whole state.
  await expect(page).toHaveURL(new RegExp(`q=${token}`));

  await page.getByRole('link', { name: 'Clear filter' }).click();
  await expect(directory.table.locator('tbody tr')).not.toHaveCount(3);
});

test('semantic search finds a demo customer by a misspelled name and shows its similarity', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.goto();
  await directory.semanticSearch('Globex Technolgies');
  await expect(page).toHaveURL(/semantic=Globex\+Technolgies/);
  const row = directory.semanticRow('Globex Technologies Inc.');
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').last()).toHaveText(/\d+\.\d%/);
  await expect(directory.semanticResults.locator('tbody tr').first()).toContainText('Globex Technologies Inc.');
  await page.getByRole('link', { name: 'Back to all customers' }).click();
  await expect(directory.table).toBeVisible();
});

test('a customer page shows the incoming record matched to it, with band, probability and a link to review', async ({ page, request }) => {
  const token = uniqueToken();
  const customerId = await createCustomer(request, {
    company_name: `Zephyr ${token} Dynamics LLC`, contact_name: 'Ingrid Halvorsen', email: `ingrid@zephyr${token}.com`,
    phone: '+1 303 555 0187', address_line1: '1600 Larimer Street', city: 'Denver', state_province: 'CO', postal_code: '80202', country: 'US',
    source_system: 'crm', source_id: `crm-${token}`,
  });
  const incomingName = `Zephyr ${token} Dynamics`;
  const submitted = await request.post('/api/v1/customers/incoming', {
    data: { company_name: incomingName, contact_name: 'I. Halvorsen', email: `i.halvorsen@zephyr${token}.com`, phone: '303-555-0187', city: 'Denver', country: 'USA' },
  });
  expect(submitted.status()).toBe(201);
  const incomingId = ((await submitted.json()) as { incoming_id: number }).incoming_id;
  const matched = await request.post(`/api/v1/customers/match/${incomingId}`);
  expect(matched.status()).toBe(200);
  const { matches } = (await matched.json()) as { matches: Array<{ match_id: number; matched_customer_id: number; confidence_band: string }> };
  const match = matches.find((candidate) => candidate.matched_customer_id === customerId);
  expect(match, JSON.stringify(matches)).toBeDefined();

  const customerPage = new CustomerPage(page);
  await customerPage.goto(customerId);
  await customerPage.expectLoaded(`Zephyr ${token} Dynamics LLC`);
  await expect(customerPage.field('Record', 'Source id')).toHaveText(`crm-${token}`);
  const row = customerPage.historyRow(incomingName);
  await expect(row).toBeVisible();
  await expect(row).toContainText(`#${incomingId}`);
  await expect(row.locator(`[data-band="${match!.confidence_band}"]`)).toBeVisible();
  await expect(row).toContainText(/\d+\.\d%|>99\.9%/);
  await expect(row).toContainText('Not reviewed');
  await expect(row.getByRole('link', { name: `Review match #${match!.match_id}` })).toHaveAttribute('href', `/review/${match!.match_id}`);
  await expect(customerPage.auditTrail).toContainText('customer.created');
});

test('an unknown or malformed customer id answers 404 with the not-found page and a way back', async ({ page }) => {
  // No loading boundary wraps the page, so the status is decided before the stream starts.
  for (const id of ['999999999', 'abc']) {
    expect((await page.goto(`/directory/${id}`))?.status()).toBe(404);
    await expect(page.getByText('This customer does not exist')).toBeVisible();
  }
  await page.getByRole('link', { name: 'Go to all customers' }).click();
  await expect(new DirectoryPage(page).heading).toBeVisible();
});
