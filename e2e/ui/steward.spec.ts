// The data steward's flows in the browser: submit, explanation, every decision with its audit entry,
// the queue's filters, sorting and keys, and the stale-version message.
import { expect, test } from '@playwright/test';
import { AuditPage } from '../pages/audit-page';
import { MatchDetailPage } from '../pages/match-detail-page';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { SubmitPage } from '../pages/submit-page';
import { createAcmeMatch, reviewViaApi } from '../support/steward-data';

test('submit shows inline errors, keeps values, then ranks matches with bands and reasons', async ({ page }) => {
  const submit = new SubmitPage(page);
  await submit.goto();
  await expect(page.getByRole('link', { name: 'Submit' })).toHaveAttribute('aria-current', 'page');
  await submit.field('Email').fill('not-an-email');
  await submit.submit();
  await expect(page.getByText('Company name must not be empty')).toBeVisible();
  await expect(submit.field('Company name')).toHaveAttribute('aria-invalid', 'true');
  await expect(submit.field('Email')).toHaveValue('not-an-email');
  await submit.fillExample();
  await submit.submit();
  await expect(submit.results).toBeVisible({ timeout: 30_000 });
  const best = submit.matchRows.first();
  await expect(best).toHaveAttribute('data-band', 'exact');
  await expect(best.getByRole('link', { name: /Acme Corporation/ })).toBeVisible();
  // The strongest evidence for comes first, in words; no level code reaches the page.
  await expect(best.getByRole('list', { name: 'Evidence for' }).getByRole('listitem')).toHaveCount(3);
  await expect(best.getByRole('list', { name: 'Evidence for' }).getByRole('listitem').first()).toContainText(/\+\d/);
  await expect(submit.results).not.toContainText(/\b(jw\d+|else|sameLocal|numberAndNameClose)\b/);
});

test('detail explains the score with a waterfall and a table of the same numbers', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'explain');
  const detail = new MatchDetailPage(page);
  await detail.goto(match.matchId);
  await expect(detail.waterfall.getByRole('list', { name: /final match weight/ })).toBeVisible();
  // Fields with no evidence are one line, not a row of 0.0 each.
  await expect(detail.waterfall.locator('[data-kind="folded"]')).toHaveCount(1);
  await expect(detail.waterfall.locator('[data-kind="folded"]')).toContainText(/\d+ fields? without evidence: /);
  await page.getByText('Show the numbers as a table').click();
  await expect(page.getByTestId('waterfall-table').getByRole('row', { name: /Prior/ })).toBeVisible();
  // Each row says in the engine's words how the values compare.
  await expect(page.getByTestId('comparison-table').locator('[data-field="email"]')).toContainText('same address after normalising');
  await expect(page.getByTestId('comparison-table').locator('[data-field="companyName"]')).toHaveAttribute('data-agreement', /same|close|differs/);
});

for (const [button, action, decided] of [
  ['Accept (link)', 'match.accept', /Linked to/],
  ['Reject this candidate', 'match.reject', /This candidate: Rejected/],
  ['Create as new customer', 'match.create_new', /Created as new customer/],
] as const) {
  test(`${action} persists, turns the page read-only and shows in the audit log`, async ({ page, request }) => {
    const match = await createAcmeMatch(request, action);
    const detail = new MatchDetailPage(page);
    await detail.goto(match.matchId);
    await detail.notes.fill(`e2e ${action}`);
    await detail.decide(button);
    await expect(detail.decided).toContainText(decided);
    await page.reload();
    await expect(detail.decided).toContainText(decided);
    await expect(page.getByRole('button', { name: button })).toHaveCount(0);
    const audit = new AuditPage(page);
    await audit.gotoEntity('matching_result', match.matchId);
    await expect(audit.row(action)).toContainText(`e2e ${action}`);
  });
}

