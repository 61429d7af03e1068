// The comparison vector: for each field, which level a pair landed on and the normalised values
// compared. It is the only input the scorer sees, and what the explanation shows.
import type { NormalizedRecord } from '../normalize/record';

/** Level name used when either side is missing: weight 0, neither evidence for nor against. */
export const NULL_LEVEL = 'null';

/** The ways to reach a customer (email, phone, address), which a home or an office shares all at once: one evidence group. */
export const CONTACT_POINT_GROUP = 'contactPoint';

export interface FieldComparison {
  field: string;
  level: string;
  /** Normalised values as compared (shown to users beside the weight). */
  left: string | null;
  right: string | null;
  /** Share of customers holding the agreed value (0..1) on an exact agreement: the scorer uses it as u (docs/matching.md, term frequencies). */
  termFrequency?: number;
  /** This pair's values contradict it being one entity although the level is not a contradiction level (see LevelOutcome.contradicts). */
  contradicts?: true;
  /** The agreement confirms nothing although its level usually does (see LevelOutcome.corroborates). */
  corroborates?: false;
}

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

/** How a level reads to a steward: agreement, near-agreement or disagreement (the field table's colour). */
export type LevelKind = 'agree' | 'close' | 'disagree';

/** One level of a comparison, carrying everything about it: its code, its words, and its role in the model. */
export interface ComparisonLevel {
  /** Stable code: stored in parameters and explanations (e.g. "jw95"); never shown to stewards. */
  readonly name: string;
  /** What the level means, in words ("nearly the same name (a typing error or two)"). */
  readonly label: string;
  readonly kind: LevelKind;
  /** m and u before any data is seen, from what the field means; EM replaces them where the data has the field. */
  readonly prior?: { readonly m: number; readonly u: number };
  /**
   * The values contradict identity (two numbers of one document, Jr against Sr, birth dates years apart):
   * m is the rate of recording errors, which EM on unlabelled pairs cannot estimate (households look
   * like matches), so it stays at the prior; the pair is never in the exact band (band.ts).
   */
  readonly contradicts?: true;
  /** Confirms who the record is beyond its name (same document, birth date, mailbox, number, building, domain). */
  readonly corroborates?: true;
  /** u is the rate of recording errors (two holders of one number), which random pairs cannot estimate: held at the prior. */
  readonly errorRate?: true;
  /**
   * Two values no recording error explains (Jr against Sr): two entities however much else agrees, since
   * what they share is what relatives share. The pair's weight is held at the prior at most (score.ts).
   */
  readonly rulesOut?: true;
}

const level = (kind: LevelKind) => (name: string, label: string, extra: Omit<ComparisonLevel, 'name' | 'label' | 'kind'> = {}): ComparisonLevel => ({ name, label, kind, ...extra });
export const agreeLevel = level('agree');
export const closeLevel = level('close');
export const disagreeLevel = level('disagree');

export interface FieldComparisonDefinition {
  field: string;
  /** The comparison's name as a steward reads it ("Web domain"). */
  label: string;
  /** Non-null levels, strongest first. */
  levels: readonly ComparisonLevel[];
  /** One-line description for parameter screens and docs. */
  description: string;
  /**
   * Estimate u on candidate pairs (by EM) instead of random pairs: for signals that summarise the
   * other fields (embeddings), random pairs make any similarity look rare and the same evidence
   * would be counted twice; among candidates u measures only what the signal adds.
   */
  uFromCandidates?: boolean;
  /** Most bits this comparison may add or remove: a summary signal must not outvote the fields it sums up. */
  maxWeightBits?: number;
  /**
   * Comparisons in one group carry largely the same evidence (a household or an office shares its email,
   * phone and address at once): only the group's strongest agreement counts.
   */
  evidenceGroup?: string;
  /** Comparisons of one unit within a group add up before units are compared (the parts of one address). */
  evidenceUnit?: string;
  /** Comparisons whose agreement implies this one's: then this agreement adds nothing (the same street line lies in the same town). */
  impliedBy?: readonly string[];
  compare(a: NormalizedRecord, b: NormalizedRecord, signals: ComparisonSignals): LevelOutcome;
}

export function nullOutcome(left: string | null, right: string | null): LevelOutcome {
  return { level: NULL_LEVEL, left, right };
}
