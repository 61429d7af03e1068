// axe over every steward page, at desktop and phone width: no serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createAcmeMatch } from '../support/steward-data';

test('axe finds no serious or critical violation on the app\'s pages', async ({ page, request }) => {
  test.setTimeout(180_000);
  const match = await createAcmeMatch(request, 'axe');
  const pages = ['/', '/review', `/review/${match.matchId}`, `/review/incoming/${match.incomingId}`, '/directory', '/directory/1', '/dashboard', '/import', '/audit-log', '/login', '/review/987654321'];
  const found: string[] = [];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      for (const violation of violations.filter((one) => one.impact === 'serious' || one.impact === 'critical')) {
        found.push(`${width}px ${path}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
      }
    }
  }
  console.log(`axe: ${pages.length * 2} page views, ${found.length} serious or critical violations`);
  expect(found).toEqual([]);
});
