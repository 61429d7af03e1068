import { describe, expect, it } from 'vitest';
import { isImpossibleDate, normalizeDate, swappedReading, type NormalizedDate } from './date';

const options = { referenceYear: 2026 };

describe('normalizeDate', () => {
  it.each<[string, Partial<NormalizedDate> | null]>([
    ['12/11/1978', { year: 1978, month: 12, day: 11, dayMonthAmbiguous: true, text: '1978-12-11' }],
    ['11/12/1978', { year: 1978, month: 11, day: 12, dayMonthAmbiguous: true }],
    ['1978-12-11', { year: 1978, month: 12, day: 11, dayMonthAmbiguous: false }],
    ['19781211', { year: 1978, month: 12, day: 11, dayMonthAmbiguous: false }],
    ['1978', { year: 1978, month: null, day: null, text: '1978' }],
    ['1978-12', { year: 1978, month: 12, day: null, text: '1978-12' }],
    ['20/8/1991', { year: 1991, month: 8, day: 20, dayMonthAmbiguous: false }],
    ['8/20/91', { year: 1991, month: 8, day: 20, dayMonthAmbiguous: false }],
    ['3/1/70', { year: 1970, month: 3, day: 1, dayMonthAmbiguous: true }],
    ['11.12.1978', { year: 1978, month: 12, day: 11, dayMonthAmbiguous: true }],
    ['5/5/1980', { year: 1980, month: 5, day: 5, dayMonthAmbiguous: false }],
    ['Mar 1 1970', { year: 1970, month: 3, day: 1, dayMonthAmbiguous: false }],
    ['March 1, 1970', { year: 1970, month: 3, day: 1 }],
    ['24-May-11', { year: 2011, month: 5, day: 24 }],
    ['15-Mar-92', { year: 1992, month: 3, day: 15 }],
    ['2/4/31', { year: 1931, month: 2, day: 4 }],
    ['8/2/06', { year: 2006, month: 8, day: 2 }],
    ['1993-09-14T00:00:00Z', { year: 1993, month: 9, day: 14 }],
    ['31/02/1990', null],
    ['13/13/1990', null],
    ['unknown', null],
    ['', null],
    // What systems write when they have no date: missing, not a birth date a century off.
    ['1900-01-01', null],
    ['01/01/1900', null],
    ['9999-12-31', null],
    ['1900-01-02', { year: 1900, month: 1, day: 2 }],
  ])('%s', (raw, expected) => {
    const date = normalizeDate(raw, options);
    if (expected === null) expect(date).toBeNull();
    else expect(date).toMatchObject(expected);
  });
});

describe('swappedReading', () => {
  it('swaps month and day when both could be either', () => {
    expect(swappedReading(normalizeDate('12/11/1978', options)!)?.text).toBe('1978-11-12');
    expect(swappedReading(normalizeDate('20/8/1991', options)!)).toBeNull();
    expect(swappedReading(normalizeDate('1978', options)!)).toBeNull();
  });
});

describe('isImpossibleDate', () => {
  // Written as a date, but no such day: refused at write time instead of stored.
  it.each(['2023-02-30', '2023-02-29', '20230230', '31/04/1990', '31.02.1990', '13/13/1990', '1990-13-01', '1990-00-10', '2023-00', '2023-13', 'Feb 30 2023', '30 February 2023', '31-Jun-91', '0999-01-01', '0000'])('%s is impossible', (raw) => {
    expect(isImpossibleDate(raw, options)).toBe(true);
  });
  // Real dates in every accepted form, placeholders (missing, not impossible), and text that is not a date at all.
  it.each(['2024-02-29', '20240229', '12/11/1978', '20/8/1991', '8/20/91', '11.12.1978', 'Mar 1 1970', 'March 1, 1970', '24-May-11', '1978', '1978-12', '12/1978', '1993-09-14T00:00:00Z', '1900-01-01', '01/01/1900', '9999-12-31', 'unknown', 'n/a', '', '   '])('%j is not', (raw) => {
    expect(isImpossibleDate(raw, options)).toBe(false);
  });
});