test('merge takes the chosen blocks into the customer and is audited', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'merge');
  const detail = new MatchDetailPage(page);
  await detail.goto(match.matchId);
  await detail.mergeBlock('Company name').check();
  await expect(detail.mergePreview).toContainText('ACME Corp. merge');
  await detail.decide('Merge and link');
  await expect(detail.decided).toContainText('Merged into and linked to');
  const customerResponse = await request.get(`/api/v1/matches/${match.incomingId}`);
  const listing = (await customerResponse.json()) as { matches: Array<{ match_id: number; matched_company_name: string; review_decision: string }> };
  const merged = listing.matches.find((item) => item.match_id === match.matchId)!;
  expect(merged.review_decision).toBe('merge');
  expect(merged.matched_company_name).toBe('ACME Corp. merge');
  const audit = new AuditPage(page);
  await audit.gotoEntity('matching_result', match.matchId);
  await expect(audit.row('match.merge')).toBeVisible();
  // Put the demo customer's name back so other tests still find "Acme Corporation".
  const customerId = (await (await request.get(`/api/v1/matches/${match.incomingId}`)).json()).matches.find((item: { match_id: number }) => item.match_id === match.matchId).matched_customer_id;
  expect((await request.patch(`/api/v1/customers/${customerId}`, { data: { company_name: 'Acme Corporation' } })).status()).toBe(200);
});

test('a decision on a stale version says so and keeps the notes', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'stale');
  const detail = new MatchDetailPage(page);
  await detail.goto(match.matchId);
  await reviewViaApi(request, match.matchId, match.version, 'reject');
  await detail.notes.fill('my careful notes');
  await detail.decide('Accept (link)');
  await expect(detail.conflict).toContainText('This candidate was already rejected; undo that first ("Undo rejection", or decision "reopen") to decide it again.');
  await expect(detail.notes).toHaveValue('my careful notes');
});

test('queue filters by band and text, sorts, and keeps its state in the URL', async ({ page, request }) => {
  const match = await createAcmeMatch(request, 'queuefilter');
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?band=exact&q=${encodeURIComponent('queuefilter')}`);
  // The record may also match customers other tests created from Acme variants: every row must fit the filter.
  await expect(queue.page.locator(`[data-testid="queue-row"][data-result-id="${match.matchId}"]`)).toContainText('ACME Corp. queuefilter');
  for (const row of await queue.rows.all()) await expect(row).toHaveAttribute('data-band', 'exact');
  // Each record heads its candidates' rows: every record shown is one the text found.
  for (const group of await page.getByTestId('queue-group').all()) await expect(group).toContainText('queuefilter');
  await expect(page).toHaveURL(/band=exact/);
  // A search nothing fits (the record itself may meet other tests' Acme customers in any band).
  await queue.goto('?reviewed=any&band=low&q=queuefilter-nothing-fits');
  await expect(page.getByText('No matches for these filters')).toBeVisible();
  await queue.goto('?reviewed=any');
  await queue.sortBy('Probability');
  await expect(page).toHaveURL(/sort=probability&dir=asc/);
  // Records are grouped (one tbody each) in the order of their first row in the sort: ascending, so each record's lowest probability.
  const lowestPerRecord = await queue.page.getByTestId('queue-table').locator('tbody').evaluateAll((groups) =>
    groups.map((group) => Math.min(...[...group.querySelectorAll('[data-testid="queue-row"]')].map((row) => Number(row.getAttribute('data-probability'))))),
  );
  expect(lowestPerRecord.length).toBeGreaterThan(0);
  expect(lowestPerRecord).toEqual([...lowestPerRecord].sort((a, b) => a - b));
  expect(match.matchId).toBeGreaterThan(0);
});

test('keyboard review: j/k move the selection, a accepts it', async ({ page, request }) => {
  await createAcmeMatch(request, 'keys-one');
  await createAcmeMatch(request, 'keys-two');
  const queue = new ReviewQueuePage(page);
  await queue.goto('?q=keys-&sort=created&dir=asc');
  await expect(page.getByText('Keyboard:')).toBeVisible();
  const count = await queue.rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(queue.rows.nth(0)).toHaveAttribute('data-selected', 'true');
  await queue.keysReady();
  await page.keyboard.press('j');
  await expect(queue.rows.nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('k');
  await expect(queue.rows.nth(0)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('j');
  const chosen = Number(await queue.selectedRow().getAttribute('data-result-id'));
  await page.keyboard.press('a');
  await expect(queue.status).toContainText(`Match #${chosen} accepted`);
  await expect(queue.page.locator(`[data-testid="queue-row"][data-result-id="${chosen}"]`)).toHaveCount(0);
  // Typing in the search box must not fire shortcuts.
  const remaining = await queue.rows.count();
  await page.getByLabel('Search').fill('a');
  await expect(queue.status).not.toContainText('Accepting');
  await expect(queue.status).toContainText(`Match #${chosen} accepted`);
  await expect(queue.rows).toHaveCount(remaining);
});
