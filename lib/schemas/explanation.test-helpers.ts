// Stored explanations for tests that care about a few keys: the rest filled in as the writer would
// write them for a pair without embeddings or parameters, so fixtures stay in the schema's shape.
import type { MatchCriteria, MatchCriteriaField } from './explanation';

export type FieldFixture = Pick<MatchCriteriaField, 'field' | 'level' | 'weight'> & Partial<MatchCriteriaField>;

export function criteriaField(field: FieldFixture): MatchCriteriaField {
  return { incoming: null, candidate: null, m: null, u: null, ...field };
}

/** exact_hold stays absent unless given, as on results stored before it was recorded. */
export function matchCriteriaOf(
  criteria: Pick<MatchCriteria, 'prior_weight' | 'match_weight' | 'match_probability'> & Partial<Omit<MatchCriteria, 'fields'>> & { fields: FieldFixture[] },
): MatchCriteria {
  return {
    version: 1,
    parameters_version: 'test',
    confidence_band: 'low',
    candidate_channels: ['name_trigram'],
    embedding_similarity: { company_name: null, full_profile: null },
    ...criteria,
    fields: criteria.fields.map(criteriaField),
  };
}
