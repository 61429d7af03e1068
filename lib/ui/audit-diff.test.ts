import { describe, expect, it } from 'vitest';
import { auditChanges, entityHref } from './audit-diff';

describe('auditChanges', () => {
  it('lists only keys that changed, added or removed', () => {
    expect(auditChanges({ reviewed: false, version: 1, same: 'x' }, { reviewed: true, version: 2, same: 'x', notes: 'ok' })).toEqual([
      { key: 'reviewed', before: 'false', after: 'true' },
      { key: 'version', before: '1', after: '2' },
      { key: 'notes', before: 'not recorded', after: 'ok' },
    ]);
  });
  it('says a side did not record a key (create, erasure) rather than showing it as cleared, and shortens long values', () => {
    const changes = auditChanges(null, { description: 'y'.repeat(200) });
    expect(changes[0].before).toBe('not recorded');
    expect(changes[0].after).toHaveLength(118);
    expect(auditChanges({ notes: 'x' }, { notes: null })[0].after).toBe('empty');
  });
  it('shows provenance and other objects as text, not JSON', () => {
    const [change] = auditChanges({}, { resolution: { decision: 'accept', customer_id: 12, by: 'ana', undone: ['one', 'two'] } });
    expect(change.after).toBe('decision: accept; customer id: 12; by: ana; undone: one, two');
    expect(change.after).not.toMatch(/[{}"]/);
  });
});

describe('entityHref', () => {
  it.each([
    ['matching_result', '12', '/review/12'],
    ['customer', '3', '/directory/3'],
    ['incoming_customer', '5', '/review/incoming/5'],
    ['api_key', '1', null],
    ['customer', 'abc', null],
  ])('%s %s → %s', (type, id, expected) => expect(entityHref(type, id)).toBe(expected));
});
