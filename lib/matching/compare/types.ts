// The comparison vector: for each field, which level a pair landed on and the normalised values
// compared. It is the only input the scorer sees, and what the explanation shows.
import type { NormalizedRecord } from '../normalize/record';

/** Level name used when either side is missing: weight 0, neither evidence for nor against. */
export const NULL_LEVEL = 'null';

/**
 * The ways to reach a customer (email, phone, address) that people sharing a home or an office
 * share all at once: one evidence group (see FieldComparisonDefinition.evidenceGroup).
 */
export const CONTACT_POINT_GROUP = 'contactPoint';

export interface FieldComparison {
  field: string;
  level: string;
  /** Normalised values as compared (shown to users beside the weight). */
  left: string | null;
  right: string | null;
  /**
   * Share of customers holding the agreed value (0..1), when the level is an exact agreement on a
   * value whose frequency is known: the scorer then uses it as u (MATCHING.md §3).
   */
  termFrequency?: number;
  /**
   * 'sharedContact' when the two records share a contact point (same mailbox, number or address)
   * and this field's u is conditional on that (FieldComparisonDefinition.uGivenSharedContact).
   */
  context?: ComparisonContext;
  /** This pair's values contradict it being one entity although the level is not a contradiction level (see LevelOutcome.contradicts). */
  contradicts?: true;
  /** The agreement confirms nothing although its level usually does (see LevelOutcome.corroborates). */
  corroborates?: false;
}

/** The condition under which a field's u was estimated; absent = any pair. */
export type ComparisonContext = 'sharedContact';

export interface ComparisonVector {
  comparisons: FieldComparison[];
}

/** Share of customers with `value` in `field` (0..1), or undefined when unknown. */
export type TermFrequencyLookup = (field: string, value: string) => number | undefined;

/** Similarities computed outside the engine (embeddings), passed in per pair. */
export interface ComparisonSignals {
  profileCosine?: number | null;
  nameCosine?: number | null;
}

/** What one field's comparison returns before term frequencies are looked up. */
export interface LevelOutcome {
  level: string;
  left: string | null;
  right: string | null;
  /** The field and value whose frequency adjusts this level (only for exact agreements). */
  termFrequencyKey?: { field: string; value: string };
  /**
   * The values contradict the pair being one entity inside a level that is mostly agreement (given
   * names Darla / Darletta at the fuzzy level): the level and its weight stay, the pair is never
   * exact (band.ts), as at a contradiction level.
   */
  contradicts?: true;
  /**
   * The values agree at a corroboration level but do not confirm who the record is (the same street
   * line without a house number: a whole street shares it). Only the exact band reads it.
   */
  corroborates?: false;
}

export interface FieldComparisonDefinition {
  field: string;
  /** Non-null levels, strongest first. */
  levels: readonly string[];
  /** One-line description for parameter screens and docs. */
  description: string;
  /**
   * Estimate u on candidate pairs (by EM) instead of random pairs: for signals that summarise the
   * other fields (embeddings), random pairs make any similarity look rare and the same evidence
   * would be counted twice; among candidates u measures only what the signal adds.
   */
  uFromCandidates?: boolean;
  /**
   * Most bits this comparison may add or remove. For signals that summarise the other fields
   * (embeddings): their evidence is mostly the fields' own, so at full weight it would be counted
   * twice and could outvote a clear disagreement on the fields (MATCHING.md §1, §6).
   */
  maxWeightBits?: number;
  /**
   * Comparisons in one group carry largely the same evidence: a household or a shared office
   * shares its email, phone and address at once, so among non-matches agreement on one makes
   * agreement on the others likely. Only the group's strongest agreement counts (MATCHING.md §1).
   */
  evidenceGroup?: string;
  /**
   * Comparisons of one unit within a group add up before units are compared: the parts of one
   * address (street, unit, locality) are one contact point. Default: the field is its own unit.
   */
  evidenceUnit?: string;
  /**
   * Levels at which the two records share this contact point: the same mailbox, number or address,
   * which people of one household or office share while being different people.
   */
  sharedContactLevels?: readonly string[];
  /**
   * Who the record is (name, birth date, documents) is not independent of sharing a contact point:
   * among non-matches that share one (relatives, colleagues) a common surname and different given
   * names are the rule, among random non-matches the exception. Such a field's u is estimated
   * twice: over all pairs, and over the pairs that share a contact point (by EM on the candidates,
   * which include every such pair); the scorer uses the one that fits the pair. By the chain rule
   * P(contact, identity | non-match) = P(contact | non-match) · P(identity | non-match, contact),
   * so the contact point's agreement and the identity's disagreement are then both counted right.
   */
  uGivenSharedContact?: boolean;
  /**
   * m and u per level before any data is seen, from what the field means (e.g. how many random
   * pairs share a birth date). Used for starting parameters and kept for fields the training
   * data never fills; EM replaces them wherever the data has the field.
   */
  prior?: Readonly<Record<string, { m: number; u: number }>>;
  /**
   * Levels that contradict identity (two different documents of one kind, different birth dates,
   * different given names, Jr against Sr): their m is the rate of recording errors that produce the
   * contradiction. EM on unlabelled pairs cannot estimate it: where relatives or colleagues share
   * an address, a mailbox or a surname, the mixture's "match" class is the household, and the
   * contradictions inside households become "evidence of a match". These levels keep the m of
   * `prior` during EM (the other levels share the rest); reviewer labels still estimate them.
   * A pair at one of these levels is never in the exact band (band.ts, compare-pair.ts contradicts).
   */
  contradictionLevels?: readonly string[];
  /**
   * Levels at which this field confirms who the record is beyond its name: the same document
   * number, birth date, mailbox, phone number, street address or website. A pair whose names agree
   * and nothing else confirms it can reach p ≥ 0.95 in a small table (two Andrew Andersons sharing
   * only a department mailbox) but is never in the exact band (band.ts, compare-pair.ts exactHold).
   */
  corroborationLevels?: readonly string[];
  /**
   * The mirror case: levels whose u is the rate of recording errors (two different holders of one
   * document number). Random pairs of a table with duplicates cannot estimate it: nearly every
   * agreement they hold is a duplicate, and telling which would need the field itself. These levels
   * keep the u of `prior` (term frequencies still weaken a number many records share).
   */
  errorRateLevels?: readonly string[];
  /** u per level among non-matches that share a contact point, before any data is seen (with uGivenSharedContact). */
  priorUAtSharedContact?: Readonly<Record<string, number>>;
  compare(a: NormalizedRecord, b: NormalizedRecord, signals: ComparisonSignals): LevelOutcome;
}

export function nullOutcome(left: string | null, right: string | null): LevelOutcome {
  return { level: NULL_LEVEL, left, right };
}
