// One outcome per incoming record, in the browser: the six ways the decision flow could write wrong
// master data, each driven as a steward would (issue: steward decisions that keep the customer master right).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { MatchDetailPage } from '../pages/match-detail-page';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { SubmitPage } from '../pages/submit-page';
import { postApi } from '../support/steward-data';
import { uniqueToken } from '../support/matching-api';

type Listing = { incoming_customer: { incoming_id: number; version: number }; matches: Array<{ match_id: number; version: number; matched_customer_id: number }> };

async function customer(request: APIRequestContext, fields: Record<string, unknown>): Promise<number> {
  return (await postApi<{ customer_id: number }>(request, '/customers', fields)).customer_id;
}

async function submitAndMatch(request: APIRequestContext, fields: Record<string, unknown>): Promise<Listing> {
  return postApi<Listing>(request, '/customers/incoming?match=true', fields);
}

test('1. once a record is linked, accepting another of its candidates is refused and says what happened', async ({ page, request }) => {
  const name = `Kestrel ${uniqueToken()} Freight`;
  const boston = await customer(request, { company_name: name, email: `boston@${name.split(' ')[1]}.com`, city: 'Boston', country: 'US' });
  const denver = await customer(request, { company_name: name, email: `denver@${name.split(' ')[1]}.com`, city: 'Denver', country: 'US' });
  const listing = await submitAndMatch(request, { company_name: name, email: `ops@${name.split(' ')[1]}.com`, country: 'US' });
  const [a, b] = [boston, denver].map((id) => listing.matches.find((match) => match.matched_customer_id === id)!);
  const detail = new MatchDetailPage(page);
  await detail.goto(b.match_id);
  // Another steward accepts the other office meanwhile.
  await postApi(request, `/matches/${a.match_id}/review`, { decision: 'accept', expected_version: a.version, reviewer: 'ana' });
  await detail.decide('Accept (link)');
  await expect(detail.conflict).toContainText(`Incoming #${listing.incoming_customer.incoming_id} was already linked to customer #${boston} by ana. Change the decision first ("Change decision", or decision "reopen") to decide again.`);
  await page.reload();
  await expect(detail.decided).toContainText('This candidate: Closed: the record was resolved otherwise');
  await expect(page.getByRole('button', { name: 'Accept (link)' })).toHaveCount(0);
  const after = (await (await request.get(`/api/v1/customers/incoming/${listing.incoming_customer.incoming_id}`)).json()) as { matches: Array<{ review_decision: string | null }> };
  expect(after.matches.filter((match) => match.review_decision === 'accept')).toHaveLength(1);
});

