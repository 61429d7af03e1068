// Renders the evaluation's learning curve (figures on held-out records per number of simulated steward
// labels) as JSON, a Markdown section and console lines.
import type { LearningCurve } from '../services/learning-curve';

const figure = (value: number) => value.toFixed(4);

export function learningCurveJson(curve: LearningCurve) {
  return {
    seed: curve.seed,
    label_order: curve.order,
    label_records: curve.labelRecords,
    report_records: curve.reportRecords,
    labellable_pairs: curve.labellablePairs,
    report_true_pairs: curve.reportTruePairs,
    points: curve.points.map((point) => ({
      labels: point.labels,
      label_matches: point.labelMatches,
      precision: point.precision,
      recall: point.recall,
      f1: point.f1,
      expected_calibration_error: point.expectedCalibrationError,
      calibrated: point.calibrated,
      hard_negatives_in_exact_band: point.hardNegativesInExactBand,
      ...(point.entityF1 === undefined ? {} : { entity_f1: point.entityF1 }),
      parameters_version: point.parametersVersion,
    })),
  };
}

function describeSplit(curve: LearningCurve): string {
  return (
    `labels drawn (${curve.order}, seed ${curve.seed}) from the ${curve.labellablePairs} candidate pairs of ${curve.labelRecords} incoming records; ` +
    `figures on the other ${curve.reportRecords} records (${curve.reportTruePairs} true pairs), re-matched after each re-estimate`
  );
}

export function learningCurveLines(curve: LearningCurve): string[] {
  const entities = curve.points.some((point) => point.entityF1 !== undefined);
  const cell = (text: string | number, width: number) => String(text).padStart(width);
  return [
    `learning curve: ${describeSplit(curve)}`,
    `${cell('labels', 7)} ${cell('matches', 8)} ${cell('precision', 10)} ${cell('recall', 8)} ${cell('F1', 8)} ${cell('ECE', 8)}${entities ? ` ${cell('entity F1', 10)}` : ''}`,
    ...curve.points.map(
      (point) =>
        `${cell(point.labels, 7)} ${cell(point.labelMatches, 8)} ${cell(figure(point.precision), 10)} ${cell(figure(point.recall), 8)} ${cell(figure(point.f1), 8)} ${cell(figure(point.expectedCalibrationError), 8)}${point.calibrated ? '*' : ' '}` +
        (entities ? ` ${cell(point.entityF1 === undefined ? '—' : figure(point.entityF1), 10)}` : ''),
    ),
  ];
}

export function learningCurveMarkdown(curve: LearningCurve): string {
  const entities = curve.points.some((point) => point.entityF1 !== undefined);
  return [
    '## Learning curve (simulated steward labels)',
    '',
    `Semi-supervised EM with the labels held fixed; ${describeSplit(curve)}.`,
    '',
    `| labels | of which matches | precision | recall | F1 | ECE | must-not-merge in exact |${entities ? ' entity F1 |' : ''}`,
    `|---|---|---|---|---|---|---|${entities ? '---|' : ''}`,
    ...curve.points.map(
      (point) =>
        `| ${point.labels} | ${point.labelMatches} | ${figure(point.precision)} | ${figure(point.recall)} | ${figure(point.f1)} | ${figure(point.expectedCalibrationError)}${point.calibrated ? ' (calibrated)' : ''} | ${point.hardNegativesInExactBand} |` +
        (entities ? ` ${point.entityF1 === undefined ? '—' : figure(point.entityF1)} |` : ''),
    ),
    '',
  ].join('\n');
}
