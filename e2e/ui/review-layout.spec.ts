// The queue's layout: no blank line between the count row and the table while there is no status to show.
import { expect, test } from '@playwright/test';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { createAcmeMatch } from '../support/steward-data';

test('the table follows the count row at the page spacing, with no empty status line between', async ({ page, request }) => {
  await createAcmeMatch(request, 'layout');
  const queue = new ReviewQueuePage(page);
  await queue.goto();
  const countRow = await page.getByTestId('queue-count').locator('..').boundingBox();
  const table = await page.getByTestId('queue-table').boundingBox();
  // space-y-4 between the page's blocks: 16 px; the empty status line and the bulk button's stray margin made it 44.
  expect(table!.y - (countRow!.y + countRow!.height)).toBeLessThanOrEqual(17);
  expect((await queue.status.boundingBox())!.height).toBeLessThanOrEqual(1);
});
