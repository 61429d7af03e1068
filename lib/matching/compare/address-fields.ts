// Comparisons of where the record is: street line, unit/building detail, locality, country.
// City, state and postal code are one comparison because they carry largely the same evidence
// (a postal code mostly implies its city and state), so they are not counted three times.
import type { NormalizedRecord } from '../normalize/record';
import { fuzzyWordOverlap, jaroWinkler, levenshtein, tokenSetRatio } from './similarity';
import { agreeLevel, closeLevel, CONTACT_POINT_GROUP, disagreeLevel, nullOutcome, type FieldComparisonDefinition } from './types';

/** All words of the address lines (street, unit, extra), for comparisons robust to swapped lines. */
function addressLineWords(record: NormalizedRecord): string[] {
  const { street, unit, extra } = record.address;
  return [street, unit, extra].filter(Boolean).join(' ').split(' ').filter(Boolean);
}

/** The lines say the same words in a different arrangement (line 1 and line 2 swapped or merged). */
function sameWordsRearranged(a: NormalizedRecord, b: NormalizedRecord): boolean {
  return fuzzyWordOverlap(addressLineWords(a), addressLineWords(b)) >= 0.8;
}

export const streetComparison: FieldComparisonDefinition = {
  field: 'street',
  label: 'Street address',
  // One building (the same line, or the same number on the same street) confirms; a street without the number does not.
  levels: [
    agreeLevel('exact', 'same street address', { corroborates: true }),
    closeLevel('numberAndNameClose', 'same house number, street nearly the same', { corroborates: true }),
    closeLevel('numberAndNameSimilar', 'same house number, similar street', { corroborates: true }),
    closeLevel('nameOnly', 'same street, other house number'),
    closeLevel('linesRearranged', 'same words, lines rearranged', { corroborates: true }),
    disagreeLevel('else', 'different street addresses'),
  ],
  description: 'Street line: identical, same number and street JW ≥ 0.9, same number and street words overlapping (≥ 0.7), same street but number different or missing, same address words across lines 1 and 2 (swapped lines), different',
  evidenceGroup: CONTACT_POINT_GROUP,
  evidenceUnit: 'address',
  compare(a, b) {
    const left = a.address.street;
    const right = b.address.street;
    if (!left || !right) return nullOutcome(left, right);
    if (left === right) {
      // A street line without a house number is shared by the whole street: it confirms no one.
      const building = a.address.streetNumber !== null ? {} : { corroborates: false as const };
      return { level: 'exact', left, right, termFrequencyKey: { field: 'street', value: left }, ...building };
    }
    const nameA = a.address.streetName ?? '';
    const nameB = b.address.streetName ?? '';
    const sameNumber = a.address.streetNumber !== null && a.address.streetNumber === b.address.streetNumber;
    const nameJw = nameA && nameB ? jaroWinkler(nameA, nameB) : 0;
    const nameWords = tokenSetRatio(nameA.split(' ').filter(Boolean), nameB.split(' ').filter(Boolean));
    if (sameNumber && nameJw >= 0.9) return { level: 'numberAndNameClose', left, right };
    if (sameNumber && Math.max(nameJw, nameWords) >= 0.7) return { level: 'numberAndNameSimilar', left, right };
    if (nameA && (nameA === nameB || nameJw >= 0.9)) return { level: 'nameOnly', left, right };
    if (sameWordsRearranged(a, b)) return { level: 'linesRearranged', left, right };
    return { level: 'else', left, right };
  },
};

/** Unit and any other address words: "ste 200" vs "ste 210" is a different office. */
export const addressDetailComparison: FieldComparisonDefinition = {
  field: 'addressDetail',
  label: 'Suite or floor',
  levels: [agreeLevel('exact', 'same suite or floor'), closeLevel('close', 'similar suite or floor'), disagreeLevel('else', 'different suite or floor')],
  description: 'Unit/suite and other address words (building, locality line): identical, JW ≥ 0.88, different',
  evidenceGroup: CONTACT_POINT_GROUP,
  evidenceUnit: 'address',
  compare(a, b) {
    const detail = (unit: string | null, extra: string | null) => [unit, extra].filter(Boolean).join(' ') || null;
    const left = detail(a.address.unit, a.address.extra);
    const right = detail(b.address.unit, b.address.extra);
    if (!left || !right) return nullOutcome(left, right);
    if (left === right) return { level: 'exact', left, right };
    // When the street comparison already matched these words across swapped lines, counting the
    // mismatch here again would be the same evidence twice.
    if (a.address.street !== b.address.street && sameWordsRearranged(a, b)) return nullOutcome(left, right);
    // Two different unit numbers are two offices, however alike the text looks.
    const unitA = a.address.unit;
    const unitB = b.address.unit;
    if (unitA && unitB && unitA !== unitB) return { level: 'else', left, right };
    return { level: jaroWinkler(left, right) >= 0.88 ? 'close' : 'else', left, right };
  },
};

