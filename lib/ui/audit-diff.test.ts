import { describe, expect, it } from 'vitest';
import { auditChanges, entityHref } from './audit-diff';

describe('auditChanges', () => {
  it('lists only keys that changed, added or removed', () => {
    expect(auditChanges({ reviewed: false, version: 1, same: 'x' }, { reviewed: true, version: 2, same: 'x', notes: 'ok' })).toEqual([
      { key: 'reviewed', before: 'false', after: 'true' },
      { key: 'version', before: '1', after: '2' },
      { key: 'notes', before: '—', after: 'ok' },
    ]);
  });
  it('treats a missing side (create, erasure) as empty and shortens long values', () => {
    const changes = auditChanges(null, { description: 'y'.repeat(200) });
    expect(changes[0].before).toBe('—');
    expect(changes[0].after).toHaveLength(78);
  });
});

describe('entityHref', () => {
  it.each([
    ['matching_result', '12', '/review/12'],
    ['customer', '3', '/directory/3'],
    ['incoming_customer', '5', '/review?reviewed=any&q=5'],
    ['api_key', '1', null],
    ['customer', 'abc', null],
  ])('%s %s → %s', (type, id, expected) => expect(entityHref(type, id)).toBe(expected));
});
