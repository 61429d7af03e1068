import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the customers directory at /directory: table, text filter, sorting, semantic search. */
export class DirectoryPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly semanticResults: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Customers' });
    this.table = page.getByRole('table', { name: /^Customers, sorted by/ });
    this.semanticResults = page.getByRole('table', { name: 'Semantic search results, most similar first' });
  }

  async goto(query = '') {
    await this.page.goto(`/directory${query}`);
    await expect(this.heading).toBeVisible();
  }

  row(companyName: string): Locator {
    return this.table.getByRole('row').filter({ hasText: companyName });
  }

  /** Company names in table order (the first cell of every body row). */
  async companyNames(): Promise<string[]> {
    return this.table.locator('tbody tr td:first-child').allInnerTexts();
  }

  async filter(text: string) {
    const search = this.page.getByRole('search', { name: 'Filter customers' });
    await search.getByLabel('Filter by name, email or city').fill(text);
    await search.getByRole('button', { name: 'Filter' }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace(/%20/g, '\\+')}`));
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  async sortBy(column: string) {
    await this.columnHeader(column).getByRole('link').click();
  }

  async semanticSearch(text: string) {
    const search = this.page.getByRole('search', { name: 'Semantic search' });
    await search.getByRole('searchbox', { name: 'Semantic search' }).fill(text);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(this.semanticResults.or(this.page.getByText(/No customer is at least/))).toBeVisible();
  }

  semanticRow(companyName: string): Locator {
    return this.semanticResults.getByRole('row').filter({ hasText: companyName });
  }
}
