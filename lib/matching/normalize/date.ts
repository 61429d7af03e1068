// Dates of birth as sources write them (12/11/1978, 1978-12-11, 19781211, Mar 1 1970, 24-May-11,
// 1978) → year, month, day. When day and month could be read either way round (both ≤ 12 in a
// numeric d/m/y or m/d/y form) the reading is kept as ambiguous instead of guessed silently.

export interface NormalizedDate {
  year: number;
  month: number | null;
  day: number | null;
  /**
   * Month and day are the first reading of a numeric form whose two parts could be swapped
   * (slashes read month first, as in the US; dots read day first, as in Europe).
   */
  dayMonthAmbiguous: boolean;
  /** "1978-12-11", "1978-12" or "1978": shown in explanations. */
  text: string;
}

export interface DateOptions {
  /** Two-digit years are placed in the century that puts them at or before this year (a birth date is in the past). */
  referenceYear?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function fullYear(written: string, referenceYear: number): number {
  const value = Number(written);
  if (written.length !== 2) return value;
  const century = Math.floor(referenceYear / 100) * 100;
  return century + value <= referenceYear ? century + value : century - 100 + value;
}

/**
 * Dates systems write when they have none: 1900-01-01 (and 1901), 1800-01-01, 9999-12-31. Read as
 * a birth date they would make two records of one person "born a century apart"; they are missing.
 */
const PLACEHOLDER_DATES = new Set(['1800-01-01', '1900-01-01', '1901-01-01', '9999-12-31']);

function build(year: number, month: number | null, day: number | null, dayMonthAmbiguous = false): NormalizedDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (month === null || day < 1 || day > daysInMonth(year, month))) return null;
  const text = [String(year), month === null ? null : pad(month), day === null ? null : pad(day)].filter(Boolean).join('-');
  return { year, month, day, dayMonthAmbiguous: dayMonthAmbiguous && month !== null && day !== null && month !== day, text };
}

/** What a text says: a date, a date-shaped text naming no real day (2023-02-30), or no date at all. */
type Reading = NormalizedDate | 'impossible' | null;

const real = (date: NormalizedDate | null): Reading => date ?? 'impossible';

/** "mar", "march", "sept" → 3, 3, 9: any prefix of an English month name of three letters or more. */
function monthOf(word: string): number | null {
  if (word.length < 3) return null;
  const index = MONTHS.findIndex((name) => name.startsWith(word));
  return index >= 0 ? index + 1 : null;
}

/** "Mar 1 1970", "1 March 1970", "24-May-11", "March 1, 1970". */
function withMonthName(tokens: string[], referenceYear: number): Reading {
  const monthAt = tokens.findIndex((token) => /^[a-z]+$/.test(token) && monthOf(token) !== null);
  if (monthAt < 0) return null;
  const month = monthOf(tokens[monthAt])!;
  const numbers = tokens.filter((token, index) => index !== monthAt && /^\d+$/.test(token));
  if (numbers.length === 1 && numbers[0].length === 4) return real(build(Number(numbers[0]), month, null));
  if (numbers.length !== 2) return null;
  const yearAt = numbers.findIndex((token) => token.length === 4);
  const [dayText, yearText] = yearAt >= 0 ? [numbers[1 - yearAt], numbers[yearAt]] : [numbers[0], numbers[1]];
  return real(build(fullYear(yearText, referenceYear), month, Number(dayText)));
}

/** "12/11/1978" (month first), "20/8/1991" (day first, since 20 > 12), "11.12.1978" (day first). */
function numericDayMonth(first: number, second: number, yearText: string, separator: string, referenceYear: number): Reading {
  const year = fullYear(yearText, referenceYear);
  if (first > 12) return real(build(year, second, first));
  if (second > 12) return real(build(year, first, second));
  const dayFirst = separator === '.';
  return real(dayFirst ? build(year, second, first, true) : build(year, first, second, true));
}

function readDate(raw: string | null | undefined, options: DateOptions): Reading {
  const text = raw?.trim().toLowerCase();
  if (!text) return null;
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  let parts: RegExpExecArray | null;
  if ((parts = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return real(build(Number(parts[1]), Number(parts[2]), Number(parts[3])));
  if ((parts = /^(\d{4})$/.exec(text))) return real(build(Number(parts[1]), null, null));
  if ((parts = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t\s].*)?$/.exec(text))) {
    return real(build(Number(parts[1]), Number(parts[2]), Number(parts[3])));
  }
  if ((parts = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) return real(build(Number(parts[1]), Number(parts[2]), null));
  if ((parts = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text))) {
    return numericDayMonth(Number(parts[1]), Number(parts[3]), parts[4], parts[2], referenceYear);
  }
  if ((parts = /^(\d{1,2})[-/.](\d{4})$/.exec(text))) return real(build(Number(parts[2]), Number(parts[1]), null));
  return withMonthName(text.split(/[^a-z0-9]+/).filter(Boolean), referenceYear);
}

/** A placeholder date is missing, not a birth date. */
const unlessPlaceholder = (date: NormalizedDate | null): NormalizedDate | null => (date && PLACEHOLDER_DATES.has(date.text) ? null : date);

export function normalizeDate(raw: string | null | undefined, options: DateOptions = {}): NormalizedDate | null {
  const reading = readDate(raw, options);
  return reading === 'impossible' ? null : unlessPlaceholder(reading);
}

/** Written as a date, but naming no real day (2023-02-30, 31/04/1990, month 13): refused at write time. */
export function isImpossibleDate(raw: string | null | undefined, options: DateOptions = {}): boolean {
  return readDate(raw, options) === 'impossible';
}

/** The other reading of an ambiguous date (month and day swapped); null when there is none. */
export function swappedReading(date: NormalizedDate): NormalizedDate | null {
  if (date.month === null || date.day === null || date.day > 12 || date.month === date.day) return null;
  return unlessPlaceholder(build(date.year, date.day, date.month));
}
