// Every page's tab title, the favicon, and the band explanations a keyboard or a tap can open.
import { expect, test } from '@playwright/test';
import { createAcmeMatch } from '../support/steward-data';

test('each page names itself in the tab', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'titles');
  for (const [path, title] of [
    ['/', 'Submit & match · Customer Matching'],
    ['/review', 'Review queue · Customer Matching'],
    [`/review/${match.matchId}`, `Match #${match.matchId} · Customer Matching`],
    [`/review/incoming/${match.incomingId}`, `Incoming record #${match.incomingId} · Customer Matching`],
    ['/directory', 'Customers · Customer Matching'],
    ['/dashboard', 'Dashboard · Customer Matching'],
    ['/import', 'Import · Customer Matching'],
    ['/audit-log', 'Audit log · Customer Matching'],
  ] as const) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
});

test('the favicon is served', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toMatch(/icon/);
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
});

test('the band explanations open by keyboard, not only as a hover title', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'bands');
  await page.goto('/review');
  const legend = page.getByTestId('band-legend');
  await legend.getByText('What do the bands mean?').focus();
  await page.keyboard.press('Enter');
  await expect(legend.getByText(/probability 75–85%/)).toBeVisible();
  await page.goto(`/review/${match.matchId}`);
  await expect(page.getByTestId('band-meaning')).toHaveText(/^(Exact|High|Potential|Low) band: /);
});
