import { expect, type Locator, type Page } from '@playwright/test';

export class ReviewQueuePage {
  readonly rows: Locator;
  readonly status: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('queue-row');
    this.status = page.getByTestId('queue-status');
  }
  async goto(query = '') {
    await this.page.goto(`/review${query}`);
    await expect(this.page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  }
  /** Waits until the queue listens to its keys: before hydration a key press would do nothing. */
  async keysReady() {
    await expect(this.page.getByTestId('queue-table')).toHaveAttribute('data-keys', 'on');
  }
  selectedRow() {
    return this.page.locator('[data-testid="queue-row"][data-selected="true"]');
  }
  async sortBy(column: 'Band' | 'Probability' | 'Matched') {
    await this.page.getByRole('navigation', { name: 'Sort the queue' }).getByRole('link', { name: column }).click();
  }
}
