// Runs every field comparison on a pair of normalised records, in a fixed order (the order of
// the explanation waterfall), and attaches term frequencies to exact agreements.
import type { NormalizedRecord } from '../normalize/record';
import { addressDetailComparison, countryComparison, localityComparison, streetComparison } from './address-fields';
import { domainComparison, emailComparison, phoneComparison } from './contact-fields';
import { dateOfBirthComparison, identifierComparison } from './identity-fields';
import { companyNameComparison, contactNameComparison, legalFormComparison, personNameComparison } from './name-fields';
import {
  employeeCountComparison,
  industryComparison,
  profileEmbeddingComparison,
  revenueComparison,
} from './profile-fields';
import { NULL_LEVEL, type ComparisonSignals, type ComparisonVector, type FieldComparison, type FieldComparisonDefinition, type TermFrequencyLookup } from './types';

export const FIELD_COMPARISONS: readonly FieldComparisonDefinition[] = [
  companyNameComparison,
  legalFormComparison,
  identifierComparison,
  personNameComparison,
  dateOfBirthComparison,
  contactNameComparison,
  emailComparison,
  domainComparison,
  phoneComparison,
  streetComparison,
  addressDetailComparison,
  localityComparison,
  countryComparison,
  industryComparison,
  revenueComparison,
  employeeCountComparison,
  profileEmbeddingComparison,
];

/** Frequencies outside (0, 1] are treated as unknown rather than trusted. */
function validFrequency(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 && value <= 1 ? value : undefined;
}

export function comparePair(
  a: NormalizedRecord,
  b: NormalizedRecord,
  signals: ComparisonSignals = {},
  termFrequency?: TermFrequencyLookup,
): ComparisonVector {
  const comparisons = FIELD_COMPARISONS.map((definition): FieldComparison => {
    const { termFrequencyKey, ...outcome } = definition.compare(a, b, signals);
    const frequency =
      termFrequencyKey && termFrequency
        ? validFrequency(termFrequency(termFrequencyKey.field, termFrequencyKey.value))
        : undefined;
    return { field: definition.field, ...outcome, ...(frequency !== undefined ? { termFrequency: frequency } : {}) };
  });
  if (!sharesContactPoint(comparisons)) return { comparisons };
  return {
    comparisons: comparisons.map((comparison, index) =>
      FIELD_COMPARISONS[index].uGivenSharedContact && comparison.level !== NULL_LEVEL ? { ...comparison, context: 'sharedContact' } : comparison,
    ),
  };
}

const SHARED_CONTACT_LEVELS = new Map(
  FIELD_COMPARISONS.filter((definition) => definition.sharedContactLevels).map((definition) => [definition.field, definition.sharedContactLevels!]),
);

/** The pair shares a mailbox, a number or an address (a level a contact comparison declares as shared). */
export function sharesContactPoint(comparisons: readonly FieldComparison[]): boolean {
  return comparisons.some((comparison) => SHARED_CONTACT_LEVELS.get(comparison.field)?.includes(comparison.level) ?? false);
}
