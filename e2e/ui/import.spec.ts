import { expect, test } from '@playwright/test';
import { ImportPage } from '../pages/import-page';

const token = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

test('imports a CSV from /import: progress, the rows not imported in a table, and the summary', async ({ page }) => {
  const id = token();
  const csv = [
    'company_name,email,city,country,source_id',
    `Ui Import ${id} AS,post@ui${id}.no,Oslo,NO,ui-${id}-1`,
    `Ui Broken ${id},not-an-email,Bergen,NO,ui-${id}-2`,
    `,,Bergen,NO,ui-${id}-3`,
  ].join('\n');
  const importPage = new ImportPage(page);
  await importPage.goto();
  await expect(importPage.heading).toBeVisible();
  await page.screenshot({ path: 'test-results/import-before.png', fullPage: true });

  await importPage.importFile({ name: 'customers.csv', mimeType: 'text/csv', text: csv }, { sourceSystem: `ui-${id}` });
  await expect(importPage.summaryHeading).toHaveText('Import finished');
  await expect(importPage.count('Rows read')).toHaveText('3');
  await expect(importPage.count('Inserted')).toHaveText('1');
  await expect(importPage.count('Rejected')).toHaveText('2');
  const rows = importPage.rejections.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(`ui-${id}-2`);
  await expect(rows.nth(1)).toContainText('email');
  await expect(rows.nth(1)).toContainText('must be a valid email address');
  await expect(rows.nth(2)).toContainText('company_name');
  await page.screenshot({ path: 'test-results/import-after.png', fullPage: true });

  // The same file again: nothing changes, and the keyboard alone can do it.
  await importPage.fileInput.setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await importPage.submit.focus();
  await page.keyboard.press('Enter');
  await expect(importPage.count('Unchanged')).toHaveText('1');
  await expect(importPage.count('Inserted')).toHaveText('0');
});

test('a dry run says what would change; a malformed file is reported as an alert naming the row', async ({ page }) => {
  const id = token();
  const importPage = new ImportPage(page);
  await importPage.goto();
  await importPage.importFile({ name: 'incoming.jsonl', mimeType: 'application/x-ndjson', text: `{"company_name":"Ui Dry ${id}"}\n` }, { target: 'incoming', dryRun: true });
  await expect(importPage.summaryHeading).toHaveText('Dry run: nothing was written');
  await expect(importPage.count('Would be inserted')).toHaveText('1');

  await importPage.importFile({ name: 'broken.csv', mimeType: 'text/csv', text: `company_name\nUi Before ${id}\n"Ui\n` });
  await expect(importPage.alert).toContainText('at row 2 (line 3)');
  await expect(importPage.count('Inserted')).toHaveText('1');
});

test('after importing incoming records, Match now matches them and points to the queue', async ({ page }) => {
  const id = token();
  const importPage = new ImportPage(page);
  await importPage.goto();
  await importPage.importFile({ name: 'incoming.jsonl', mimeType: 'application/x-ndjson', text: `{"company_name":"Acme Corporation","email":"john.smith@acme.com","source_id":"ui-now-${id}"}\n` }, { target: 'incoming', sourceSystem: `ui-now-${id}` });
  await expect(importPage.count('Inserted')).toHaveText('1');
  const matchNow = page.getByTestId('match-now');
  await matchNow.getByRole('button', { name: 'Match now' }).click();
  await expect(matchNow.getByRole('status')).toContainText(/Matched \d+ records?: \d+ with candidates/, { timeout: 30_000 });
  await matchNow.getByRole('link', { name: 'Open the review queue' }).click();
  await expect(page).toHaveURL(/\/review$/);
});
