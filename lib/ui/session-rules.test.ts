import { describe, expect, it } from 'vitest';
import { safeReturnPath, validStewardName } from './session-rules';

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

describe('validStewardName', () => {
  it('keeps a plain name, trimmed', () => expect(validStewardName('  Ana María ')).toBe('Ana María'));
  it('rejects markup and overly long names', () => {
    expect(validStewardName('<script>')).toBeUndefined();
    expect(validStewardName('x'.repeat(41))).toBeUndefined();
    expect(validStewardName('   ')).toBeUndefined();
  });
});
