// Runs every comparison of a model on a pair of normalised records, in the model's order (the order of
// the explanation waterfall), attaches term frequencies to exact agreements, and reads the exact-band holds.
import { levelOf, MATCH_MODEL, type MatchModel } from '../model';
import type { NormalizedRecord } from '../normalize/record';
import type { ExactHold } from '../types';
import type { ComparisonSignals, ComparisonVector, FieldComparison, TermFrequencyLookup } from './types';

/** Frequencies outside (0, 1] are treated as unknown rather than trusted. */
function validFrequency(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 && value <= 1 ? value : undefined;
}

export function comparePair(
  a: NormalizedRecord,
  b: NormalizedRecord,
  signals: ComparisonSignals = {},
  termFrequency?: TermFrequencyLookup,
  model: MatchModel = MATCH_MODEL,
): ComparisonVector {
  const comparisons = model.comparisons.map((definition): FieldComparison => {
    const { termFrequencyKey, ...outcome } = definition.compare(a, b, signals);
    const frequency =
      termFrequencyKey && termFrequency
        ? validFrequency(termFrequency(termFrequencyKey.field, termFrequencyKey.value))
        : undefined;
    return { field: definition.field, ...outcome, ...(frequency !== undefined ? { termFrequency: frequency } : {}) };
  });
  return { comparisons };
}

/** What exactHold reads of a comparison or a scored contribution. */
type HoldEvidence = { field: string; level: string; contradicts?: boolean; corroborates?: boolean };

/**
 * This field contradicts the pair being one entity: a level that contradicts (two different numbers of
 * one document, Jr against Sr, birth dates years apart, clearly different given names), or values the
 * comparison marks so inside another level (given names Darla / Darletta).
 */
export function fieldContradicts(comparison: HoldEvidence, model: MatchModel = MATCH_MODEL): boolean {
  return comparison.contradicts === true || levelOf(model, comparison.field, comparison.level)?.contradicts === true;
}

/** Some field contradicts the pair: it is never in the exact band (band.ts), whatever the other fields add up to. */
export function contradicts(comparisons: ReadonlyArray<HoldEvidence>, model: MatchModel = MATCH_MODEL): boolean {
  return comparisons.some((comparison) => fieldContradicts(comparison, model));
}

/**
 * Some field beyond the names confirms who the record is: a corroborating level (the same document,
 * birth date, mailbox, number, building or company domain) the comparison did not mark as confirming
 * nothing (a street line without a house number).
 */
export function corroborated(comparisons: ReadonlyArray<HoldEvidence>, model: MatchModel = MATCH_MODEL): boolean {
  return comparisons.some((comparison) => comparison.corroborates !== false && levelOf(model, comparison.field, comparison.level)?.corroborates === true);
}

/**
 * Who a business is (its name, its people) is disputed: an identity comparison disagrees and none agrees.
 * Premises, phone and domain then say where a business is, which another business can share.
 */
export function identityDisagrees(comparisons: ReadonlyArray<HoldEvidence>, model: MatchModel = MATCH_MODEL): boolean {
  const kinds = model.identity.map((field) => {
    const comparison = comparisons.find((candidate) => candidate.field === field);
    return comparison ? levelOf(model, field, comparison.level)?.kind : undefined;
  });
  return kinds.includes('disagree') && !kinds.includes('agree');
}

/**
 * Why a pair is kept out of the exact band however high its probability, or null: 'contradiction' — a
 * field contradicts it; 'uncorroborated' — only names (and the profile that sums them up) agree, so two
 * namesakes would score the same. Stewards accept the exact band in bulk; these pairs are high at most.
 */
export function exactHold(comparisons: ReadonlyArray<HoldEvidence>, model: MatchModel = MATCH_MODEL): ExactHold | null {
  if (contradicts(comparisons, model)) return 'contradiction';
  if (identityDisagrees(comparisons, model)) return 'identityDisagrees';
  if (!corroborated(comparisons, model)) return 'uncorroborated';
  return null;
}
