import { describe, expect, it } from 'vitest';
import { bulkAcceptSchema, reviewQueueQuerySchema } from './review-queue';

describe('reviewQueueQuerySchema', () => {
  it('defaults to the unreviewed queue, most probable first', () => {
    expect(reviewQueueQuerySchema.parse({})).toEqual({ page: 1, size: 25, sort: 'probability', dir: 'desc', band: [], reviewed: 'no' });
  });
  it('reads repeated and comma-separated bands, and ignores blank fields from a GET form', () => {
    const query = reviewQueueQuerySchema.parse({ band: ['exact', 'high,potential'], q: '  ', from: '', decision: '' });
    expect(query.band).toEqual(['exact', 'high', 'potential']);
    expect(query.q).toBeUndefined();
    expect(query.from).toBeUndefined();
  });
  it('offers a most-uncertain-first sort', () => {
    expect(reviewQueueQuerySchema.parse({ sort: 'uncertainty' })).toMatchObject({ sort: 'uncertainty', dir: 'desc' });
    expect(reviewQueueQuerySchema.safeParse({ sort: 'entropy' }).success).toBe(false);
  });
  it('rejects unknown bands, sizes and impossible dates with a message', () => {
    expect(reviewQueueQuerySchema.safeParse({ band: 'certain' }).success).toBe(false);
    expect(reviewQueueQuerySchema.safeParse({ size: '1000' }).success).toBe(false);
    const badDate = reviewQueueQuerySchema.safeParse({ from: '2025-02-31x' });
    expect(badDate.error?.issues[0]?.message).toBe('must be a date like 2025-01-31');
  });
});

describe('bulkAcceptSchema', () => {
  it('needs ids with versions, and not too many', () => {
    expect(bulkAcceptSchema.parse({ matches: [{ id: '7', version: 2 }] }).matches[0]).toEqual({ id: 7, version: 2 });
    expect(bulkAcceptSchema.safeParse({ matches: [] }).success).toBe(false);
    expect(bulkAcceptSchema.safeParse({ matches: Array.from({ length: 101 }, (_, i) => ({ id: i + 1, version: 1 })) }).success).toBe(false);
  });

  // The notes are stored with every accepted match: the same bounds as a single decision's notes.
  it.each([
    ['2001 characters', 'n'.repeat(2001)],
    ['a NUL character', 'nul\u0000'],
    ['a lone surrogate', 'lone\ud800'],
  ])('refuses notes with %s', (_label, notes) => {
    const parsed = bulkAcceptSchema.safeParse({ matches: [{ id: 1, version: 1 }], notes });
    expect(parsed.error?.issues.map((issue) => issue.path[0])).toEqual(['notes']);
  });

  it('keeps notes at the bound and reads blank notes as none', () => {
    expect(bulkAcceptSchema.parse({ matches: [{ id: 1, version: 1 }], notes: 'n'.repeat(2000) }).notes).toBe('n'.repeat(2000));
    expect(bulkAcceptSchema.parse({ matches: [{ id: 1, version: 1 }], notes: '  ' }).notes ?? null).toBeNull();
  });
});
