// The Submit page's form at the column bounds: a value its column cannot hold is a message beside the field,
// not "Matching failed on our side", and nothing is stored.
import { expect, test } from '@playwright/test';
import { SubmitPage } from '../pages/submit-page';

async function incomingCount(request: import('@playwright/test').APIRequestContext): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  for (;;) {
    const response = await request.get(`/api/v1/customers/incoming?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    total += ((await response.json()) as unknown[]).length;
    cursor = response.headers()['x-next-cursor'];
    if (!cursor) return total;
  }
}

test('submit refuses employees beyond 2^31−1 and revenue beyond numeric(18,2) beside the fields, storing nothing', async ({ page, request }) => {
  const submit = new SubmitPage(page);
  await submit.goto();
  const before = await incomingCount(request);
  await submit.field('Company name').fill('Boundary Form Ltd');
  await submit.field('Employees').fill('2147483648');
  await submit.field('Annual revenue').fill('10000000000000000');
  await submit.submit();
  await expect(page.getByText('Employees must be at most 2147483647')).toBeVisible();
  await expect(page.getByText(/Annual revenue must be less than 10000000000000000/)).toBeVisible();
  await expect(submit.field('Employees')).toHaveAttribute('aria-invalid', 'true');
  await expect(submit.field('Employees')).toHaveValue('2147483648');
  await expect(submit.results).toHaveCount(0);
  expect(await incomingCount(request)).toBe(before);
  // The bound itself goes through.
  await submit.field('Employees').fill('2147483647');
  await submit.field('Annual revenue').fill('9999999999999998');
  await submit.submit();
  await expect(submit.results).toBeVisible({ timeout: 30_000 });
  expect(await incomingCount(request)).toBe(before + 1);
  // Leave the review queue as it was: other specs expect their own records among its first rows.
  const href = await submit.results.getByRole('link', { name: /^Incoming record #\d+$/ }).getAttribute('href');
  const incoming = await (await request.get(`/api/v1/customers/incoming/${href!.split('/').pop()}`)).json();
  const dismissed = await request.post(`/api/v1/customers/incoming/${incoming.incoming_customer.incoming_id}/decision`, { data: { decision: 'dismiss', expected_version: incoming.incoming_customer.version } });
  expect(dismissed.status()).toBe(200);
});
