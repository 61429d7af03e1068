import { describe, expect, test } from 'vitest';
import { Random } from './random';
import { asciiSlug, typoInPhrase, typoInWord } from './text';

describe('asciiSlug', () => {
  test.each([
    ['Müller & Söhne', 'muellersoehne'],
    ['Énergies Straße', 'energiesstrasse'],
    ["O'Conner-Smith", 'oconnersmith'],
  ])('%s → %s', (text, slug) => expect(asciiSlug(text)).toBe(slug));
});

describe('typoInWord', () => {
  const random = new Random(11);
  test.each(['swap', 'drop', 'insert'] as const)('%s changes the word by one edit and keeps the first letter', (kind) => {
    for (let i = 0; i < 200; i += 1) {
      const typo = typoInWord('Bluepeak', random, kind);
      expect(typo[0]).toBe('B');
      expect(typo).not.toBe('Bluepeak');
      const lengthChange = { swap: 0, drop: -1, insert: 1 }[kind];
      // A swap of two equal letters would change nothing, so it drops one instead.
      if (kind !== 'swap') expect(typo.length - 'Bluepeak'.length).toBe(lengthChange);
      if (kind === 'swap') expect([...typo].sort().join('')).toBe([...'Bluepeak'].sort().join(''));
    }
  });

  test('short words are left alone', () => {
    expect(typoInWord('Acm', random)).toBe('Acm');
    expect(typoInPhrase('AB & CD Inc', random)).toBeNull();
  });
});
