// Comparisons of where the record is: street line, unit/building detail, locality, country.
// City, state and postal code are one comparison because they carry largely the same evidence
// (a postal code mostly implies its city and state), so they are not counted three times.
import { jaroWinkler, tokenSetRatio } from './similarity';
import { nullOutcome, type FieldComparisonDefinition } from './types';

export const streetComparison: FieldComparisonDefinition = {
  field: 'street',
  levels: ['exact', 'numberAndNameClose', 'numberAndNameSimilar', 'nameOnly', 'else'],
  description: 'Street line: identical, same number and street JW ≥ 0.9, same number and street words overlapping (≥ 0.7), same street but number different or missing, different',
  compare(a, b) {
    const left = a.address.street;
    const right = b.address.street;
    if (!left || !right) return nullOutcome(left, right);
    if (left === right) return { level: 'exact', left, right, termFrequencyKey: { field: 'street', value: left } };
    const nameA = a.address.streetName ?? '';
    const nameB = b.address.streetName ?? '';
    const sameNumber = a.address.streetNumber !== null && a.address.streetNumber === b.address.streetNumber;
    const nameJw = nameA && nameB ? jaroWinkler(nameA, nameB) : 0;
    const nameWords = tokenSetRatio(nameA.split(' ').filter(Boolean), nameB.split(' ').filter(Boolean));
    if (sameNumber && nameJw >= 0.9) return { level: 'numberAndNameClose', left, right };
    if (sameNumber && Math.max(nameJw, nameWords) >= 0.7) return { level: 'numberAndNameSimilar', left, right };
    if (nameA && (nameA === nameB || nameJw >= 0.9)) return { level: 'nameOnly', left, right };
    return { level: 'else', left, right };
  },
};

/** Unit and any other address words: "ste 200" vs "ste 210" is a different office. */
export const addressDetailComparison: FieldComparisonDefinition = {
  field: 'addressDetail',
  levels: ['exact', 'close', 'else'],
  description: 'Unit/suite and other address words (building, locality line): identical, JW ≥ 0.88, different',
  compare(a, b) {
    const detail = (unit: string | null, extra: string | null) => [unit, extra].filter(Boolean).join(' ') || null;
    const left = detail(a.address.unit, a.address.extra);
    const right = detail(b.address.unit, b.address.extra);
    if (!left || !right) return nullOutcome(left, right);
    if (left === right) return { level: 'exact', left, right };
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

export const localityComparison: FieldComparisonDefinition = {
  field: 'locality',
  levels: ['postalAndCity', 'postal', 'cityAndState', 'city', 'state', 'else'],
  description: 'City, state and postal code together: postal code and city agree, postal code only, city (JW ≥ 0.9) and state, city only, state only, none',
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
    if (stateA !== null && stateA === stateB) return { level: 'state', left, right };
    const comparable = (postalA && b.address.postalCode) || (a.address.city && b.address.city) || (stateA && stateB);
    return comparable ? { level: 'else', left, right } : nullOutcome(left, right);
  },
};

export const countryComparison: FieldComparisonDefinition = {
  field: 'country',
  levels: ['same', 'different'],
  description: 'Country code: same or different',
  compare(a, b) {
    const left = a.address.country;
    const right = b.address.country;
    if (!left || !right) return nullOutcome(left, right);
    return { level: left === right ? 'same' : 'different', left, right };
  },
};
