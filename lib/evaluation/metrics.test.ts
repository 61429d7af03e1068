import { describe, expect, it } from 'vitest';
import { resolveBandThresholds } from '../matching/band';
import { expectedCalibrationError, qualityReport, type ScoredOutcome } from './metrics';

const thresholds = resolveBandThresholds();
const pair = (matchProbability: number, isTrueMatch: boolean): ScoredOutcome => ({ matchProbability, isTrueMatch, exactHold: null });

describe('expected calibration error', () => {
  it('weights each bucket gap by its share of the pairs (hand-computed)', () => {
    // [0, 0.1): 2 pairs, mean 0.05, observed 0.5 → gap 0.45 × 2/4
    // [0.9, 0.95): 1 pair, 0.92 vs 1 → 0.08 × 1/4;  [0.95, 0.99): 1 pair, 0.96 vs 1 → 0.04 × 1/4
    const report = qualityReport([pair(0.05, false), pair(0.05, true), pair(0.92, true), pair(0.96, true)], 3, thresholds);
    expect(report.expectedCalibrationError).toBeCloseTo(0.225 + 0.02 + 0.01, 12);
  });

  it('is the gap of a single bucket, 0 when the bucket observes what it predicts, and 0 for no pairs', () => {
    // One bucket [0.5, 0.7): mean 0.55, observed 0.5.
    const calibrated = [pair(0.5, true), pair(0.5, false), pair(0.6, true), pair(0.6, false)];
    const report = qualityReport(calibrated, 2, thresholds);
    expect(report.calibration.find((bucket) => bucket.from === 0.5)).toMatchObject({ pairs: 4, meanPredicted: 0.55, observed: 0.5 });
    expect(report.expectedCalibrationError).toBeCloseTo(0.05, 12);
    expect(expectedCalibrationError([{ from: 0.5, to: 0.7, pairs: 2, meanPredicted: 0.5, observed: 0.5 }])).toBe(0);
    expect(expectedCalibrationError([])).toBe(0);
  });

  it('counts an over-confident bucket fully: every pair at 0.99, half of them true', () => {
    const report = qualityReport([pair(0.99, true), pair(0.99, false)], 1, thresholds);
    expect(report.expectedCalibrationError).toBeCloseTo(0.49, 12);
  });
});
