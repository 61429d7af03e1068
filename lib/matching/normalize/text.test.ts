import { describe, expect, it } from 'vitest';
import { blankToNull, cleanText, foldAccents, words, hasNonLatinLetters, romanize } from './text';

describe('foldAccents', () => {
  it.each([
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['Ærø', 'aero'],
    ['ŁÓDŹ', 'lodz'],
    ['Café', 'cafe'],
  ])('%s → %s', (raw, expected) => expect(foldAccents(raw)).toBe(expected));
});

describe('cleanText', () => {
  it.each<[string | null | undefined, string | null]>([
    ['  ACME,  Inc. ', 'acme inc'],
    ["O'Hare", 'ohare'],
    ['Smith & Sons', 'smith and sons'],
    ['Hardenbergstraße 87', 'hardenbergstrasse 87'],
    ['a/b-c', 'a b c'],
    ['   ', null],
    ['...', null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (raw, expected) => expect(cleanText(raw)).toBe(expected));
});

describe('words / blankToNull', () => {
  it('splits cleaned text and treats null as no words', () => {
    expect(words('acme labs')).toEqual(['acme', 'labs']);
    expect(words(null)).toEqual([]);
  });
  it('turns blanks into null and trims the rest', () => {
    expect(blankToNull('  x ')).toBe('x');
    expect(blankToNull(' ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
  });
});

describe('hasNonLatinLetters', () => {
  it.each<[string, boolean]>([
    ['wang jie', false],
    ['müller 12', false],
    ['王杰', true],
    ['александр', true],
    ['فيصل', true],
  ])('%s → %s', (text, expected) => expect(hasNonLatinLetters(text)).toBe(expected));
});

describe('romanize / cleanText in other scripts', () => {
  it.each<[string, string | null]>([
    ['王杰', 'wang jie'],
    ['张秀英', 'zhang xiu ying'],
    ['ВАСИЛЬЕВ, Александр Павлович', 'vasilev aleksandr pavlovich'],
    ['Αθήνα', 'athina'],
    // Scripts without one standard romanisation stay as they are (and are not compared with Latin).
    ['فيصل صديقي', 'فيصل صديقي'],
  ])('%s → %s', (raw, expected) => expect(cleanText(raw)).toBe(expected));

  it('leaves Latin text untouched', () => {
    expect(romanize('Müller & Söhne')).toBe('Müller & Söhne');
  });
});
