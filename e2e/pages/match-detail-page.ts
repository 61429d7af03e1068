import { expect, type Locator, type Page } from '@playwright/test';

export class MatchDetailPage {
  readonly waterfall: Locator;
  readonly outcome: Locator;
  readonly conflict: Locator;
  readonly notes: Locator;
  constructor(readonly page: Page) {
    this.waterfall = page.getByTestId('waterfall');
    this.outcome = page.getByTestId('decision-outcome');
    this.conflict = page.getByTestId('conflict-message');
    this.notes = page.getByLabel('Notes');
  }
  async goto(matchId: number) {
    await this.page.goto(`/review/${matchId}`);
    await expect(this.page.getByRole('heading', { name: 'Why this score' })).toBeVisible();
  }
  async decide(button: 'Accept (link)' | 'Reject' | 'Merge selected fields' | 'Create as new customer') {
    await this.page.getByRole('button', { name: button }).click();
  }
  mergeCheckbox(fieldLabel: string) {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${fieldLabel}:`) });
  }
}
