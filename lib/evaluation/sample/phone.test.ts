import { describe, expect, test } from 'vitest';
import { formatPhone, mistypeOneDigit, phoneStyleOf, PHONE_STYLES } from './phone';
import { Random } from './random';

describe('formatPhone', () => {
  test.each([
    ['+14155550134', 'national', '(415) 555-0134'],
    ['+14155550134', 'international', '+1 415 555 0134'],
    ['+14155550134', 'dashed', '415-555-0134'],
    ['+14155550134', 'digits', '4155550134'],
    ['+442079460123', 'national', '020 7946 0123'],
    ['+493012345678', 'international', '+49 30 12345678'],
    ['+33142685300', 'national', '01 42 68 53 00'],
  ] as const)('%s as %s → %s', (e164, style, written) => {
    expect(formatPhone(e164, style)).toBe(written);
    expect(phoneStyleOf(written, e164)).toBe(style);
  });

  test('every style keeps the same last seven digits', () => {
    const tails = PHONE_STYLES.map((style) => formatPhone('+61298765432', style).replace(/\D/g, '').slice(-7));
    expect(new Set(tails)).toEqual(new Set(['8765432']));
  });
});

describe('mistypeOneDigit', () => {
  test('changes exactly one of the last seven digits and keeps the layout', () => {
    const random = new Random(5);
    for (let i = 0; i < 100; i += 1) {
      const typo = mistypeOneDigit('(415) 555-0134', random);
      expect(typo.replace(/\d/g, '#')).toBe('(###) ###-####');
      const differing = [...typo].filter((character, index) => character !== '(415) 555-0134'[index]);
      expect(differing).toHaveLength(1);
      expect(typo.slice(0, 6)).toBe('(415) ');
    }
  });
});
