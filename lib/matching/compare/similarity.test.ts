import { describe, expect, it } from 'vitest';
import { fuzzyWordOverlap, jaro, jaroWinkler, levenshtein, levenshteinRatio, tokenSetRatio, typingErrors } from './similarity';

describe('jaro / jaroWinkler (textbook values)', () => {
  it.each([
    ['martha', 'marhta', 0.9444, 0.9611],
    ['dwayne', 'duane', 0.8222, 0.84],
    ['dixon', 'dicksonx', 0.7667, 0.8133],
    ['abc', 'xyz', 0, 0],
    ['same', 'same', 1, 1],
  ])('%s vs %s', (a, b, expectedJaro, expectedJw) => {
    expect(jaro(a, b)).toBeCloseTo(expectedJaro, 3);
    expect(jaroWinkler(a, b)).toBeCloseTo(expectedJw, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expectedJw, 3);
  });
  it('gives 0 for an empty side', () => {
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
  });
});

describe('levenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
  ])('%s vs %s = %i', (a, b, distance) => expect(levenshtein(a, b)).toBe(distance));
  it('ratio is 1 - distance / longer', () => expect(levenshteinRatio('kitten', 'sitting')).toBeCloseTo(4 / 7, 6));
});

describe('typingErrors', () => {
  it.each([
    ['hernandez', 'hernadnez', 1],
    ['ab', 'ba', 1],
    ['wojciechowski', 'wojceichowsky', 2],
    ['darla', 'darletta', 3],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
  ])('%s vs %s = %i', (a, b, errors) => expect(typingErrors(a, b)).toBe(errors));
  it('counts a swap as two edits where plain Levenshtein is asked', () => expect(levenshtein('hernandez', 'hernadnez')).toBe(2));
});

describe('tokenSetRatio', () => {
  it.each<[string[], string[], number, number]>([
    [['acme', 'labs'], ['labs', 'acme'], 1, 1],
    [['universal', 'exports'], ['universal', 'export'], 0.9, 1],
    [['acme'], ['acme', 'labs'], 0.5, 0.7],
    [['acme', 'holdings'], ['acme', 'labs'], 0.5, 0.8],
    [['zeta'], ['omega'], 0, 0.5],
    [[], ['acme'], 0, 0],
  ])('%j vs %j in [%f, %f]', (a, b, low, high) => {
    const ratio = tokenSetRatio(a, b);
    expect(ratio).toBeGreaterThanOrEqual(low);
    expect(ratio).toBeLessThanOrEqual(high);
  });
});

describe('fuzzyWordOverlap', () => {
  it.each<[string[], string[], number]>([
    [['univrsl', 'export'], ['universal', 'exports'], 1],
    [['acme'], ['acme', 'labs'], 2 / 3],
    [['acme', 'foods'], ['acme', 'labs'], 0.5],
    [['john', 'smith'], ['smith', 'john'], 1],
    [[], ['x'], 0],
  ])('%j vs %j = %f', (a, b, expected) => expect(fuzzyWordOverlap(a, b)).toBeCloseTo(expected, 6));
});
