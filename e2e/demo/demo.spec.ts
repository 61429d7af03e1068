// The steward demo: submit → ranked matches → explanation → merge → queue with filters → audit, and the
// colleagues' pages when they exist. Each step saves a screenshot into docs/screenshots.
import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });

test('steward walkthrough', async ({ page, request }) => {
  // A few more incoming records so the queue has several bands to filter.
  for (const [company, email, city] of [
    ['Globex Technologies', 'sjohnson@globex.io', 'San Francisco'],
    ['Initech', 'bill@initech.com', 'Austin'],
    ['Hooli Inc', 'gavin@hooli.com', 'Palo Alto'],
    ['Stark Industries Ltd', 'contact@stark.example', 'New York'],
  ]) {
    const response = await request.post('/api/v1/customers/incoming?match=true', { data: { company_name: company, email, city, country: 'US', source_system: 'demo' } });
    expect(response.status()).toBe(201);
  }

  await page.goto('/');
  await shot(page, '01-submit-empty');
  await page.getByRole('button', { name: 'Submit and match' }).click();
  await expect(page.getByText('Company name must not be empty')).toBeVisible();
  await shot(page, '02-submit-validation');
  await page.getByRole('button', { name: 'Fill example' }).click();
  await page.getByRole('button', { name: 'Submit and match' }).click();
  await expect(page.getByTestId('match-results')).toBeVisible({ timeout: 60_000 });
  await shot(page, '03-submit-matches');

  await page.getByTestId('match-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('waterfall')).toBeVisible();
  await page.getByText('Show the numbers as a table').click();
  await shot(page, '04-match-detail-waterfall');
  await page.getByLabel('Notes').fill('Same company; taking the new address from the incoming record.');
  const address = page.getByRole('checkbox', { name: /^Address\b/ });
  if (await address.count()) await address.check();
  await shot(page, '04b-match-merge-preview');
  await page.getByRole('button', { name: 'Merge and link' }).or(page.getByRole('button', { name: 'Accept (link)' })).first().click();
  await expect(page.getByTestId('decided-panel')).toBeVisible();
  await shot(page, '05-match-merged');

  await page.goto('/review?reviewed=any');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await shot(page, '06-review-queue');
  await page.goto('/review?band=exact&band=high&sort=band&dir=desc');
  await page.keyboard.press('j');
  await shot(page, '07-review-queue-filtered');
  const bulk = page.getByRole('button', { name: /Accept all exact on this page/ });
  if (await bulk.isEnabled()) {
    await bulk.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, '08-bulk-accept-dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  await page.goto('/review?q=zzzz-nothing');
  await shot(page, '09-review-queue-empty');

  await page.goto('/audit-log');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await shot(page, '10-audit-log');
  await page.goto('/login');
  await shot(page, '11-login-open-mode');

  for (const [path, name] of [['/directory', '12-directory'], ['/dashboard', '13-dashboard'], ['/import', '14-import']] as const) {
    const response = await page.goto(path);
    if (response && response.status() < 400) await shot(page, name);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/review?reviewed=any');
  await shot(page, '15-review-queue-mobile');
});
