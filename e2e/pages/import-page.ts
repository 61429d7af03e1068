import type { Locator, Page } from '@playwright/test';

/** Page object for the file import at /import. */
export class ImportPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly target: Locator;
  readonly sourceSystem: Locator;
  readonly dryRun: Locator;
  readonly submit: Locator;
  readonly status: Locator;
  readonly summaryHeading: Locator;
  readonly rejections: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Import' });
    this.fileInput = page.getByLabel('File (CSV, JSON or JSON Lines)');
    this.target = page.getByLabel('Import into');
    this.sourceSystem = page.getByLabel('Source system (for rows without one)');
    this.dryRun = page.getByRole('checkbox', { name: /^Dry run/ });
    this.submit = page.getByRole('button', { name: /^Import/ });
    this.status = page.getByRole('status').filter({ has: page.locator('progress, p') });
    this.summaryHeading = page.getByRole('heading', { level: 2, name: /Import finished|Dry run/ });
    this.rejections = page.getByRole('table', { name: /Rows not imported/ });
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async goto() {
    await this.page.goto('/import');
  }

  async importFile(file: { name: string; mimeType: string; text: string }, options: { target?: 'customers' | 'incoming'; dryRun?: boolean; sourceSystem?: string } = {}) {
    await this.fileInput.setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.text) });
    await this.target.selectOption(options.target ?? 'customers');
    await this.sourceSystem.fill(options.sourceSystem ?? '');
    await this.dryRun.setChecked(Boolean(options.dryRun));
    await this.submit.click();
  }

  /** The number shown under a summary label ("Rows read", "Inserted", "Would be inserted", …). */
  count(label: string): Locator {
    return this.page.locator('dl div').filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`, 'i') }) }).locator('dd');
  }
}
