// The match explanation stored in matching_results.match_criteria: written by lib/services/match-criteria.ts,
// read by the steward UI and the export, published in the OpenAPI document. Strict: the writer is its only producer.
import { z } from 'zod';
import { CONFIDENCE_BANDS, EXACT_HOLDS } from '../matching/types';

export const matchCriteriaFieldSchema = z.strictObject({
  field: z
    .string()
    .describe('A compared field (companyName, email, street, …), or competingCandidates: the odds given up to other candidates this one cannot be at the same time (listed in candidate)'),
  level: z.string().describe('The comparison level the pair reached (exact, fuzzy, different, null when a side is missing, …)'),
  weight: z.number().describe('Bits (log2 of m/u) this field added to the match weight, after any limit'),
  incoming: z.string().nullable().describe('The incoming value as compared (normalised), or null'),
  candidate: z.string().nullable().describe('The candidate\'s value as compared (normalised), or null'),
  m: z.number().nullable().describe('P(this level | same entity); null where no level parameter applies (a missing value, competingCandidates, a level the parameters lack)'),
  u: z.number().nullable().describe('P(this level | different entities), after any term-frequency adjustment; null where m is'),
  term_frequency_adjusted: z.literal(true).optional().describe('Present when u was replaced by how common the agreed value is'),
  contradicts: z
    .literal(true)
    .optional()
    .describe('Present when this field contradicts the match (Jr against Sr, two numbers of one document, birth dates years apart, clearly different given names, given names that differ by more than a typo): the pair is then high at most, never exact'),
  limited_by: z
    .enum(['cap', 'evidenceGroup', 'rulesOut'])
    .optional()
    .describe('Why weight differs from the level\'s own: held to a cap, counted once within a group of related evidence, or a level that rules the pair out (Jr against Sr) taking what the rest adds'),
  unlimited_weight: z.number().nullable().optional().describe('The level\'s own weight before that limit (with limited_by)'),
  evidence_group: z.string().nullable().optional().describe('The group of related evidence counted once (with limited_by)'),
});

export const matchCriteriaSchema = z.strictObject({
  version: z.number().int().describe('Version of this explanation\'s shape'),
  parameters_version: z.string().describe('The match parameters (m, u, λ) the score was computed with'),
  prior_weight: z.number().describe('log2 of the prior odds: where the sum starts'),
  match_weight: z.number().describe('prior_weight plus every field\'s weight'),
  match_probability: z.number().min(0).max(1),
  confidence_band: z.enum(CONFIDENCE_BANDS),
  exact_hold: z
    .enum(EXACT_HOLDS)
    .nullable()
    .optional()
    .describe(
      'What kept the pair out of the exact band although its probability reached the exact cut (it is high instead): contradiction — a field contradicts the match (marked contradicts); identityDisagrees — the company name or the contact person differs and neither agrees (another business at the same premises looks like this); uncorroborated — nothing beyond the names confirms it (no document, birth date, mailbox, phone number, building or company domain agrees). Null when the probability decided the band alone; absent on results stored before this was recorded',
    ),
  // Strings, not today's channel names: results stored earlier carry the names of their time.
  candidate_channels: z
    .array(z.string())
    .describe('How the candidate was found (identifier, email, phone, domain, address, name_trigram, name_embedding, profile_embedding, linked_record — through a source record already linked to the customer, …)'),
  linked_record_ids: z
    .array(z.number().int())
    .optional()
    .describe('With linked_record: the incoming records, already linked to this customer, that the record matched; the score itself compares with the customer\'s own record'),
  embedding_similarity: z.strictObject({ company_name: z.number().nullable(), full_profile: z.number().nullable() }).describe('Cosine similarities of the name and whole-profile embeddings; null when either side has none'),
  fields: z.array(matchCriteriaFieldSchema).describe('Each comparison\'s contribution, in the order the score summed them'),
});

export type MatchCriteria = z.infer<typeof matchCriteriaSchema>;
export type MatchCriteriaField = z.infer<typeof matchCriteriaFieldSchema>;
