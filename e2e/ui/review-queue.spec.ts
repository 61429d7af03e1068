// The queue for throughput: a record's candidates together with both sides' city, email and phone, the
// selection kept in view, one-key decisions that move on, undo, and the grid's ARIA.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { postApi } from '../support/steward-data';
import { uniqueToken } from '../support/matching-api';

type Listing = { incoming_customer: { incoming_id: number }; matches: Array<{ match_id: number }> };

const KINDS = [['Heron', 'Freight'], ['Osprey', 'Textiles'], ['Plover', 'Robotics'], ['Kestrel', 'Analytics']];

/**
 * One incoming record with two candidates (one company, two offices). `marker` is in the customers' email,
 * so the search box finds them; the names differ enough that records do not match each other's customers.
 */
async function twoOffices(request: APIRequestContext, marker: string, kind = 0): Promise<Listing & { name: string }> {
  const word = uniqueToken();
  const name = `${KINDS[kind][0]} ${word} ${KINDS[kind][1]}`;
  // Numbers of their own: a shared one (the demo's 555-0101) would add candidates from other tests.
  const line = String(Date.now() % 10_000).padStart(4, '0');
  const [boston, denver] = [`+1 617 ${220 + kind} ${line}`, `+1 303 ${330 + kind} ${line}`];
  for (const [city, phone] of [['Boston', boston], ['Denver', denver]]) {
    await postApi(request, '/customers', { company_name: name, email: `${city.toLowerCase()}.${marker}@${word}.com`, phone, city, country: 'US' });
  }
  const listing = await postApi<Listing>(request, '/customers/incoming?match=true', { company_name: name, email: `ops@${word}.com`, phone: boston, country: 'US' });
  expect(listing.matches.length).toBeGreaterThanOrEqual(2);
  return { ...listing, name };
}

test('a record\'s candidates sit together, with both sides\' city, email and phone', async ({ page, request }) => {
  const marker = uniqueToken();
  const listing = await twoOffices(request, marker);
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?q=${marker}`);
  const group = page.locator(`[data-testid="queue-group"][data-incoming-id="${listing.incoming_customer.incoming_id}"]`);
  await expect(group).toContainText(listing.name);
  await expect(group).toContainText('2 candidates');
  const rows = page.locator(`[data-testid="queue-row"][data-incoming-id="${listing.incoming_customer.incoming_id}"]`);
  await expect(rows).toHaveCount(2);
  // Both in one row group, next to each other.
  expect(await rows.evaluateAll((found) => new Set(found.map((row) => row.parentElement)).size)).toBe(1);
  await expect(rows.filter({ hasText: 'Boston' })).toContainText(`boston.${marker}@`);
  // The same phone as the incoming record is marked as such.
  await expect(rows.filter({ hasText: 'Boston' })).toContainText(/same as incoming: \+1 617/);
  await expect(rows.filter({ hasText: 'Denver' })).toContainText(/differs from incoming: \+1 303/);
  await expect(page.getByRole('grid')).toHaveAttribute('aria-describedby', 'queue-keys');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'false');
});

test('j keeps the selection in view; a decides, moves on, announces, and u undoes', async ({ page, request }) => {
  const marker = uniqueToken();
  for (let kind = 0; kind < 4; kind += 1) await twoOffices(request, marker, kind);
  await page.setViewportSize({ width: 1280, height: 500 });
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?q=${marker}&sort=created&dir=asc`);
  await expect(queue.rows).toHaveCount(8);
  await queue.keysReady();
  for (let step = 0; step < 6; step += 1) await page.keyboard.press('j');
  const selected = queue.selectedRow();
  await expect(selected).toBeInViewport();
  await expect(selected).toBeFocused();
  // Accept: the record's two rows leave, the selection goes to the next record's first row.
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  const chosen = await selected.getAttribute('data-result-id');
  const record = await selected.getAttribute('data-incoming-id');
  await page.keyboard.press('a');
  await expect(queue.status).toContainText(`Match #${chosen} accepted`);
  await expect(page.locator(`[data-testid="queue-row"][data-incoming-id="${record}"]`)).toHaveCount(0);
  await expect(queue.rows).toHaveCount(6);
  await expect(queue.selectedRow()).not.toHaveAttribute('data-incoming-id', record!);
  await expect(queue.selectedRow()).toBeInViewport();
  // Undo through the toast's key: both candidates are back.
  await page.keyboard.press('u');
  await expect(queue.status).toContainText(`Match #${chosen} is open again`);
  await expect(page.locator(`[data-testid="queue-row"][data-incoming-id="${record}"]`)).toHaveCount(2);
  await expect(queue.selectedRow()).toHaveAttribute('data-result-id', chosen!);
  const audit = (await (await request.get(`/api/v1/audit?entity_type=incoming_customer&entity_id=${record}&limit=1`)).json()) as Array<{ action: string }>;
  expect(audit[0].action).toBe('incoming.reopened');
});

test('reject closes one candidate and keeps the record\'s other one selected next', async ({ page, request }) => {
  const marker = uniqueToken();
  const listing = await twoOffices(request, marker);
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?q=${marker}`);
  await queue.keysReady();
  const first = await queue.selectedRow().getAttribute('data-result-id');
  await page.keyboard.press('r');
  await expect(queue.status).toContainText(`Match #${first} rejected`);
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.selectedRow()).toHaveAttribute('data-incoming-id', String(listing.incoming_customer.incoming_id));
});

test('on a phone the candidate column and its reasons stay, and nothing scrolls sideways', async ({ page, request }) => {
  const marker = uniqueToken();
  const listing = await twoOffices(request, marker);
  await page.setViewportSize({ width: 390, height: 844 });
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?q=${marker}`);
  await expect(page.getByRole('columnheader', { name: 'Candidate customer' })).toBeVisible();
  await expect(queue.rows.first().locator(`a[href="/review/${listing.matches[0].match_id}"]`)).toBeVisible();
  await expect(queue.rows.first()).toContainText('+ ');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