function cityAgrees(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && (a === b || jaroWinkler(a, b) >= 0.9);
}

/** One substituted or two transposed characters: "4070" vs "4700" or "4071". */
function postalTypo(a: string | null, b: string | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  if (levenshtein(a, b) <= 1) return true;
  const differing = [...a].map((char, index) => (char === b[index] ? -1 : index)).filter((index) => index >= 0);
  return differing.length === 2 && a[differing[0]] === b[differing[1]] && a[differing[1]] === b[differing[0]];
}

function citySimilar(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && jaroWinkler(a, b) >= 0.8;
}

export const localityComparison: FieldComparisonDefinition = {
  field: 'locality',
  label: 'City, state and postal code',
  levels: [
    agreeLevel('postalAndCity', 'same postal code and city'),
    agreeLevel('postal', 'same postal code'),
    agreeLevel('cityAndState', 'same city and state'),
    closeLevel('city', 'same city'),
    closeLevel('nearby', 'nearby place'),
    closeLevel('state', 'same state or region'),
    disagreeLevel('else', 'different places'),
  ],
  description: 'City, state and postal code together: postal code and city agree, postal code only, city (JW ≥ 0.9) and state, city only, postal code one typo away or city JW ≥ 0.8, state only, none',
  evidenceGroup: CONTACT_POINT_GROUP,
  evidenceUnit: 'address',
  compare(a, b) {
    const show = (city: string | null, state: string | null, postal: string | null) =>
      [city, state, postal].filter(Boolean).join(' ') || null;
    const left = show(a.address.city, a.address.state, a.address.postalCode);
    const right = show(b.address.city, b.address.state, b.address.postalCode);
    if (!left || !right) return nullOutcome(left, right);
    const postalA = a.address.postalCode;
    const samePostal = postalA !== null && postalA === b.address.postalCode;
    const sameCity = cityAgrees(a.address.city, b.address.city);
    const stateA = a.address.state;
    const stateB = b.address.state;
    const stateCompatible = stateA === null || stateB === null || stateA === stateB;
    if (samePostal) {
      const level = sameCity ? 'postalAndCity' : 'postal';
      return { level, left, right, termFrequencyKey: { field: 'postalCode', value: postalA } };
    }
    if (sameCity && stateA !== null && stateA === stateB) {
      return { level: 'cityAndState', left, right, termFrequencyKey: { field: 'city', value: a.address.city! } };
    }
    if (sameCity && stateCompatible) return { level: 'city', left, right };
    if (postalTypo(postalA, b.address.postalCode) || citySimilar(a.address.city, b.address.city)) {
      return { level: 'nearby', left, right };
    }
    if (stateA !== null && stateA === stateB) return { level: 'state', left, right };
    const comparable = (postalA && b.address.postalCode) || (a.address.city && b.address.city) || (stateA && stateB);
    return comparable ? { level: 'else', left, right } : nullOutcome(left, right);
  },
};

export const countryComparison: FieldComparisonDefinition = {
  field: 'country',
  label: 'Country',
  levels: [agreeLevel('same', 'same country'), disagreeLevel('different', 'different countries')],
  description: 'Country code: same or different',
  // A town that agrees lies in the same country (a street line does not: "12 Main St" is in many towns).
  impliedBy: ['locality'],
  compare(a, b) {
    const left = a.address.country;
    const right = b.address.country;
    if (!left || !right) return nullOutcome(left, right);
    return { level: left === right ? 'same' : 'different', left, right };
  },
};
