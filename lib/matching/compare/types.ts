// The comparison vector: for each field, which level a pair landed on and the normalised values
// compared. It is the only input the scorer sees, and what the explanation shows.
import type { NormalizedRecord } from '../normalize/record';

/** Level name used when either side is missing: weight 0, neither evidence for nor against. */
export const NULL_LEVEL = 'null';

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
}

export interface FieldComparisonDefinition {
  field: string;
  /** Non-null levels, strongest first. */
  levels: readonly string[];
  /** One-line description for parameter screens and docs. */
  description: string;
  compare(a: NormalizedRecord, b: NormalizedRecord, signals: ComparisonSignals): LevelOutcome;
}

export function nullOutcome(left: string | null, right: string | null): LevelOutcome {
  return { level: NULL_LEVEL, left, right };
}
