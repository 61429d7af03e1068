// Confidence bands on the match probability p and the match cut-off, from the three threshold variables
// (docs/matching.md#bands). A pair exactHold holds back is high at most: stewards accept exact in bulk.
import type { ConfidenceBand, ExactHold } from './types';

export const BAND_DEFAULTS = {
  defaultSimilarityThreshold: 0.8,
  highConfidenceThreshold: 0.9,
  potentialMatchThreshold: 0.75,
} as const;

/** The high band starts this far below HIGH_CONFIDENCE_THRESHOLD (0.9 → 0.85, the documented band). */
const HIGH_BAND_OFFSET = 0.05;
/** The exact band never starts below the documented 0.95. */
const MIN_EXACT_CUT = 0.95;

export interface BandSettings {
  defaultSimilarityThreshold?: number;
  highConfidenceThreshold?: number;
  potentialMatchThreshold?: number;
}

/** The cuts in force, for scoring and for the UI to show. */
export interface BandThresholds {
  exact: number;
  high: number;
  potential: number;
  /** p ≥ this is reported as a match (is_match). */
  matchCutoff: number;
}

function probabilityOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= 1 ? value : fallback;
}

export function resolveBandThresholds(settings: BandSettings = {}): BandThresholds {
  const highSetting = probabilityOr(settings.highConfidenceThreshold, BAND_DEFAULTS.highConfidenceThreshold);
  const high = Math.max(0, round(highSetting - HIGH_BAND_OFFSET));
  const exact = Math.max(MIN_EXACT_CUT, highSetting);
  const potential = Math.min(probabilityOr(settings.potentialMatchThreshold, BAND_DEFAULTS.potentialMatchThreshold), high);
  const matchCutoff = probabilityOr(settings.defaultSimilarityThreshold, BAND_DEFAULTS.defaultSimilarityThreshold);
  return { exact, high, potential, matchCutoff };
}

/** Avoids 0.8999999 from binary subtraction leaking into the UI. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** hold: why the pair may not be exact (compare-pair.ts exactHold), or null; a hold caps the band at high. */
export function confidenceBand(matchProbability: number, thresholds: BandThresholds, hold: ExactHold | null): ConfidenceBand {
  if (matchProbability >= thresholds.exact) return hold !== null ? 'high' : 'exact';
  if (matchProbability >= thresholds.high) return 'high';
  if (matchProbability >= thresholds.potential) return 'potential';
  return 'low';
}

export function isMatch(matchProbability: number, thresholds: BandThresholds): boolean {
  return matchProbability >= thresholds.matchCutoff;
}
