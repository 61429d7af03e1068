import { describe, expect, it } from 'vitest';
import { exportQuerySchema } from '../schemas/export';
import { reviewQueueQuerySchema } from '../schemas/review-queue';
import { customersExportHref, queueExportHref, returnPathFromReferer } from './export-links';

const queueQuery = (params: Record<string, string | string[]>) => reviewQueueQuerySchema.parse(params);
const exportQueryOf = (href: string) => exportQuerySchema.parse(Object.fromEntries(new URL(href, 'http://x').searchParams));

describe('queueExportHref', () => {
  it.each([
    [{}, 'csv', '/export?what=matches&format=csv&bom=true&reviewed=false'],
    [{ band: ['exact', 'high'], reviewed: 'yes' }, 'jsonl', '/export?what=matches&format=jsonl&band=exact%2Chigh&reviewed=true'],
    [{ band: 'potential', reviewed: 'any', q: 'acme', decision: 'accept' }, 'csv', '/export?what=matches&format=csv&bom=true&band=potential'],
  ] as const)('carries the band and reviewed filters of %j into a %s link', (params, format, href) => {
    expect(queueExportHref(queueQuery(params as Record<string, string>), format)).toBe(href);
  });

  it('makes links the export route accepts, with a BOM only on CSV', () => {
    expect(exportQueryOf(queueExportHref(queueQuery({ band: 'exact,low' }), 'csv'))).toMatchObject({ what: 'matches', format: 'csv', bom: true, band: ['exact', 'low'], reviewed: false });
    expect(exportQueryOf(queueExportHref(queueQuery({}), 'jsonl')).bom).toBeUndefined();
    expect(exportQueryOf(customersExportHref('csv'))).toMatchObject({ what: 'customers', format: 'csv', bom: true });
  });
});

describe('returnPathFromReferer', () => {
  it.each([
    ['http://127.0.0.1:3000/review?band=exact', '/review?band=exact'],
    ['http://evil.example/review', undefined],
    ['not a url', undefined],
    [null, undefined],
  ])('%s → %s', (referer, path) => {
    expect(returnPathFromReferer(referer, 'http://127.0.0.1:3000')).toBe(path);
  });
});
