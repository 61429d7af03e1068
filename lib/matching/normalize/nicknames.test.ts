import { describe, expect, it } from 'vitest';
import { formalGivenName, mayBeSameGivenName, possibleFormalNames } from './nicknames';

describe('formalGivenName', () => {
  it.each([
    ['bob', 'robert'], ['bill', 'william'], ['liz', 'elizabeth'], ['peggy', 'margaret'],
    ['robert', 'robert'], ['zxq', 'zxq'],
  ])('%s → %s', (nickname, formal) => expect(formalGivenName(nickname)).toBe(formal));
});

describe('mayBeSameGivenName', () => {
  it.each<[string, string, boolean]>([
    // A nickname shared by two formal names may stand for either.
    ['pat', 'patricia', true],
    ['pat', 'patrick', true],
    ['sam', 'samuel', true],
    ['sam', 'samantha', true],
    ['howie', 'howard', true],
    ['bob', 'robert', true],
    ['patrick', 'patricia', false],
    ['samuel', 'samantha', false],
    ['john', 'jane', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(mayBeSameGivenName(a, b)).toBe(expected);
    expect(mayBeSameGivenName(b, a)).toBe(expected);
  });

  it('lists every formal name a nickname may stand for, and a formal name as itself', () => {
    expect(possibleFormalNames('pat').sort()).toEqual(['patricia', 'patrick']);
    expect(possibleFormalNames('robert')).toEqual(['robert']);
    expect(possibleFormalNames('zxq')).toEqual(['zxq']);
  });
});
