import { describe, expect, it } from 'vitest';
import { characterCount, cutToCharacters, UNSTORABLE_TEXT } from './column-limits';

describe('characterCount counts as varchar(n) does', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['Müller', 6],
    ['王杰', 2],
    ['😀😀', 2],
    ['e\u0301', 2],
    ['lone\ud800', 5],
  ])('%j has %i characters', (text, count) => {
    expect(characterCount(text)).toBe(count);
  });
});

describe('cutToCharacters', () => {
  it.each([
    ['abcdef', 3, 'abc'],
    ['abc', 5, 'abc'],
    ['😀😀😀', 2, '😀😀'],
    ['a😀b', 2, 'a😀'],
    ['wang wang', 4, 'wang'],
  ])('cuts %j to %i characters: %j', (text, max, expected) => {
    expect(cutToCharacters(text, max)).toBe(expected);
    expect(UNSTORABLE_TEXT.test(cutToCharacters(text, max))).toBe(false);
  });
});

describe('UNSTORABLE_TEXT', () => {
  it.each(['a\u0000b', 'x\ud800', '\udc00x', '\ud800\ud800\udc00'.slice(0, 1)])('matches %j', (text) => expect(UNSTORABLE_TEXT.test(text)).toBe(true));
  it.each(['plain', '😀', 'Müller 王'])('does not match %j', (text) => expect(UNSTORABLE_TEXT.test(text)).toBe(false));
});
