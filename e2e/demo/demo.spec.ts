// The steward demo: every page of the app on a fresh embedded database with demo data, each saved at
// 1440 and 390 px wide into docs/screenshots (`npm run demo`), in the order a steward meets them.
import { expect, test, type Page } from '@playwright/test';

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Saves the page as it is now at each width: docs/screenshots/<name>-<width>.png. */
async function shoot(page: Page, name: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `docs/screenshots/${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS[0]);
}

test('every page at 1440 and 390 px', async ({ page, request }) => {
  // A few incoming records so the queue has several bands and records to decide.
  const incomingIds: number[] = [];
  for (const [company, email, city] of [
    ['Globex Technologies', 'sjohnson@globex.io', 'San Francisco'],
    ['Initech', 'bill@initech.com', 'Austin'],
    ['Hooli Inc', 'gavin@hooli.com', 'Palo Alto'],
    ['Stark Industries Ltd', 'contact@stark.example', 'New York'],
  ]) {
    const response = await request.post('/api/v1/customers/incoming?match=true', { data: { company_name: company, email, city, country: 'US', source_system: 'demo' } });
    expect(response.status()).toBe(201);
    incomingIds.push((await response.json()).incoming_customer.incoming_id);
  }
  await page.setViewportSize(WIDTHS[0]);

  await page.goto('/');
  await shoot(page, 'submit');
  await page.getByRole('button', { name: 'Fill example' }).click();
  await page.getByRole('button', { name: 'Submit and match' }).click();
  await expect(page.getByTestId('match-results')).toBeVisible({ timeout: 60_000 });
  await shoot(page, 'submit-matches');

  await page.goto('/review');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await page.keyboard.press('j');
  await shoot(page, 'review-queue');

  await page.goto('/review?sort=uncertainty');
  await page.goto(`/review/${await firstMatchId(page)}`);
  await expect(page.getByTestId('waterfall')).toBeVisible();
  await shoot(page, 'match');

  await page.goto(`/review/incoming/${incomingIds[1]}`);
  await shoot(page, 'incoming-record');

  await page.goto('/directory');
  await shoot(page, 'directory');
  await page.goto(`/directory?semantic=${encodeURIComponent('banking software consultants in Austin')}`);
  await shoot(page, 'directory-search');
  const customerLink = page.locator('main a[href^="/directory/"]').first();
  await customerLink.click();
  await expect(page).toHaveURL(/\/directory\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Initech');
  await shoot(page, 'customer');

  for (const [path, name] of [['/dashboard', 'dashboard'], ['/import', 'import'], ['/audit-log', 'audit-log'], ['/login', 'login']] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await shoot(page, name);
  }
  expect((await page.goto('/review/999999999'))?.status()).toBe(404);
  await shoot(page, 'not-found');
});

/** The id of the first open match the queue lists. */
async function firstMatchId(page: Page): Promise<string> {
  const hrefs = await page.locator('a[href^="/review/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const id = hrefs.map((href) => /^\/review\/(\d+)$/.exec(href)?.[1]).find(Boolean);
  if (!id) throw new Error('the queue lists no match');
  return id;
}
