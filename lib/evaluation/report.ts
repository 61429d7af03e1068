// Renders an evaluation result: a stable JSON shape (documented in docs/evaluation.md#metrics), Markdown, and console lines.
import type { EvaluationResult } from '../services/evaluation';
import type { CalibrationBucket } from './metrics';

const pct = (value: number) => value.toFixed(4);

/** The stable JSON shape written by `npm run eval -- --json`. */
export function evaluationJson(result: EvaluationResult, database: string) {
  const { quality } = result;
  return {
    dataset: result.dataset.name,
    mode: result.dataset.mode,
    database,
    records: { customers: result.dataset.customers, incoming: result.dataset.incoming, true_pairs: result.dataset.truePairs },
    parameters_version: result.parametersVersion,
    thresholds: result.thresholds,
    precision: quality.precision,
    recall: quality.recall,
    f1: quality.f1,
    true_positives: quality.truePositives,
    false_positives: quality.falsePositives,
    false_negatives: quality.falseNegatives,
    candidate_recall: quality.candidateRecall,
    candidate_pairs: quality.candidatePairs,
    records_with_capped_candidates: result.candidateCap.recordsCapped,
    bands: quality.bands,
    clustered: result.clustered
      ? {
          entities: result.clustered.entities,
          precision: result.clustered.precision,
          recall: result.clustered.recall,
          f1: result.clustered.f1,
          true_positives: result.clustered.truePositives,
          false_positives: result.clustered.falsePositives,
          false_negatives: result.clustered.falseNegatives,
          hard_negatives_merged: result.clustered.hardNegativesMerged,
        }
      : null,
    hard_negatives_in_exact_band: quality.hardNegativesInExactBand,
    calibration: quality.calibration,
    expected_calibration_error: quality.expectedCalibrationError,
    timings_ms: {
      load_customers: result.timings.loadCustomersMs,
      load_incoming: result.timings.loadIncomingMs,
      estimate: result.timings.estimateMs,
      match: result.timings.matchMs,
      per_record: result.timings.perRecordMs,
    },
    notes: result.dataset.notes,
  };
}

export function evaluationSummaryLines(result: EvaluationResult, database: string): string[] {
  const { quality, timings } = result;
  const perSecond = timings.matchMs > 0 ? (result.dataset.incoming / (timings.matchMs / 1000)).toFixed(1) : 'n/a';
  return [
    `dataset ${result.dataset.name} (${result.dataset.mode}) on ${database}, parameters ${result.parametersVersion}, cut-off p ≥ ${result.thresholds.matchCutoff}`,
    `precision ${pct(quality.precision)}  recall ${pct(quality.recall)}  F1 ${pct(quality.f1)}  (TP ${quality.truePositives}, FP ${quality.falsePositives}, FN ${quality.falseNegatives})`,
    `candidate recall ${pct(quality.candidateRecall)} over ${quality.candidatePairs} scored pairs; records whose candidates hit the cap: ${result.candidateCap.recordsCapped}`,
    `calibration: expected calibration error ${pct(quality.expectedCalibrationError)} over ${quality.candidatePairs} pairs`,
    `bands: ${Object.entries(quality.bands).map(([band, counts]) => `${band} ${counts.trueMatches}/${counts.pairs}`).join(', ')} (true/all pairs); must-not-merge pairs in exact: ${quality.hardNegativesInExactBand}`,
    ...(result.clustered
      ? [
          `clustered into ${result.clustered.entities} entities: precision ${pct(result.clustered.precision)}  recall ${pct(result.clustered.recall)}  F1 ${pct(result.clustered.f1)}; must-not-merge pairs in one entity: ${result.clustered.hardNegativesMerged}`,
        ]
      : []),
    `time: load ${timings.loadCustomersMs + timings.loadIncomingMs} ms, estimate ${timings.estimateMs} ms, match ${timings.matchMs} ms (${perSecond} records/s; per record p50 ${timings.perRecordMs.p50} ms, p95 ${timings.perRecordMs.p95} ms)`,
  ];
}

/** The reliability table for the console: per bucket, how often pairs scored there were true matches. */
export function reliabilityTableLines(calibration: readonly CalibrationBucket[]): string[] {
  const cell = (text: string, width: number) => text.padStart(width);
  return [
    `${cell('p from', 7)} ${cell('p to', 7)} ${cell('pairs', 7)} ${cell('predicted', 10)} ${cell('observed', 10)} ${cell('gap', 8)}`,
    ...calibration.map(
      (bucket) =>
        `${cell(String(bucket.from), 7)} ${cell(String(bucket.to), 7)} ${cell(String(bucket.pairs), 7)} ${cell(pct(bucket.meanPredicted), 10)} ${cell(pct(bucket.observed), 10)} ${cell(bucket.pairs ? pct(Math.abs(bucket.meanPredicted - bucket.observed)) : '—', 8)}`,
    ),
  ];
}

export function evaluationMarkdown(result: EvaluationResult, database: string): string {
  const { quality } = result;
  const lines = [
    `# Evaluation: ${result.dataset.name}`,
    '',
    ...evaluationSummaryLines(result, database).map((line) => `- ${line}`),
    '',
    '## Bands',
    '',
    '| band | pairs | true matches | precision |',
    '|---|---|---|---|',
    ...Object.entries(quality.bands).map(([band, counts]) => `| ${band} | ${counts.pairs} | ${counts.trueMatches} | ${counts.pairs ? pct(counts.trueMatches / counts.pairs) : '—'} |`),
    '',
    '## Calibration (reliability table: predicted vs observed match rate per probability bucket)',
    '',
    `Expected calibration error: ${pct(quality.expectedCalibrationError)}.`,
    '',
    '| p from | p to | pairs | mean predicted | observed | gap |',
    '|---|---|---|---|---|---|',
    ...quality.calibration.map(
      (bucket) => `| ${bucket.from} | ${bucket.to} | ${bucket.pairs} | ${pct(bucket.meanPredicted)} | ${pct(bucket.observed)} | ${bucket.pairs ? pct(Math.abs(bucket.meanPredicted - bucket.observed)) : '—'} |`,
    ),
    '',
    '## Notes',
    '',
    ...result.dataset.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}
