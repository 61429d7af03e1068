// Runs every field comparison on a pair of normalised records, in a fixed order (the order of
// the explanation waterfall), and attaches term frequencies to exact agreements.
import type { NormalizedRecord } from '../normalize/record';
import { addressDetailComparison, countryComparison, localityComparison, streetComparison } from './address-fields';
import { domainComparison, emailComparison, phoneComparison } from './contact-fields';
import { dateOfBirthComparison, identifierComparison } from './identity-fields';
import { companyNameComparison, contactNameComparison, generationComparison, legalFormComparison, personNameComparison } from './name-fields';
import {
  employeeCountComparison,
  industryComparison,
  profileEmbeddingComparison,
  revenueComparison,
} from './profile-fields';
import type { ExactHold } from '../types';
import { NULL_LEVEL, type ComparisonSignals, type ComparisonVector, type FieldComparison, type FieldComparisonDefinition, type TermFrequencyLookup } from './types';

export const FIELD_COMPARISONS: readonly FieldComparisonDefinition[] = [
  companyNameComparison,
  legalFormComparison,
  identifierComparison,
  personNameComparison,
  generationComparison,
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
  sharedContactModel: boolean = SHARED_CONTACT_MODEL,
): ComparisonVector {
  const comparisons = FIELD_COMPARISONS.map((definition): FieldComparison => {
    const { termFrequencyKey, ...outcome } = definition.compare(a, b, signals);
    const frequency =
      termFrequencyKey && termFrequency
        ? validFrequency(termFrequency(termFrequencyKey.field, termFrequencyKey.value))
        : undefined;
    return { field: definition.field, ...outcome, ...(frequency !== undefined ? { termFrequency: frequency } : {}) };
  });
  if (!sharedContactModel || !sharesContactPoint(comparisons)) return { comparisons };
  return {
    comparisons: comparisons.map((comparison, index) =>
      FIELD_COMPARISONS[index].uGivenSharedContact && comparison.level !== NULL_LEVEL ? { ...comparison, context: 'sharedContact' } : comparison,
    ),
  };
}

/**
 * Whether the identity fields of a pair that shares a contact point are judged with u among relatives
 * and colleagues (uSharedContact; see compare/types.ts). Off, by measurement (npm run eval, 2026-11-26):
 * with it, EM's posteriors move m so that Febrl4 fell from F1 0.9932 to 0.9908 and the Senzing demo's
 * pairwise F1 from 0.6320 to 0.6154; it kept only 2 more must-not-merge pairs out of the exact band.
 * The model and its estimation stay, to be switched on once it gains on every data set.
 */
export const SHARED_CONTACT_MODEL = false;

/** Whether one comparison is at a level its definition declares in `declared` (contradictions, corroborations, shared contact points). */
function levelDeclaredIn(declared: (definition: FieldComparisonDefinition) => readonly string[] | undefined) {
  const levels = new Map(FIELD_COMPARISONS.map((definition) => [definition.field, declared(definition) ?? []]));
  return (comparison: { field: string; level: string }): boolean => levels.get(comparison.field)?.includes(comparison.level) ?? false;
}

const atContradictionLevel = levelDeclaredIn((definition) => definition.contradictionLevels);
const atCorroborationLevel = levelDeclaredIn((definition) => definition.corroborationLevels);
const atSharedContactLevel = levelDeclaredIn((definition) => definition.sharedContactLevels);

/** What exactHold reads of a comparison or a scored contribution. */
type HoldEvidence = { field: string; level: string; contradicts?: boolean; corroborates?: boolean };

/**
 * This field contradicts the pair being one entity: a level its comparison declares a contradiction
 * (two different numbers of one document, Jr against Sr, birth dates years apart, clearly different
 * given names), or values the comparison marks so inside another level (given names Darla / Darletta).
 */
export function fieldContradicts(comparison: HoldEvidence): boolean {
  return comparison.contradicts === true || atContradictionLevel(comparison);
}

/** Some field contradicts the pair: it is never in the exact band (band.ts), whatever the other fields add up to. */
export function contradicts(comparisons: ReadonlyArray<HoldEvidence>): boolean {
  return comparisons.some(fieldContradicts);
}

/**
 * Some field beyond the names confirms who the record is: a level a comparison declares a
 * corroboration (the same document, birth date, mailbox, number, building or company domain) that
 * the comparison did not mark as confirming nothing (a street line without a house number).
 */
export function corroborated(comparisons: ReadonlyArray<HoldEvidence>): boolean {
  return comparisons.some((comparison) => comparison.corroborates !== false && atCorroborationLevel(comparison));
}

/**
 * Why a pair is kept out of the exact band however high its probability, or null when it is not:
 * 'contradiction' — some field contradicts it; 'uncorroborated' — only names (and the profile that
 * sums them up) agree, so two namesakes would score the same. Stewards accept the exact band in
 * bulk; these pairs are high at most, so a person decides (band.ts).
 */
export function exactHold(comparisons: ReadonlyArray<HoldEvidence>): ExactHold | null {
  if (contradicts(comparisons)) return 'contradiction';
  if (!corroborated(comparisons)) return 'uncorroborated';
  return null;
}

/** The pair shares a mailbox, a number or an address (a level a contact comparison declares as shared). */
export function sharesContactPoint(comparisons: ReadonlyArray<{ field: string; level: string }>): boolean {
  return comparisons.some(atSharedContactLevel);
}
