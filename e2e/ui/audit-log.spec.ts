// The audit log for a steward: filters picked from what the log holds, names beside ids, values in words.
import { expect, test } from '@playwright/test';
import { createAcmeMatch, reviewViaApi } from '../support/steward-data';

test('filters are pick lists, records show their names, and values read as text', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'audit-words');
  await reviewViaApi(request, match.matchId, match.version, 'accept');
  await page.goto('/audit-log');
  await page.getByLabel('Action').selectOption('match.accept');
  await page.getByLabel('Record type').selectOption('matching_result');
  await page.getByLabel('Record id').fill(String(match.matchId));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=match.accept/);
  const row = page.locator(`[data-testid="audit-row"][data-action="match.accept"]`);
  await expect(row).toHaveCount(1);
  // The match is named by both sides, not only by its number.
  await expect(row).toContainText(`ACME Corp. audit-words → ${match.customerName}`);
  await expect(page.getByLabel('Who').locator('option')).not.toHaveCount(1);
  // The record-level event carries the resolution as words, never as JSON.
  await page.goto(`/audit-log?entity_type=incoming_customer&entity_id=${match.incomingId}`);
  await expect(page.getByTestId('audit-table')).not.toContainText('{"');
  await expect(page.getByTestId('audit-table')).toContainText('decision: accept');
});
