import type { Locator, Page } from '@playwright/test';

/** Page object for the customers list at /. */
export class HomePage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Customers' });
    this.table = page.getByRole('table', { name: 'Customers' });
  }

  async goto() {
    await this.page.goto('/');
  }

  row(companyName: string): Locator {
    return this.table.getByRole('row').filter({ hasText: companyName });
  }
}
