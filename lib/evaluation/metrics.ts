// Quality figures on labelled data (docs/evaluation.md): precision/recall/F1 at the cut-off, per band,
// candidate recall, and calibration (predicted vs observed match rate per probability bucket).
import { confidenceBand, type BandThresholds } from '../matching/band';
import { CONFIDENCE_BANDS, type ConfidenceBand, type ExactHold } from '../matching/types';

export interface ScoredOutcome {
  matchProbability: number;
  isTrueMatch: boolean;
  isHardNegative?: boolean;
  /** Why the pair may not be exact (compare-pair.ts exactHold), or null: a held pair is never in the exact band. */
  exactHold: ExactHold | null;
}

export interface QualityReport extends PairFigures {
  truePairs: number;
  candidatePairs: number;
  /** Share of true pairs that candidate generation reached: an upper bound on recall. */
  candidateRecall: number;
  bands: Record<ConfidenceBand, { pairs: number; trueMatches: number }>;
  /** The reliability table: per probability bucket, the mean predicted p beside the observed share of true matches. */
  calibration: CalibrationBucket[];
  /** Σ over buckets of pairs/total × |mean predicted − observed|: 0 when p means what it says. */
  expectedCalibrationError: number;
  /** Known must-not-merge pairs scored in the exact band. */
  hardNegativesInExactBand: number;
}

export interface CalibrationBucket {
  from: number;
  to: number;
  pairs: number;
  meanPredicted: number;
  observed: number;
}

const CALIBRATION_EDGES = [0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.000001];

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Precision, recall and F1 from counts of predicted pairs, true pairs and their overlap. */
export interface PairFigures {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function pairFigures(truePositives: number, predictedPairs: number, truePairs: number): PairFigures {
  const precision = ratio(truePositives, predictedPairs);
  const recall = ratio(truePositives, truePairs);
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    truePositives,
    falsePositives: predictedPairs - truePositives,
    falseNegatives: truePairs - truePositives,
  };
}

/** Expected calibration error of a reliability table: each bucket's gap weighted by its share of the pairs. */
export function expectedCalibrationError(calibration: readonly CalibrationBucket[]): number {
  const total = calibration.reduce((sum, bucket) => sum + bucket.pairs, 0);
  return ratio(calibration.reduce((sum, bucket) => sum + bucket.pairs * Math.abs(bucket.meanPredicted - bucket.observed), 0), total);
}

export function qualityReport(outcomes: ScoredOutcome[], truePairs: number, thresholds: BandThresholds): QualityReport {
  const predicted = outcomes.filter((outcome) => outcome.matchProbability >= thresholds.matchCutoff);
  const figures = pairFigures(predicted.filter((outcome) => outcome.isTrueMatch).length, predicted.length, truePairs);
  const candidateTrue = outcomes.filter((outcome) => outcome.isTrueMatch).length;

  const bands = Object.fromEntries(CONFIDENCE_BANDS.map((band) => [band, { pairs: 0, trueMatches: 0 }])) as QualityReport['bands'];
  let hardNegativesInExactBand = 0;
  for (const outcome of outcomes) {
    const band = confidenceBand(outcome.matchProbability, thresholds, outcome.exactHold);
    bands[band].pairs += 1;
    if (outcome.isTrueMatch) bands[band].trueMatches += 1;
    if (band === 'exact' && outcome.isHardNegative) hardNegativesInExactBand += 1;
  }

  const calibration: CalibrationBucket[] = CALIBRATION_EDGES.slice(0, -1).map((from, index) => {
    const to = CALIBRATION_EDGES[index + 1];
    const inBucket = outcomes.filter((outcome) => outcome.matchProbability >= from && outcome.matchProbability < to);
    const meanPredicted = ratio(inBucket.reduce((sum, outcome) => sum + outcome.matchProbability, 0), inBucket.length);
    return { from, to: Math.min(1, to), pairs: inBucket.length, meanPredicted, observed: ratio(inBucket.filter((o) => o.isTrueMatch).length, inBucket.length) };
  });

  return {
    ...figures,
    truePairs,
    candidatePairs: outcomes.length,
    candidateRecall: ratio(candidateTrue, truePairs),
    bands,
    calibration,
    expectedCalibrationError: expectedCalibrationError(calibration),
    hardNegativesInExactBand,
  };
}
