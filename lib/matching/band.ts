// Confidence bands cut on the match probability p, and the match cut-off. How the seed's
// environment variables move them (the services pass the parsed env values in):
//
//   POTENTIAL_MATCH_THRESHOLD (default 0.75)  → potential cut = the value.
//   HIGH_CONFIDENCE_THRESHOLD (default 0.90)  → high cut = value − 0.05 (0.85 by default);
//                                               exact cut = max(0.95, value) (0.95 by default).
//   DEFAULT_SIMILARITY_THRESHOLD (default 0.8) → match cut-off: pairs with p below it are kept as
//                                               candidates but are not reported as matches.
//
// So the defaults give exact ≥ 0.95, high ≥ 0.85, potential ≥ 0.75, low below. Cuts are kept in
// order (potential ≤ high ≤ exact): a potential cut above the high cut is lowered to it.
//
// Stewards accept the exact band in bulk, so it holds only pairs nothing speaks against and
// something beyond the names confirms (compare-pair.ts exactHold):
// - a pair with a contradicting field (Jr against Sr, I against II, two different numbers of one
//   document, birth dates years apart, clearly different given names, name words more than two
//   typing errors apart such as Darla / Darletta) is never exact: a father and son at one address,
//   or twins, can add up to p ≥ 0.95 on everything they share;
// - nor is a pair whose names agree and nothing else confirms it (no document, birth date, mailbox,
//   phone number, building or company domain agreeing): in a small table two namesakes reach
//   p ≥ 0.95 on the name alone (Andrew and Andy Anderson behind one department mailbox).
// Such a pair is high at most, so a person looks at it. p itself is not changed: it stays what the
// evidence says.
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
