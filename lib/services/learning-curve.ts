// The learning curve of the evaluation: how the figures move as simulated steward labels are added.
// The incoming records are split in two (seeded): labels are drawn from the candidate pairs of one half,
// as if a steward had decided them from the truth; after each re-estimate the other half is matched
// again and its pairs are scored, so no labelled pair is ever a reported one.
import { clusteredQuality } from '../evaluation/clustered';
import type { LabelledDataset } from '../evaluation/datasets/types';
import { labelDrawOrder, splitIncoming, type LabelOrder } from '../evaluation/label-draw';
import { qualityReport } from '../evaluation/metrics';
import { LabelledPairs } from '../evaluation/pair-outcomes';
import type { ServiceContext } from './context';
import type { PairLabel } from './estimation-labels';
import { matchRecords, runEvaluation, type EvaluationOptions, type EvaluationResult, type LoadedDataset, type ScoredPairView } from './evaluation';
import { currentParameters } from './parameters';
import type { MatchParameters } from '../matching/score/params';

export interface LearningCurveOptions extends EvaluationOptions {
  /** Label counts, ascending; each point's labels include the previous point's. */
  labelCounts: number[];
  seed: number;
  order: LabelOrder;
  /** Re-estimates the parameters with these labels and makes them active (the evaluation's EM, with labels). */
  estimateWithLabels: (ctx: ServiceContext, labels: PairLabel[]) => Promise<void>;
  onPoint?: (labels: number) => void;
}

export interface LearningCurvePoint {
  /** Labels used: the requested count, or every labellable pair when there are fewer. */
  labels: number;
  labelMatches: number;
  parametersVersion: string;
  /** The probabilities are calibrated on the labels (enough of both kinds were drawn). */
  calibrated: boolean;
  precision: number;
  recall: number;
  f1: number;
  expectedCalibrationError: number;
  hardNegativesInExactBand: number;
  /** Dedupe sets: pairwise F1 after resolving the reported records into entities. */
  entityF1?: number;
}

export interface LearningCurve {
  seed: number;
  order: LabelOrder;
  /** Incoming records whose candidate pairs may be labelled, and those whose pairs are reported. */
  labelRecords: number;
  reportRecords: number;
  /** Candidate pairs of the label half: the most labels there can be. */
  labellablePairs: number;
  /** True pairs among the reported records. */
  reportTruePairs: number;
  points: LearningCurvePoint[];
}

/** The data set as far as the reported records go: for dedupe sets both records of a pair must be reported ones. */
export function reportedPart(dataset: LabelledDataset, reported: ReadonlySet<string>): LabelledDataset {
  const dedupe = dataset.mode === 'dedupe';
  const keep = ([a, b]: [string, string]) => (dedupe ? reported.has(a) && reported.has(b) : reported.has(a));
  const incoming = dataset.incoming.filter((record) => reported.has(record.id));
  return {
    ...dataset,
    customers: dedupe ? incoming : dataset.customers,
    incoming,
    truePairs: dataset.truePairs.filter(keep),
    hardNegativePairs: dataset.hardNegativePairs?.filter(keep),
  };
}

/** Labelled pairs by database ids: link pairs start from the incoming record, dedupe pairs from a customer. */
function pairLabeller(dataset: LabelledDataset, loaded: LoadedDataset): (ids: [string, string], isMatch: boolean) => PairLabel {
  const incomingIdOf = new Map(dataset.incoming.map((record, index) => [record.id, loaded.incomingIds[index]]));
  return (ids, isMatch) => ({
    recordId: dataset.mode === 'dedupe' ? loaded.customerIdOfDataset.get(ids[0])! : incomingIdOf.get(ids[0])!,
    customerId: loaded.customerIdOfDataset.get(ids[1])!,
    isMatch,
  });
}

function pointOf(reported: LabelledDataset, views: readonly ScoredPairView[], cutoffOf: EvaluationResult['thresholds'], calibration: MatchParameters['calibration']): Omit<LearningCurvePoint, 'labels' | 'labelMatches' | 'parametersVersion' | 'calibrated'> {
  const records = new Set(reported.incoming.map((record) => record.id));
  const customers = new Set(reported.customers.map((record) => record.id));
  const pairs = new LabelledPairs(reported, calibration);
  for (const { incomingId, customerId, view } of views) {
    if (records.has(incomingId) && customers.has(customerId)) pairs.add(incomingId, customerId, view, view);
  }
  const probabilities = pairs.probabilities();
  const quality = qualityReport(pairs.outcomes(probabilities), reported.truePairs.length, cutoffOf);
  return {
    precision: quality.precision,
    recall: quality.recall,
    f1: quality.f1,
    expectedCalibrationError: quality.expectedCalibrationError,
    hardNegativesInExactBand: quality.hardNegativesInExactBand,
    ...(reported.mode === 'dedupe' ? { entityF1: clusteredQuality(reported, probabilities, cutoffOf.matchCutoff).f1 } : {}),
  };
}

/** The full evaluation (as evaluateDataset reports it), then a learning-curve point per label count. */
export async function evaluateLearningCurve(ctx: ServiceContext, dataset: LabelledDataset, options: LearningCurveOptions): Promise<{ result: EvaluationResult; curve: LearningCurve }> {
  const run = await runEvaluation(ctx, dataset, options);
  const split = splitIncoming(dataset.incoming.map((record) => record.id), options.seed);
  const reported = reportedPart(dataset, split.reportHalf);
  const reportIndices = dataset.incoming.flatMap((record, index) => (split.reportHalf.has(record.id) ? [index] : []));

  const labellable = new LabelledPairs(dataset);
  for (const { incomingId, customerId, view } of run.views) if (split.labelHalf.has(incomingId)) labellable.add(incomingId, customerId, view, view);
  const drawOrder = labelDrawOrder(
    labellable.outcomes().map((outcome) => ({ ids: outcome.key.split('\u0000') as [string, string], matchProbability: outcome.matchProbability, isTrueMatch: outcome.isTrueMatch })),
    options.order,
    options.seed,
  );

  const labelOf = pairLabeller(dataset, run.loaded);
  const points: LearningCurvePoint[] = [];
  for (const count of options.labelCounts) {
    const drawn = drawOrder.slice(0, count);
    // More labels asked for than there are pairs: the same labels again would give the same point.
    const same = points.find((point) => point.labels === drawn.length);
    if (same) {
      points.push(same);
      continue;
    }
    options.onPoint?.(count);
    let views = run.views;
    if (drawn.length > 0) {
      await options.estimateWithLabels(ctx, drawn.map((pair) => labelOf(pair.ids, pair.isTrueMatch)));
      views = (await matchRecords(ctx, dataset, run.loaded, reportIndices, run.settings)).views;
    }
    const params = await currentParameters(ctx.db);
    points.push({
      labels: drawn.length,
      labelMatches: drawn.filter((pair) => pair.isTrueMatch).length,
      parametersVersion: params.version,
      calibrated: params.calibration !== undefined,
      ...pointOf(reported, views, run.settings.thresholds, params.calibration),
    });
  }
  return {
    result: run.result,
    curve: {
      seed: options.seed,
      order: options.order,
      labelRecords: split.labelHalf.size,
      reportRecords: split.reportHalf.size,
      labellablePairs: drawOrder.length,
      reportTruePairs: reported.truePairs.length,
      points,
    },
  };
}
