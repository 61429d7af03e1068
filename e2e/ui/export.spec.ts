// Downloads from the steward UI (open mode): the queue's files keep its band and review filters; the
// directory's file holds the customers. Required mode is covered in login.spec.ts.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DirectoryPage } from '../pages/directory-page';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { createAcmeMatch } from '../support/steward-data';

async function download(page: Page, linkName: string): Promise<{ name: string; text: string; link: Locator }> {
  await page.getByText('Download').click();
  const link = page.getByRole('link', { name: linkName });
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8'), link };
}

test('the queue downloads its matches as JSON Lines with the band and review filters applied', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'export-jsonl');
  const queue = new ReviewQueuePage(page);
  await queue.goto('?band=exact');
  const { name, text, link } = await download(page, 'Matches as JSON Lines');
  expect(name).toMatch(/^matches-\d{8}T\d{6}Z\.jsonl$/);
  const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { match_id: number; confidence_band: string; reviewed: boolean });
  expect(lines.map((line) => line.match_id)).toContain(match.matchId);
  expect(new Set(lines.map((line) => `${line.confidence_band}/${line.reviewed}`))).toEqual(new Set(['exact/false']));
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="matches-/);
});

test('the directory downloads the customers as CSV for Excel', async ({ page }) => {
  const directory = new DirectoryPage(page);
  await directory.goto();
  const { name, text, link } = await download(page, 'Customers as CSV (for Excel)');
  expect(name).toMatch(/^customers-\d{8}T\d{6}Z\.csv$/);
  const [header] = text.split(/\r?\n/);
  expect(header.startsWith('\uFEFF')).toBe(true);
  expect(header.slice(1).split(',')).toEqual(expect.arrayContaining(['company_name', 'email', 'source_system', 'source_id']));
  expect(text).toContain('Acme Corporation');
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
});

test('a download link with a bad filter answers 400 with the reason, not a file', async ({ page }) => {
  const response = await page.request.get('/export?what=customers&band=exact');
  expect(response.status()).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain('band applies to what=matches only');
});
