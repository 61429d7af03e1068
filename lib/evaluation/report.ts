// Renders an evaluation result: a stable JSON shape (documented in docs/evaluation.md#metrics), Markdown, and console lines.
import type { EvaluationResult } from '../services/evaluation';

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
    `bands: ${Object.entries(quality.bands).map(([band, counts]) => `${band} ${counts.trueMatches}/${counts.pairs}`).join(', ')} (true/all pairs); must-not-merge pairs in exact: ${quality.hardNegativesInExactBand}`,
    ...(result.clustered
      ? [
          `clustered into ${result.clustered.entities} entities: precision ${pct(result.clustered.precision)}  recall ${pct(result.clustered.recall)}  F1 ${pct(result.clustered.f1)}; must-not-merge pairs in one entity: ${result.clustered.hardNegativesMerged}`,
        ]
      : []),
    `time: load ${timings.loadCustomersMs + timings.loadIncomingMs} ms, estimate ${timings.estimateMs} ms, match ${timings.matchMs} ms (${perSecond} records/s; per record p50 ${timings.perRecordMs.p50} ms, p95 ${timings.perRecordMs.p95} ms)`,
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
    '## Calibration (predicted vs observed match rate per probability bucket)',
    '',
    '| p from | p to | pairs | mean predicted | observed |',
    '|---|---|---|---|---|',
    ...quality.calibration.map((bucket) => `| ${bucket.from} | ${bucket.to} | ${bucket.pairs} | ${pct(bucket.meanPredicted)} | ${pct(bucket.observed)} |`),
    '',
    '## Notes',
    '',
    ...result.dataset.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}
