import { expect, type Locator, type Page } from '@playwright/test';

export class SubmitPage {
  readonly results: Locator;
  readonly matchRows: Locator;
  constructor(readonly page: Page) {
    this.results = page.getByTestId('match-results');
    this.matchRows = page.getByTestId('match-row');
  }
  async goto() {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Submit & match' })).toBeVisible();
  }
  field(label: string) {
    return this.page.getByLabel(label, { exact: false }).first();
  }
  async fillExample() {
    await this.page.getByRole('button', { name: 'Fill example' }).click();
  }
  async submit() {
    await this.page.getByRole('button', { name: 'Submit and match' }).click();
  }
}
