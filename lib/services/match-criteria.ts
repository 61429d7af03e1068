// The stored explanation (match_criteria JSONB): the score's own sum, field by field, plus how the
// candidate was found. Its shape is lib/schemas/explanation.ts, which the UI and OpenAPI read too.
import { fieldContradicts } from '../matching/compare/compare-pair';
import type { MatchCriteria, MatchCriteriaField } from '../schemas/explanation';
import type { ScoredCandidate } from '../matching/pipeline';

export const MATCH_CRITERIA_VERSION = 1;

/** The customer is not part of the explanation, so any candidate source's result will do. */
export function matchCriteria(candidate: ScoredCandidate<unknown>) {
  return {
    version: MATCH_CRITERIA_VERSION,
    parameters_version: candidate.parametersVersion,
    prior_weight: round(candidate.priorWeight),
    match_weight: round(candidate.matchWeight),
    match_probability: candidate.matchProbability,
    confidence_band: candidate.confidenceBand,
    // What kept the pair out of the exact band although its probability reached it (lib/matching/band.ts), or null.
    exact_hold: candidate.heldFromExact,
    candidate_channels: candidate.channels,
    embedding_similarity: { company_name: roundOrNull(candidate.nameCosine), full_profile: roundOrNull(candidate.profileCosine) },
    fields: candidate.contributions.map((contribution) => ({
      field: contribution.field,
      level: contribution.level,
      weight: round(contribution.weight),
      incoming: contribution.left,
      candidate: contribution.right,
      m: contribution.m,
      u: contribution.u,
      ...(contribution.tfAdjusted ? { term_frequency_adjusted: true } : {}),
      // Keeps the pair out of the exact band (lib/matching/band.ts), whatever the total.
      ...(fieldContradicts(contribution) ? { contradicts: true } : {}),
      // Why an agreeing field can weigh less than its level (e.g. an exact email when the domain already counted).
      ...(contribution.limitedBy
        ? { limited_by: contribution.limitedBy, unlimited_weight: roundOrNull(contribution.unlimitedWeight ?? null), evidence_group: contribution.evidenceGroup ?? null }
        : {}),
    }) satisfies MatchCriteriaField),
  } satisfies MatchCriteria;
}

/** The records already linked to the candidate customer that found it (linked_record channel), named in its explanation. */
export function withLinkedRecords(criteria: MatchCriteria, linkedVia: readonly number[] | undefined): MatchCriteria {
  return linkedVia && linkedVia.length > 0 ? { ...criteria, linked_record_ids: [...linkedVia] } : criteria;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
}
