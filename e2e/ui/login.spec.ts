// Steward sign-in when the server requires API keys (project `ui-auth`, the AUTH_MODE=required server on
// :3101): redirect to /login, wrong keys, a read-only key meeting a decision, a reviewer deciding, sign-out,
// and downloads that work with the session cookie while the API itself still wants a Bearer key. The cookie
// holds a random session id, never the key; the session ends on the server at sign-out and when it expires.
import { readFile } from 'node:fs/promises';
import { expect, request as playwrightRequest, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { MatchDetailPage } from '../pages/match-detail-page';
import { ReviewQueuePage } from '../pages/review-queue-page';
import { AUTH_BASE_URL, AUTH_FAILURE_BURST, AUTH_REDIS_URL, readProvisionedKeys, readProvisionedSessions, type KeyName, type ProvisionedKey } from '../support/auth-server';
import { createAcmeMatch } from '../support/steward-data';

let keys: Record<KeyName, ProvisionedKey>;
let writer: APIRequestContext;

test.beforeAll(async () => {
  keys = readProvisionedKeys();
  writer = await playwrightRequest.newContext({ baseURL: AUTH_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${keys.uiWriter.key}` } });
});

test.afterAll(async () => {
  await writer?.dispose();
});

async function signIn(page: Page, key: string) {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function matchStatus(matchId: number, incomingId: number) {
  const response = await writer.get(`/api/v1/matches/${incomingId}`);
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { matches: Array<{ match_id: number; reviewed: boolean; review_decision: string | null; reviewer: string | null }> };
  return body.matches.find((match) => match.match_id === matchId)!;
}

test('the queue without a key sends the steward to /login with a message, and back after signing in', async ({ page }) => {
  await page.goto('/review?band=exact');
  await expect(page).toHaveURL(/\/login\?reason=signin&from=%2Freview/);
  await expect(page.getByText('Sign in to continue.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signIn(page, keys.uiReader.key);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await expect(page.getByTestId('steward-name')).toHaveText(`api-key:${keys.uiReader.name}`);
});

test('a wrong or revoked key is refused on the form, and no session starts', async ({ page }) => {
  await page.goto('/login');
  for (const [key, message] of [
    [`cm_${keys.uiReader.prefix}_${'B'.repeat(32)}`, 'The API key is unknown or revoked'],
    ['not-a-key', 'The API key is malformed'],
    [keys.revoked.key, 'The API key is unknown or revoked'],
  ]) {
    await signIn(page, key);
    await expect(page.locator('#apiKey-error')).toContainText(message);
    await expect(page.getByLabel('API key')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/login$/);
  }
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login\?reason=signin/);
});

test('a read-only key can view the queue and a match, but a decision names the missing review scope', async ({ page }) => {
  const match = await createAcmeMatch(writer, 'ui-auth-read');
  await page.goto('/login');
  await signIn(page, keys.uiReader.key);
  // With no page to return to, a read-only key starts at the queue: Submit (/) needs the write scope.
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId('steward-name')).toHaveText(`api-key:${keys.uiReader.name}`);
  const queue = new ReviewQueuePage(page);
  await queue.goto(`?q=${match.incomingId}`);
  await expect(queue.rows.first()).toContainText('ACME Corp. ui-auth-read');
  const detail = new MatchDetailPage(page);
  await detail.goto(match.matchId);
  await detail.decide('Reject this candidate');
  const refusal = page.getByRole('alert').filter({ hasText: 'The decision was not saved' });
  await expect(refusal).toContainText('Your API key lacks the "review" scope needed here (it has: read)');
  expect((await matchStatus(match.matchId, match.incomingId)).reviewed).toBe(false);
});

test('a review-scoped key decides, recorded under its name; sign-out returns to /login and pages ask again', async ({ page }) => {
  const match = await createAcmeMatch(writer, 'ui-auth-review');
  await page.goto(`/review/${match.matchId}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?reason=signin&from=%2Freview%2F${match.matchId}`));
  await signIn(page, keys.uiReviewer.key);
  const detail = new MatchDetailPage(page);
  await expect(page.getByRole('heading', { name: 'Why this score' })).toBeVisible();
  await detail.notes.fill('ui-auth reviewer');
  await detail.decide('Reject this candidate');
  await expect(detail.decided).toContainText('This candidate: Rejected');
  expect(await matchStatus(match.matchId, match.incomingId)).toMatchObject({ reviewed: true, review_decision: 'reject', reviewer: `api-key:${keys.uiReviewer.name}` });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login\?reason=signin/);
});

test('downloads work with the session cookie; the API still wants a Bearer key', async ({ page }) => {
  await createAcmeMatch(writer, 'ui-auth-export');
  const anonymous = await page.request.get('/export?what=customers&format=csv', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toMatch(/^\/login\?reason=signin/);

  await page.goto('/login');
  await signIn(page, keys.uiReader.key);
  await expect(page).toHaveURL(/\/review$/);
  const queue = new ReviewQueuePage(page);
  await queue.goto('?band=exact');
  await page.getByText('Download').click();
  const csvLink = page.getByRole('link', { name: 'Matches as CSV (for Excel)' });
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^matches-\d{8}T\d{6}Z\.csv$/);
  const file = await readFile((await download.path())!, 'utf8');
  expect(file.startsWith('\uFEFFmatch_id,')).toBe(true);
  expect(file).toContain(',e2e-ui,ui-auth-export-');

  const viaSession = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(viaSession.status()).toBe(200);
  expect(viaSession.headers()['content-type']).toBe('text/csv; charset=utf-8');
  // The cookie is the UI's; the REST route does not take it.
  expect((await page.request.get('/api/v1/matches/export?what=customers')).status()).toBe(401);
});

const SESSION_COOKIE = 'cm_steward_session';

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

test('the sign-in sets a random, httpOnly, SameSite=Strict session id as the cookie, never the key', async ({ page, context }) => {
  await page.goto('/login');
  const signInResponse = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login');
  await signIn(page, keys.uiReader.key);
  const setCookies = await (await signInResponse).headerValues('set-cookie');
  await expect(page).toHaveURL(/\/review$/);
  const session = setCookies.find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  expect(session, setCookies.join('\n')).toMatch(/^cm_steward_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; Max-Age=\d+;( Secure;)? HttpOnly; SameSite=strict$/i);
  // next start runs with NODE_ENV=production, where the cookie is Secure as well.
  expect(session).toMatch(/; Secure;/i);
  const [, secret] = /^cm_[a-z0-9]{8}_(.+)$/.exec(keys.uiReader.key)!;
  for (const header of setCookies) {
    expect(header).not.toContain(secret);
    expect(header).not.toContain(keys.uiReader.prefix);
  }
  // The cookie of earlier releases, which held the key, is only ever cleared.
  for (const legacy of setCookies.filter((header) => header.startsWith('cm_steward_key='))) expect(legacy).toMatch(/^cm_steward_key=; /);
  for (const cookie of await context.cookies()) expect(cookie.value).not.toContain(secret);
});

test('sign-out ends the session on the server: the old cookie, sent again, leads to /login', async ({ page, context }) => {
  await page.goto('/login');
  await signIn(page, keys.uiReader.key);
  await expect(page).toHaveURL(/\/review$/);
  const copied = await sessionCookie(context);
  expect(copied?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out/);
  expect(await sessionCookie(context)).toBeUndefined();

  await context.addCookies([copied!]);
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login\?reason=expired&from=%2Freview/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
  const replayed = await page.request.get('/export?what=customers&format=csv', { maxRedirects: 0 });
  expect(replayed.status()).toBe(307);
  expect(replayed.headers().location).toMatch(/^\/login\?reason=expired/);
});

test('an expired session leads to /login saying the session has ended', async ({ page, context }) => {
  await context.addCookies([{ name: SESSION_COOKIE, value: readProvisionedSessions().expired, url: AUTH_BASE_URL, httpOnly: true, sameSite: 'Strict' }]);
  await page.goto('/review');
  await expect(page).toHaveURL(/\/login\?reason=expired&from=%2Freview/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
});

test('an expired API key cannot sign in, and says so', async ({ page }) => {
  await page.goto('/login');
  await signIn(page, keys.expired.key);
  await expect(page.locator('#apiKey-error')).toContainText('The API key expired at ');
  await expect(page).toHaveURL(/\/login$/);
});

test('the decisions download (audit data) needs admin; a reader is sent to /login naming the scope', async ({ page, browser }) => {
  await page.goto('/login');
  await signIn(page, keys.uiReader.key);
  await expect(page).toHaveURL(/\/review$/);
  const refused = await page.request.get('/export?what=decisions&format=csv', { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers().location).toMatch(/^\/login\?reason=forbidden(&from=[^&]*)?&scope=admin$/);
  expect((await page.request.get('/export?what=matches&format=csv', { maxRedirects: 0 })).status()).toBe(200);

  const adminContext = await browser.newContext({ baseURL: AUTH_BASE_URL });
  try {
    const admin = await adminContext.newPage();
    await admin.goto('/login');
    await signIn(admin, keys.uiAdmin.key);
    await expect(admin).toHaveURL(/\/$/);
    const decisions = await admin.request.get('/export?what=decisions&format=csv', { maxRedirects: 0 });
    expect(decisions.status()).toBe(200);
    expect((await decisions.text()).split('\n')[0]).toContain('decision_id,decided_at,actor');
  } finally {
    await adminContext.close();
  }
});

test('failed sign-ins count against the address together with bad Bearer keys; past the limit the form says wait', async ({ page }) => {
  const address = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': address });
  await page.goto('/login');
  const wrongKey = `cm_${keys.uiReader.prefix}_${'C'.repeat(32)}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await signIn(page, wrongKey);
    await expect(page.locator('#apiKey-error')).toContainText('The API key is unknown or revoked');
  }
  const { Redis } = await import('ioredis');
  const redis = new Redis(AUTH_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const tokens = Number((await redis.hgetall(`cm:authfail:${address}`)).tokens);
    expect(tokens).toBeGreaterThanOrEqual(AUTH_FAILURE_BURST - 2);
    expect(tokens).toBeLessThan(AUTH_FAILURE_BURST - 1);
  } finally {
    redis.disconnect();
  }
  // The rest of the budget spent through the API, from the same address.
  for (let attempt = 2; attempt < AUTH_FAILURE_BURST; attempt += 1) {
    const response = await page.request.get('/api/v1/customers', { headers: { Authorization: `Bearer cm_00000000_${'D'.repeat(32)}`, 'X-Forwarded-For': address } });
    expect(response.status()).toBe(401);
  }
  await signIn(page, wrongKey);
  await expect(page.locator('#apiKey-error')).toContainText(/Too many failed sign-in attempts from your address; retry after \d+ s/);
  await expect(page).toHaveURL(/\/login$/);
  // A right key still signs in from that address.
  await signIn(page, keys.uiReader.key);
  await expect(page).toHaveURL(/\/review$/);
});
