import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [-5, '—'],
    [Number.NaN, '—'],
    [0, '0 s'],
    [59.4, '59 s'],
    [60, '1 min'],
    [1800, '30 min'],
    [3600, '1 h'],
    [5400, '1.5 h'],
    [86_400, '1 day'],
    [1_036_800, '12 days'],
    [129_600, '1.5 days'],
  ])('%s seconds reads %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
