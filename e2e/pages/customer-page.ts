import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for one customer at /directory/[id]: profile, linked source records, match history, audit trail. */
export class CustomerPage {
  readonly history: Locator;
  readonly linkedRecords: Locator;
  readonly auditTrail: Locator;

  constructor(private readonly page: Page) {
    this.history = page.getByRole('table', { name: 'Match history, newest first' });
    this.linkedRecords = page.getByRole('table', { name: 'Source records linked to this customer, most recently decided first' });
    this.auditTrail = page.getByRole('region', { name: 'Audit trail' });
  }

  async goto(customerId: number) {
    await this.page.goto(`/directory/${customerId}`);
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** The linked record of one source id. */
  linkedRow(sourceId: string): Locator {
    return this.linkedRecords.getByRole('row').filter({ hasText: sourceId });
  }

  historyRow(incomingName: string): Locator {
    return this.history.getByRole('row').filter({ hasText: incomingName });
  }

  /** A labelled value in the profile, e.g. field('Record', 'Source id'). */
  field(group: string, label: string): Locator {
    return this.page.getByRole('region', { name: group }).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  async expectLoaded(name: string) {
    await expect(this.heading(name)).toBeVisible();
  }
}
