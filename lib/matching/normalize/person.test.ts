import { describe, expect, it } from 'vitest';
import { generationsDiffer, isInitialOf, normalizePersonName, statedGeneration } from './person';

describe('normalizePersonName', () => {
  it.each<[string, string, string]>([
    ['John Smith', 'john smith', 'john smith'],
    ['Smith, John', 'john smith', 'john smith'],
    ['Bob Smith', 'bob smith', 'robert smith'],
    ['Smith, Bob', 'bob smith', 'robert smith'],
    ['Bill Gates', 'bill gates', 'gates william'],
    ['Liz Taylor', 'liz taylor', 'elizabeth taylor'],
    ['Dr. Peggy O\'Hare', 'peggy ohare', 'margaret ohare'],
    ['David Dobbins Jr', 'david dobbins', 'david dobbins'],
    ['Hughes, Howie', 'howie hughes', 'howard hughes'],
    ['Smith, John, Jr.', 'john smith', 'john smith'],
    ['J. Smith', 'j smith', 'j smith'],
  ])('%s → display %s, key %s', (raw, display, key) => {
    const person = normalizePersonName(raw);
    expect(person?.display).toBe(display);
    expect(person?.key).toBe(key);
  });

  it('gives the same key whatever the order and nickname', () => {
    expect(normalizePersonName('Robert Smith')?.key).toBe(normalizePersonName('Smith, Bob')?.key);
  });

  it('returns null when nothing but titles or blanks remain', () => {
    expect(normalizePersonName('Mr.')).toBeNull();
    expect(normalizePersonName('')).toBeNull();
    expect(normalizePersonName(null)).toBeNull();
  });
});

describe('isInitialOf', () => {
  it.each<[string, string, boolean]>([
    ['j', 'john', true],
    ['j', 'mary', false],
    ['jo', 'john', false],
  ])('%s of %s = %s', (initial, word, expected) => expect(isInitialOf(initial, word)).toBe(expected));
});

describe('generation', () => {
  it.each<[string, number | null]>([
    ['David Dobbins Jr', 2],
    ['David Dobbins Senior', 1],
    ['Smith, John, Jr.', 2],
    ['Morris II Klein', 2],
    ['Morris Klein', null],
  ])('%s → %s', (raw, generation) => expect(normalizePersonName(raw)?.generation).toBe(generation));

  it('reads a lone "I" as the numeral only beside a name numbered II, III or IV', () => {
    const first = normalizePersonName('Morris I Klein')!;
    expect(first.generation).toBeNull();
    expect(statedGeneration(first, normalizePersonName('Morris II Klein')!)).toBe(1);
    expect(statedGeneration(first, normalizePersonName('Morris Klein Jr')!)).toBeNull();
    expect(statedGeneration(first, normalizePersonName('Morris Klein')!)).toBeNull();
    // "I" as the first word is a given name, not a numeral.
    expect(statedGeneration(normalizePersonName('I Klein')!, normalizePersonName('Morris II Klein')!)).toBeNull();
    expect(generationsDiffer(first, normalizePersonName('Morris II Klein')!)).toBe(true);
    expect(generationsDiffer(first, normalizePersonName('Morris Klein Jr')!)).toBe(false);
  });
});
