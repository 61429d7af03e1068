import { describe, expect, it } from 'vitest';
import type { LearningCurve } from '../services/learning-curve';
import { learningCurveJson, learningCurveLines, learningCurveMarkdown } from './learning-curve-report';

const point = (labels: number, f1: number, ece: number, entityF1?: number) => ({
  labels,
  labelMatches: Math.floor(labels / 5),
  parametersVersion: `v${labels}`,
  precision: f1,
  recall: f1,
  f1,
  expectedCalibrationError: ece,
  hardNegativesInExactBand: 0,
  calibrated: false,
  ...(entityF1 === undefined ? {} : { entityF1 }),
});

const curve: LearningCurve = { seed: 17, order: 'random', labelRecords: 80, reportRecords: 79, labellablePairs: 1800, reportTruePairs: 30, points: [point(0, 0.9, 0.02, 0.95), point(25, 0.91, 0.015, 0.96)] };

describe('learning curve report', () => {
  it('writes one JSON point per label count with F1 and ECE', () => {
    const json = learningCurveJson(curve);
    expect(json).toMatchObject({ seed: 17, label_order: 'random', label_records: 80, report_records: 79, labellable_pairs: 1800, report_true_pairs: 30 });
    expect(json.points[1]).toEqual({ labels: 25, label_matches: 5, precision: 0.91, recall: 0.91, f1: 0.91, expected_calibration_error: 0.015, calibrated: false, hard_negatives_in_exact_band: 0, entity_f1: 0.96, parameters_version: 'v25' });
  });

  it('prints a row per label count, saying how labels and reported pairs were kept apart', () => {
    const lines = learningCurveLines(curve);
    expect(lines[0]).toContain('from the 1800 candidate pairs of 80 incoming records; figures on the other 79 records (30 true pairs)');
    expect(lines[2]).toMatch(/^\s+0\s+0\s+0\.9000\s+0\.9000\s+0\.9000\s+0\.0200\s+0\.9500$/);
    expect(lines[3]).toMatch(/^\s+25\s+5\s+0\.9100 .* 0\.0150\s+0\.9600$/);
    expect(learningCurveMarkdown(curve)).toContain('| 25 | 5 | 0.9100 | 0.9100 | 0.9100 | 0.0150 | 0 | 0.9600 |');
    const link = { ...curve, points: curve.points.map((withEntities) => ({ ...withEntities, entityF1: undefined })) };
    expect(learningCurveLines(link)[1]).not.toContain('entity F1');
  });
});
