import { expect, type Locator, type Page } from '@playwright/test';

export type DecisionButton = 'Accept (link)' | 'Reject this candidate' | 'Merge and link' | 'Create as new customer' | 'Dismiss the record';

export class MatchDetailPage {
  readonly waterfall: Locator;
  readonly conflict: Locator;
  readonly notes: Locator;
  /** The read-only panel of a decided candidate or resolved record. */
  readonly decided: Locator;
  readonly comparison: Locator;
  readonly mergePreview: Locator;
  constructor(readonly page: Page) {
    this.waterfall = page.getByTestId('waterfall');
    this.conflict = page.getByTestId('conflict-message');
    this.notes = page.getByLabel('Notes');
    this.decided = page.getByTestId('decided-panel');
    this.comparison = page.getByTestId('comparison-table');
    this.mergePreview = page.getByTestId('merge-preview');
  }
  async goto(matchId: number) {
    await this.page.goto(`/review/${matchId}`);
    await expect(this.page.getByRole('heading', { name: 'Why this score' })).toBeVisible();
  }
  /** Presses a shortcut once the page listens to it: before hydration a key press would do nothing. */
  async pressKey(key: 'a' | 'r' | 'n' | 'j') {
    const owner = key === 'j' ? this.page.getByTestId('next-match') : this.page.getByTestId('decision-form');
    await expect(owner).toHaveAttribute('data-keys', 'on');
    await this.page.keyboard.press(key);
  }
  async decide(button: DecisionButton) {
    await this.page.getByRole('button', { name: button }).click();
  }
  mergeBlock(label: 'Company name' | 'Contact' | 'Address' | 'Website' | 'Industry') {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${label}\\b`) });
  }
  /** A row of the field-by-field table by the comparison's name (Phone, Web domain, …). */
  comparisonRow(label: string) {
    return this.comparison.getByRole('row', { name: new RegExp(`^${label}\\b`) });
  }
  /** Opens "Change decision" and returns the list of what it will do. */
  async openChangeDecision(label = 'Change decision') {
    await this.page.getByRole('button', { name: `${label}…` }).click();
    return this.page.getByTestId('change-decision-effects');
  }
}