test('2. a record whose only candidate is rejected stays in the queue as "no match: decide", and create new resolves it', async ({ page, request }) => {
  const name = `Osprey ${uniqueToken()} Analytics`;
  await customer(request, { company_name: name, email: `info@${name.split(' ')[1]}.com`, city: 'Austin', country: 'US' });
  const listing = await submitAndMatch(request, { company_name: name, email: `info@${name.split(' ')[1]}.com`, city: 'Austin', country: 'US' });
  expect(listing.matches).toHaveLength(1);
  const detail = new MatchDetailPage(page);
  await detail.goto(listing.matches[0].match_id);
  await detail.decide('Reject this candidate');
  await expect(detail.decided).toContainText('This candidate: Rejected');
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?q=${encodeURIComponent(name)}`);
  const row = page.locator(`[data-testid="no-match-row"][data-incoming-id="${listing.incoming_customer.incoming_id}"]`);
  await expect(row).toContainText(name);
  await row.getByRole('button', { name: `Create as new customer from ${name}` }).click();
  // Decided: it leaves the list.
  await expect(row).toHaveCount(0);
  await page.goto(`/review/incoming/${listing.incoming_customer.incoming_id}`);
  await expect(page.getByTestId('resolution')).toContainText(`Created as new customer ${name}`);
});

test('3. a decided match is read-only; "Change decision" says what it will undo before doing it', async ({ page, request }) => {
  const name = `Heron ${uniqueToken()} Robotics`;
  await customer(request, { company_name: name, city: 'Oslo', country: 'NO' });
  const listing = await submitAndMatch(request, { company_name: name, city: 'Oslo', country: 'NO', contact_name: 'Kari Nordmann' });
  const detail = new MatchDetailPage(page);
  await detail.goto(listing.matches[0].match_id);
  await detail.decide('Create as new customer');
  await expect(detail.decided).toContainText('Created as new customer');
  await expect(page.getByRole('button', { name: 'Accept (link)' })).toHaveCount(0);
  const effects = await detail.openChangeDecision();
  await expect(effects).toContainText(/Customer #\d+, created from this record, is deleted\./);
  await expect(effects).toContainText('The record is open again: 1 candidate goes back to the review queue.');
  await page.getByRole('button', { name: 'Undo and reopen' }).click();
  await expect(page.getByRole('button', { name: 'Accept (link)' })).toBeVisible();
  const created = (await (await request.get(`/api/v1/audit?entity_type=incoming_customer&entity_id=${listing.incoming_customer.incoming_id}&limit=1`)).json()) as Array<{ action: string }>;
  expect(created[0].action).toBe('incoming.reopened');
});

test('4. merge moves the whole address and shows the customer as it will be written', async ({ page, request }) => {
  const name = `Falcon ${uniqueToken()} Transport`;
  const domain = `${name.split(' ')[1]}.example`;
  const same = { company_name: name, phone: '713-608-5161', website: domain, contact_name: 'Maria Lopez', email: `maria@${domain}` };
  const id = await customer(request, { ...same, address_line1: '3367 George Court', city: 'Houston', state: 'TX', postal_code: '77002', country: 'US' });
  const listing = await submitAndMatch(request, { ...same, address_line1: '18 Main Street', address_line2: 'Floor 4', city: 'Dallas', state: 'TX', postal_code: '75201', country: 'US' });
  const match = listing.matches.find((candidate) => candidate.matched_customer_id === id)!;
  const detail = new MatchDetailPage(page);
  await detail.goto(match.match_id);
  await expect(detail.mergeBlock('Address')).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Address line 2/ })).toHaveCount(0);
  await detail.mergeBlock('Address').check();
  await expect(detail.mergePreview.locator('[data-field="address_line1"]')).toContainText('18 Main Street');
  await expect(detail.mergePreview.locator('[data-field="address_line2"]')).toContainText('Floor 4');
  await expect(detail.mergePreview.locator('[data-field="city"]')).toContainText('Dallas');
  await detail.decide('Merge and link');
  await expect(detail.decided).toContainText('Merged into and linked to');
  const stored = (await (await request.get(`/api/v1/customers/${id}`)).json()) as Record<string, unknown>;
  expect(stored).toMatchObject({ address_line1: '18 Main Street', address_line2: 'Floor 4', city: 'Dallas', postal_code: '75201' });
});

test('5. submitting the same record twice stores it once and says so', async ({ page, request }) => {
  const name = `Plover ${uniqueToken()} Textiles`;
  const submit = new SubmitPage(page);
  await submit.goto();
  await submit.field('Company name').fill(name);
  await submit.field('City').fill('Leeds');
  await submit.submit();
  await expect(submit.results).toBeVisible({ timeout: 30_000 });
  await submit.submit();
  await expect(page.getByTestId('resubmitted-note')).toContainText(/This record was already received on .* as incoming #\d+/);
  const stored = (await (await request.get(`/api/v1/customers/incoming?q=${encodeURIComponent(name)}`)).json()) as unknown[];
  expect(stored).toHaveLength(1);
});

test('6. the field table compares what the engine compared: one phone and one domain written two ways are the same', async ({ page, request }) => {
  const name = `Falcon ${uniqueToken()} Logistics`;
  const domain = `${name.split(' ')[1]}transport.com`;
  await customer(request, { company_name: name, phone: '713-608-5161', website: domain, city: 'Houston', country: 'US' });
  const listing = await submitAndMatch(request, { company_name: name, phone: '+17136085161', website: `www.${domain}`, city: 'Houston', country: 'US' });
  const detail = new MatchDetailPage(page);
  await detail.goto(listing.matches[0].match_id);
  await expect(detail.comparisonRow('Phone')).toHaveAttribute('data-agreement', 'same');
  await expect(detail.comparisonRow('Phone')).toContainText('same number after normalising');
  await expect(detail.comparisonRow('Web domain')).toHaveAttribute('data-agreement', 'same');
  await expect(detail.comparisonRow('Web domain')).toContainText('same web domain');
  await expect(detail.comparison).not.toContainText('Differs');
});
