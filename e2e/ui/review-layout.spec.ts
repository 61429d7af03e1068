// The queue's layout: no blank line between the count row, the sort links and the grid; the status is a
// toast that takes no room while there is nothing to say.
import { expect, test } from '@playwright/test';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { createAcmeMatch } from '../support/steward-data';

test('the table follows the count row at the page spacing, with no empty status line between', async ({ page, request }) => {
  await createAcmeMatch(request, 'layout');
  const queue = new ReviewQueuePage(page);
  await queue.goto();
  const countRow = await page.getByTestId('queue-count').locator('..').boundingBox();
  const sortNav = await page.getByRole('navigation', { name: 'Sort the queue' }).boundingBox();
  const table = await page.getByTestId('queue-table').boundingBox();
  // space-y-4 between the page's blocks: 16 px; the empty status line and the bulk button's stray margin once made it 44.
  expect(sortNav!.y - (countRow!.y + countRow!.height)).toBeLessThanOrEqual(17);
  // space-y-2 between the sort links and the grid (plus the grid's 1 px border).
  expect(table!.y - (sortNav!.y + sortNav!.height)).toBeLessThanOrEqual(10);
  expect((await queue.status.boundingBox())!.height).toBeLessThanOrEqual(1);
});
