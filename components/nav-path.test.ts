import { describe, expect, it } from 'vitest';
import { isActivePath } from './nav-path';

describe('isActivePath', () => {
  it.each([
    ['/', '/', true],
    ['/review', '/', false],
    ['/review', '/review', true],
    ['/review/42', '/review', true],
    ['/reviewers', '/review', false],
    ['/audit-log', '/audit', false],
  ])('%s under %s → %s', (pathname, href, expected) => {
    expect(isActivePath(pathname, href)).toBe(expected);
  });
});
