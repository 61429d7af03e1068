import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInLandingPath, validStewardName } from './session-rules';

describe('safeReturnPath', () => {
  it.each([
    ['/review/12', '/review/12'],
    ['/review?band=exact&page=2', '/review?band=exact&page=2'],
    ['//evil.example/x', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/login?reason=signin', '/'],
    ['', '/'],
    [undefined, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe('signInLandingPath', () => {
  it.each([
    ['/review/12', ['read'], '/review/12'],
    [undefined, ['read', 'write'], '/'],
    [undefined, ['admin'], '/'],
    [undefined, ['read'], '/review'],
    ['/', ['read', 'review'], '/review'],
    ['//evil.example', ['read'], '/review'],
  ] as const)('from %s with %j → %s', (from, scopes, expected) => {
    expect(signInLandingPath(from, scopes)).toBe(expected);
  });
});

describe('validStewardName', () => {
  it('keeps a plain name, trimmed', () => expect(validStewardName('  Ana María ')).toBe('Ana María'));
  it('rejects markup and overly long names', () => {
    expect(validStewardName('<script>')).toBeUndefined();
    expect(validStewardName('x'.repeat(41))).toBeUndefined();
    expect(validStewardName('   ')).toBeUndefined();
  });
});
