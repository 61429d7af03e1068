import { describe, expect, it } from 'vitest';
import { queueHref } from './queue-url';

describe('queueHref', () => {
  it('keeps filters, replaces what changes, drops blanks', () => {
    expect(queueHref({ band: ['exact', 'high'], q: 'acme', page: '3', from: '' }, { sort: 'created', dir: 'asc', page: 1 })).toBe(
      '/review?band=exact&band=high&q=acme&sort=created&dir=asc&page=1',
    );
  });
  it('removes a parameter set to undefined', () => {
    expect(queueHref({ page: '2' }, { page: undefined })).toBe('/review');
  });
});
