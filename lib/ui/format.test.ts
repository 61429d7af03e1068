import { describe, expect, it } from 'vitest';
import { fieldLabel, formatDateTime, formatProbability, formatWeight } from './format';

describe('formatProbability', () => {
  it.each([
    [0.987654, '98.8%'],
    [0.75, '75.0%'],
    [0.99999999, '>99.9%'],
    [1, '100.0%'],
    [0.0001, '<0.1%'],
    [0, '0.0%'],
    [Number.NaN, '—'],
  ])('%s → %s', (p, expected) => expect(formatProbability(p)).toBe(expected));
});

describe('formatWeight', () => {
  it.each([
    [9.123, '+9.1'],
    [-3.36, '−3.4'],
    [0.04, '0.0'],
    [-0.04, '0.0'],
  ])('%s → %s', (w, expected) => expect(formatWeight(w)).toBe(expected));
});

describe('formatDateTime', () => {
  it('formats in UTC and tolerates missing or bad values', () => {
    expect(formatDateTime(new Date('2025-03-04T05:06:00Z'))).toBe('4 Mar 2025, 05:06 UTC');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('fieldLabel', () => {
  it.each([
    ['company_name', 'Company name'],
    ['companyName', 'Company name'],
    ['address_line1', 'Address line 1'],
    ['ProfileEmbedding', 'Profile embedding'],
  ])('%s → %s', (field, expected) => expect(fieldLabel(field)).toBe(expected));
});
