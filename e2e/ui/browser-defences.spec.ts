// The Content-Security-Policy as Chromium applies it: every page and Swagger UI at /docs run without a single
// violation, Next's inline scripts carry the response's nonce, and a server action posted from a page on
// another origin is refused (403) and stores nothing, while the same form on the app's own page works.
import { expect, test, type Page } from '@playwright/test';
import { DashboardPage } from '../pages/dashboard-page';
import { startForeignSite } from '../support/foreign-site';

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** Collects CSP violations (the DOM event and Chromium's console message) from the next navigation on. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) seen.push(message.text());
  });
  void page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return seen;
}

async function violations(page: Page, console: string[]): Promise<string[]> {
  return [...console, ...(await page.evaluate(() => window.__cspViolations))];
}

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

test('Swagger UI at /docs renders every operation without a CSP violation', async ({ page }) => {
  const console = watchViolations(page);
  await page.goto('/docs');
  await expect(page.locator('.swagger-ui .info .title')).toContainText('Customer Matching API');
  await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible();
  expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThanOrEqual(18);
  // Expanding an operation renders its schema (more inline styles, more SVG icons).
  await page.locator('.swagger-ui .opblock-summary').first().click();
  await expect(page.locator('.swagger-ui .opblock-body').first()).toBeVisible();
  expect(await violations(page, console)).toEqual([]);
});

test('pages run under the CSP: inline scripts carry the nonce, charts draw, nothing is blocked', async ({ page }) => {
  const console = watchViolations(page);
  // A server action under the CSP: submit and match a record (it also gives the dashboard something to draw).
  await page.goto('/');
  await page.getByRole('button', { name: 'Fill example' }).click();
  await page.getByRole('button', { name: 'Submit and match' }).click();
  await expect(page.getByTestId('match-results')).toBeVisible();
  for (const path of ['/', '/review', '/directory', '/import', '/audit-log', '/dashboard']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const nonce = nonceOf(response?.headers()['content-security-policy']);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((script) => ({ inline: !script.src, nonce: script.nonce })));
    const inline = scripts.filter((script) => script.inline);
    expect(inline.length, `${path} has Next's inline scripts`).toBeGreaterThan(0);
    expect(inline.map((script) => script.nonce), path).toEqual(inline.map(() => nonce));
  }
  // The dashboard's charts use inline styles (style-src 'unsafe-inline'): they must draw.
  await expect(new DashboardPage(page).chart('Incoming records by status')).toBeVisible();
  expect(await violations(page, console)).toEqual([]);
});

test('a server action posted by a page on another origin answers 403 and stores nothing', async ({ browser, page, request, baseURL }) => {
  const token = `${Date.now().toString(36)}`.replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)]);
  const incomingNamed = async (name: string) => {
    const listed = await (await request.get(`/api/v1/customers/incoming?limit=50&q=${encodeURIComponent(name)}`)).json();
    return listed.map((record: { company_name: string }) => record.company_name);
  };
  // The submit form as the server renders it for browsers without JavaScript: a plain multipart POST.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const appPage = await plain.newPage();
  await appPage.goto('/');
  const formHtml = await appPage.locator('main form').first().evaluate((form) => form.outerHTML);
  expect(formHtml).toContain('$ACTION');

  // Control: that form, sent from the app's own page, stores the record.
  await appPage.locator('[name=company_name]').fill(`Action Control ${token}`);
  await appPage.getByRole('button', { name: 'Submit and match' }).click();
  await expect.poll(() => incomingNamed(`action control ${token}`)).toEqual([`Action Control ${token}`]);
  await plain.close();
  // It has no candidate: dismiss it, so it does not crowd the queue's "no match: decide" list for later specs.
  const [control] = await (await request.get(`/api/v1/customers/incoming?limit=5&q=${encodeURIComponent(`action control ${token}`)}`)).json();
  const dismissed = await request.post(`/api/v1/customers/incoming/${control.request_id}/decision`, { data: { decision: 'dismiss', expected_version: control.version } });
  expect(dismissed.status(), await dismissed.text()).toBe(200);

  const site = await startForeignSite();
  try {
    await page.goto(site.origin);
    const answered = page.waitForResponse((response) => response.url().startsWith(baseURL!) && response.request().method() === 'POST');
    await page.evaluate(
      ({ html, action, name }) => {
        document.body.innerHTML = html;
        const form = document.querySelector('form')!;
        form.action = action;
        form.querySelector<HTMLInputElement>('[name=company_name]')!.value = name;
        form.submit();
      },
      { html: formHtml, action: `${baseURL}/`, name: `Action Attack ${token}` },
    );
    const response = await answered;
    expect(response.request().headers()['origin']).toBe(site.origin);
    expect(response.status()).toBe(403);
  } finally {
    await site.close();
  }
  expect(await incomingNamed(`action attack ${token}`)).toEqual([]);
});

test('a fetch-style server action with a foreign or null Origin answers 403 in the error shape', async ({ request }) => {
  for (const origin of ['https://attacker.example', 'null']) {
    const response = await request.post('/', { headers: { Origin: origin, 'Next-Action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' }, data: '[]' });
    expect(response.status(), `Origin: ${origin}`).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/this site/) } });
  }
});
