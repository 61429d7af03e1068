import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard-page';
import { uniqueToken } from '../support/matching-api';

/** A fresh customer and an incoming record describing it, submitted and matched through the API. */
async function matchNewRecord(request: import('@playwright/test').APIRequestContext) {
  const token = uniqueToken();
  const created = await request.post('/api/v1/customers', {
    data: { company_name: `Vantor ${token} Logistics Ltd`, email: `ops@vantor${token}.com`, phone: '+44 161 496 0734', city: 'Manchester', country: 'GB' },
  });
  expect(created.status()).toBe(201);
  const customerId = ((await created.json()) as { customer_id: number }).customer_id;
  const submitted = await request.post('/api/v1/customers/incoming', {
    data: { company_name: `Vantor ${token} Logistics`, email: `ops@vantor${token}.com`, phone: '0161 496 0734', city: 'Manchester', country: 'GB' },
  });
  expect(submitted.status()).toBe(201);
  const incomingId = ((await submitted.json()) as { incoming_id: number }).incoming_id;
  const matched = await request.post(`/api/v1/customers/match/${incomingId}`);
  expect(matched.status()).toBe(200);
  const { matches } = (await matched.json()) as { matches: Array<{ match_id: number; matched_customer_id: number; version: number; rank: number }> };
  const best = matches[0];
  expect(best?.matched_customer_id, JSON.stringify(matches)).toBe(customerId);
  return best;
}

test('the dashboard draws named charts with data tables', async ({ page, request }) => {
  await matchNewRecord(request);
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  await expect(page).toHaveTitle(/Dashboard · Customer Matching/);
  for (const name of ['Incoming records by status', 'Best match by band', 'Matches per day by band']) {
    const figure = dashboard.figure(name);
    await expect(figure).toBeVisible();
    await expect(dashboard.chart(name)).toBeVisible();
    await figure.getByText('Show the data as a table').click();
    await expect(figure.getByRole('table', { name })).toBeVisible();
  }
  await expect(dashboard.figure('Incoming records by status').getByRole('row', { name: /To review/ })).toBeVisible();
  await page.getByRole('link', { name: '7 days' }).click();
  await expect(page).toHaveURL(/days=7/);
  await expect(page.getByRole('link', { name: '7 days' })).toHaveAttribute('aria-current', 'page');
});

test('totals change after a new incoming record is matched and reviewed', async ({ page, request }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.goto();
  const before = { incoming: await dashboard.total('Incoming records'), matched: await dashboard.total('Matched'), decisions: await dashboard.total('Decisions'), backlog: await dashboard.total('Open review backlog') };

  const best = await matchNewRecord(request);
  await dashboard.goto();
  expect(await dashboard.total('Incoming records')).toBe(before.incoming + 1);
  expect(await dashboard.total('Matched')).toBe(before.matched + 1);
  expect(await dashboard.total('Open review backlog')).toBe(before.backlog + 1);

  const reviewed = await request.post(`/api/v1/matches/${best.match_id}/review`, { data: { decision: 'accept', expected_version: best.version } });
  expect(reviewed.status()).toBe(200);
  await dashboard.goto();
  expect(await dashboard.total('Decisions')).toBe(before.decisions + 1);
  expect(await dashboard.total('Open review backlog')).toBe(before.backlog);
  await expect(dashboard.chart('Review decisions per day')).toBeVisible();
  await expect(dashboard.value('Median time to review')).toHaveText(/^\d+(\.\d)? (s|min|h|days?)$/);
});

test('the cards open the queue with their filter, and a sparse window draws bars, not a sliver', async ({ page, request }) => {
  await matchNewRecord(request);
  const dashboard = new DashboardPage(page);
  await dashboard.goto(30);
  // Every match of this test run is from today: one day of data in 30.
  await expect(dashboard.figure('Matches per day by band').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(dashboard.figure('Matches per day by band').locator('.recharts-area')).toHaveCount(0);
  await dashboard.totals.getByRole('link', { name: /Open review backlog/ }).click();
  await expect(page).toHaveURL(/\/review$/);
  await dashboard.goto(30);
  await dashboard.totals.getByRole('link', { name: /exact$/ }).click();
  await expect(page).toHaveURL(/\/review\?reviewed=any&band=exact&from=\d{4}-\d{2}-\d{2}$/);
  for (const row of await page.getByTestId('queue-row').all()) await expect(row).toHaveAttribute('data-band', 'exact');
});
