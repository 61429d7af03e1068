import { expect, test } from '@playwright/test';
import { HomePage } from '../pages/home-page';

test('the page at / shows demo customers and a customer created through the API', async ({ page, request }) => {
  const companyName = `Playwright Gadgets ${Date.now()}`;
  const created = await request.post('/api/v1/customers', { data: { company_name: companyName, city: 'Oslo', country: 'NO', contact_name: 'Kari Nordmann' } });
  expect(created.status()).toBe(201);

  const home = new HomePage(page);
  await home.goto();
  await expect(page).toHaveTitle(/Customer Matching/);
  await expect(home.heading).toBeVisible();
  await expect(home.row('Acme Corporation')).toBeVisible();
  const row = home.row(companyName);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Kari Nordmann');
  await expect(row).toContainText('Oslo');
});
