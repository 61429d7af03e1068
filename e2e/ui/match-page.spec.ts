// The match page for deciding at speed: the competition at the top, the waterfall that says why an
// agreeing field adds nothing, a/r/n and "Save & next", a phone-width layout, and 404 for unknown ids.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { MatchDetailPage } from '../pages/match-detail-page';
import { postApi } from '../support/steward-data';
import { uniqueToken } from '../support/matching-api';

type Listing = { incoming_customer: { incoming_id: number }; matches: Array<{ match_id: number; matched_customer_id: number }> };

/** One incoming record with two candidates: the same company at two offices. */
async function twoOffices(request: APIRequestContext): Promise<Listing> {
  const word = uniqueToken();
  const name = `Kestrel ${word} Freight`;
  for (const city of ['Boston', 'Denver']) await postApi(request, '/customers', { company_name: name, email: `${city.toLowerCase()}@${word}.com`, city, country: 'US' });
  const listing = await postApi<Listing>(request, '/customers/incoming?match=true', { company_name: name, email: `ops@${word}.com`, country: 'US' });
  expect(listing.matches.length).toBeGreaterThanOrEqual(2);
  return listing;
}

test('an unknown match answers 404 with a heading', async ({ page }) => {
  const response = await page.goto('/review/987654321');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This match does not exist' })).toBeVisible();
  expect((await page.goto('/review/not-a-number'))?.status()).toBe(404);
});

test('the competing candidates are side by side above the field table', async ({ page, request }) => {
  const listing = await twoOffices(request);
  const detail = new MatchDetailPage(page);
  await detail.goto(listing.matches[0].match_id);
  const cards = page.getByTestId('candidate-card');
  await expect(cards).toHaveCount(listing.matches.length);
  await expect(page.locator('[data-testid="candidate-card"][aria-current="true"]')).toHaveAttribute('data-result-id', String(listing.matches[0].match_id));
  const [strip, table] = await Promise.all([cards.first().boundingBox(), detail.comparison.boundingBox()]);
  expect(strip!.y).toBeLessThan(table!.y);
  // Side by side: the second card starts level with the first.
  expect(Math.abs((await cards.nth(1).boundingBox())!.y - strip!.y)).toBeLessThan(2);
});

test('the waterfall folds empty fields and says why an agreeing country adds nothing', async ({ page, request }) => {
  const word = uniqueToken();
  const place = { address_line1: '18 Main Street', city: 'Dallas', state: 'TX', postal_code: '75201', country: 'US' };
  await postApi(request, '/customers', { company_name: `Plover ${word} Textiles`, ...place });
  const listing = await postApi<Listing>(request, '/customers/incoming?match=true', { company_name: `Plover ${word} Textiles`, ...place });
  const detail = new MatchDetailPage(page);
  await detail.goto(listing.matches[0].match_id);
  const country = detail.waterfall.locator('[data-field="country"]');
  await expect(country).toContainText('0.0');
  await expect(country.getByTestId('waterfall-note')).toHaveText(/^counted once with the city, state and postal code, which implies it \(alone \+\d+\.\d\)$/);
  await expect(detail.waterfall.locator('[data-kind="folded"]')).toContainText('without evidence: ');
  // Evidence for comes first: the weights of the field lines never rise.
  const weights = await detail.waterfall.locator('[data-kind="field"] > span:last-child').allTextContents();
  const numbers = weights.map((text) => Number(text.replace('−', '-')));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
});

test('keys as in the queue: j opens the next match, a accepts, n creates a new customer, and with "Save & next" r rejects and moves on', async ({ page, request }) => {
  const first = await twoOffices(request);
  const second = await twoOffices(request);
  const detail = new MatchDetailPage(page);
  await detail.goto(first.matches[0].match_id);
  await expect(page.getByTestId('next-match')).toHaveAttribute('href', /\/review\/\d+$/);
  await detail.pressKey('j');
  await expect(page).not.toHaveURL(new RegExp(`/review/${first.matches[0].match_id}$`));
  await detail.goto(second.matches[0].match_id);
  await detail.pressKey('a');
  await expect(detail.decided).toContainText(/Linked to/);
  await detail.goto(first.matches[1].match_id);
  await page.getByLabel(/Save & next/).check();
  await detail.pressKey('r');
  await expect(page).not.toHaveURL(new RegExp(`/review/${first.matches[1].match_id}$`), { timeout: 20_000 });
  const stored = (await (await request.get(`/api/v1/customers/incoming/${first.incoming_customer.incoming_id}`)).json()) as { matches: Array<{ match_id: number; review_decision: string | null }> };
  expect(stored.matches.find((match) => match.match_id === first.matches[1].match_id)?.review_decision).toBe('reject');
  // The setting is remembered in this browser for the next match.
  await page.goto(`/review/${first.matches[0].match_id}`);
  await expect(page.getByLabel(/Save & next/)).toBeChecked();
  await page.getByLabel(/Save & next/).uncheck();
  const third = await twoOffices(request);
  await detail.goto(third.matches[0].match_id);
  await detail.pressKey('n');
  await expect(detail.decided).toContainText(/new customer/i);
  const created = (await (await request.get(`/api/v1/customers/incoming/${third.incoming_customer.incoming_id}`)).json()) as { incoming_customer: { processing_status: string } };
  expect(created.incoming_customer.processing_status).toBe('created');
});

test('fits a 390 px phone without sideways scrolling', async ({ page, request }) => {
  const listing = await twoOffices(request);
  await page.setViewportSize({ width: 390, height: 844 });
  const detail = new MatchDetailPage(page);
  await detail.goto(listing.matches[0].match_id);
  await page.getByText('Show the numbers as a table').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
