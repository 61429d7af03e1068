import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for /dashboard: headline totals and the named chart figures. */
export class DashboardPage {
  readonly heading: Locator;
  readonly totals: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.totals = page.locator('dl[aria-label="Totals"]');
  }

  async goto(days?: number) {
    await this.page.goto(days ? `/dashboard?days=${days}` : '/dashboard');
    await expect(this.heading).toBeVisible();
  }

  figure(name: string): Locator {
    return this.page.getByRole('figure', { name });
  }

  /** The drawn chart inside a figure (recharts' main surface, not its legend icons). */
  chart(name: string): Locator {
    return this.figure(name).locator('.recharts-wrapper > svg.recharts-surface');
  }

  /** The text of a headline card's figure, e.g. value('Median time to review'). */
  value(label: string): Locator {
    return this.totals.locator('div').filter({ has: this.page.locator('dt', { hasText: label }) }).locator('dd').first();
  }

  /** The number on a headline card, e.g. total('Incoming records'). */
  async total(label: string): Promise<number> {
    const text = await this.value(label).innerText();
    const value = Number(text.trim());
    expect(Number.isInteger(value), `"${label}" shows "${text}"`).toBe(true);
    return value;
  }
}
