// Comparisons of documents that identify one person or organisation: registry and document
// identifiers (tax id, VAT, LEI, passport, SSN, ...) and the date of birth.
import { swappedReading, type NormalizedDate } from '../normalize/date';
import { identifierTermKey, sameIdentifierKind, type NormalizedIdentifier } from '../normalize/identifier';
import type { NormalizedRecord } from '../normalize/record';
import { agreeLevel, closeLevel, disagreeLevel, nullOutcome, type FieldComparisonDefinition } from './types';

function describeIdentifiers(identifiers: NormalizedIdentifier[]): string | null {
  const shown = identifiers.map(({ type, country, value }) => [type, country, value].filter(Boolean).join(':'));
  return shown.length > 0 ? shown.join(', ') : null;
}

/** Issued by the same country or state, as far as both records say. */
function sameIssuer(a: NormalizedIdentifier, b: NormalizedIdentifier): boolean {
  return a.country === null || b.country === null || a.country === b.country;
}

export const identifierComparison: FieldComparisonDefinition = {
  field: 'identifier',
  label: 'Registration or document number',
  // Before any data with identifiers is seen: two different entities rarely share a number (u of exact
  // ~ data-entry errors), and one entity's numbers of a kind rarely differ (reissued documents, typos).
  levels: [
    agreeLevel('exact', 'same registration or document number', { prior: { m: 0.9, u: 1e-5 }, corroborates: true, errorRate: true }),
    disagreeLevel('conflict', 'different numbers of the same kind', { prior: { m: 0.1, u: 1 - 1e-5 }, contradicts: true }),
  ],
  description:
    'Registry and document identifiers of one kind (tax id, VAT, LEI, DUNS, national id, passport, SSN, driving licence): same value, or same kind from the same issuer with another value; no shared kind is no evidence',
  compare(a, b) {
    const left = describeIdentifiers(a.identifiers);
    const right = describeIdentifiers(b.identifiers);
    let comparable = false;
    for (const x of a.identifiers) {
      for (const y of b.identifiers) {
        if (!sameIdentifierKind(x, y)) continue;
        // The same number is the same identifier even when one record names another issuer.
        // A number many customers share (a placeholder, a group's tax id) is weak evidence.
        if (x.value === y.value) return { level: 'exact', left, right, termFrequencyKey: { field: 'identifier', value: identifierTermKey(x) } };
        if (sameIssuer(x, y)) comparable = true;
      }
    }
    return comparable ? { level: 'conflict', left, right } : nullOutcome(left, right);
  },
};

function sameDay(a: NormalizedDate, b: NormalizedDate | null): boolean {
  return b !== null && a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * Reading rules: an ambiguous date (12/11/1978) may be read either way against an unambiguous one
 * (1978-11-12 is then the same day); two ambiguous dates are read the same way, so 12/11/1978 vs
 * 11/12/1978 is a transposition, not an exact agreement.
 */
function fullDateLevel(a: NormalizedDate, b: NormalizedDate): 'exact' | 'transposed' | null {
  if (sameDay(a, b)) return 'exact';
  const oneAmbiguous = a.dayMonthAmbiguous !== b.dayMonthAmbiguous;
  if (oneAmbiguous && (sameDay(a, swappedReading(b)) || sameDay(b, swappedReading(a)))) return 'exact';
  if (sameDay(a, swappedReading(b))) return 'transposed';
  return null;
}

export function dateOfBirthLevel(a: NormalizedDate, b: NormalizedDate): string {
  if (a.day !== null && b.day !== null) {
    const level = fullDateLevel(a, b);
    if (level) return level;
  }
  // Same year and month, or a partial date (1978-12) that agrees as far as it goes.
  if (a.year === b.year && a.month !== null && a.month === b.month) return 'yearMonth';
  // A year apart, or the same year where one date gives only the year.
  return Math.abs(a.year - b.year) <= 1 ? 'yearClose' : 'else';
}

export const dateOfBirthComparison: FieldComparisonDefinition = {
  field: 'dateOfBirth',
  label: 'Date of birth',
  // Before any data with birth dates is seen: a birth date is shared by about one random pair in 365 × 60
  // (adult ages), a month-year by one in 12 × 60, a year ±1 by one in 20; one person's dates mostly agree.
  // The same date, or with day and month swapped, confirms; a month without the day fits thirty people's.
  levels: [
    agreeLevel('exact', 'same date', { prior: { m: 0.85, u: 5e-5 }, corroborates: true }),
    closeLevel('transposed', 'same date with day and month swapped', { prior: { m: 0.04, u: 5e-5 }, corroborates: true }),
    closeLevel('yearMonth', 'same year and month', { prior: { m: 0.03, u: 1.3e-3 } }),
    closeLevel('yearClose', 'birth years close', { prior: { m: 0.04, u: 0.05 } }),
    disagreeLevel('else', 'different dates', { prior: { m: 0.04, u: 0.9486 }, contradicts: true }),
  ],
  description:
    'Date of birth: same day, day and month transposed, same year and month, within a year (or agreeing as far as a partial date goes), different',
  compare(a: NormalizedRecord, b: NormalizedRecord) {
    const left = a.dateOfBirth?.text ?? null;
    const right = b.dateOfBirth?.text ?? null;
    if (!a.dateOfBirth || !b.dateOfBirth) return nullOutcome(left, right);
    const level = dateOfBirthLevel(a.dateOfBirth, b.dateOfBirth);
    if (level !== 'exact') return { level, left, right };
    // A birth date many customers share (twins, 1 January, a system's placeholder) is weak evidence.
    const agreed = a.dateOfBirth.dayMonthAmbiguous ? b.dateOfBirth.text : a.dateOfBirth.text;
    return { level, left, right, termFrequencyKey: { field: 'dateOfBirth', value: agreed } };
  },
};
