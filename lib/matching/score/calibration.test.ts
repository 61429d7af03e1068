import { describe, expect, it } from 'vitest';
import { calibratedProbability, fitCalibration, MIN_CALIBRATION_LABELS } from './calibration';
import { probabilityFromWeight } from './score';

/** A seeded stream, so the simulated decisions are the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('calibration (Platt scaling on the match weight)', () => {
  it('leaves p unchanged at the uncalibrated reading', () => {
    for (const weight of [-20, -3, 0, 2.5, 13]) expect(calibratedProbability(weight, { slope: Math.LN2, intercept: 0 })).toBeCloseTo(probabilityFromWeight(weight), 12);
  });

  it('needs enough decisions of both kinds', () => {
    const few = Array.from({ length: MIN_CALIBRATION_LABELS - 1 }, () => true);
    expect(fitCalibration([...few.map(() => 10), 1, 2], [...few, false, false])).toBeNull();
  });

  it('learns that an over-confident model is right less often than it says, and so lowers p where it errs', () => {
    // The model says p = σ(ln2·W) but the truth is σ(0.25·W − 1): a weight of 8 bits is 73% likely, not 99.6%.
    const next = random(7);
    const weights = Array.from({ length: 2000 }, () => -20 + 40 * next());
    const labels = weights.map((weight) => next() < 1 / (1 + Math.exp(-(0.25 * weight - 1))));
    const fitted = fitCalibration(weights, labels)!;
    expect(fitted.slope).toBeCloseTo(0.25, 1);
    expect(fitted.intercept).toBeCloseTo(-1, 0);
    expect(calibratedProbability(8, fitted)).toBeLessThan(0.8);
    expect(probabilityFromWeight(8)).toBeGreaterThan(0.99);
  });
});
