// Evaluation: load a labelled data set into a (fresh) database, run the real matching service on every
// incoming record, and score the outcome against the truth (docs/evaluation.md).
import type { LabelledDataset, LabelledRecord } from '../evaluation/datasets/types';
import { clusteredQuality, type ClusteredQuality } from '../evaluation/clustered';
import { qualityReport, type QualityReport } from '../evaluation/metrics';
import type { CustomerFields } from '../schemas/customer';
import type { ServiceContext } from './context';
import { createCustomersBulk } from './customers';
import { submitIncomingBulk } from './incoming';
import { matchIncoming } from './matching';
import { LabelledPairs, type ScoredView } from '../evaluation/pair-outcomes';
import { matchSettings, type MatchSettings } from './matching-settings';
import { currentParameters } from './parameters';

export type EvaluationPhase = 'load customers' | 'load incoming' | 'estimate' | 'match';

export interface EvaluationOptions {
  settings?: MatchSettings;
  /** Runs between loading and matching (e.g. EM estimation on the loaded data). */
  beforeMatching?: (ctx: ServiceContext) => Promise<void>;
  onPhase?: (phase: EvaluationPhase, total: number) => void;
  onProgress?: (phase: EvaluationPhase, done: number) => void;
}

export interface EvaluationResult {
  dataset: { name: string; mode: LabelledDataset['mode']; customers: number; incoming: number; truePairs: number; notes: string[] };
  parametersVersion: string;
  thresholds: MatchSettings['thresholds'];
  quality: QualityReport;
  /** Dedupe data sets only: figures after clustering the scored pairs into entities. */
  clustered?: ClusteredQuality;
  candidateCap: { recordsCapped: number };
  timings: { loadCustomersMs: number; loadIncomingMs: number; estimateMs: number; matchMs: number; perRecordMs: { mean: number; p50: number; p95: number; max: number } };
}

/** A labelled record as the customer fields the services take (source id = the data set's id). */
export function toInput(record: LabelledRecord): CustomerFields {
  return {
    companyName: record.companyName ?? null,
    contactName: record.contactName ?? null,
    email: record.email ?? null,
    phone: record.phone ?? null,
    addressLine1: record.addressLine1 ?? null,
    addressLine2: record.addressLine2 ?? null,
    city: record.city ?? null,
    state: record.state ?? null,
    postalCode: record.postalCode ?? null,
    country: record.country ?? null,
    industry: record.industry ?? null,
    revenue: record.revenue ?? null,
    employeeCount: record.employeeCount ?? null,
    website: record.website ?? null,
    description: record.description ?? null,
    dateOfBirth: record.dateOfBirth ?? null,
    identifiers: record.identifiers?.map((identifier) => ({ ...identifier, country: identifier.country ?? null })) ?? null,
    sourceSystem: 'eval',
    sourceId: record.id,
  };
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, Math.round(performance.now() - started)];
}

/** Where the data set's records went in the database. */
export interface LoadedDataset {
  customerIds: number[];
  incomingIds: number[];
  datasetIdOfCustomer: Map<number, string>;
  customerIdOfDataset: Map<string, number>;
}

/** One scored candidate of one incoming record, by data set ids: what pair figures are computed from. */
export interface ScoredPairView {
  incomingId: string;
  customerId: string;
  view: ScoredView;
}

export interface MatchedRecords {
  views: ScoredPairView[];
  perRecordMs: number[];
  recordsCapped: number;
}

/** Matches the incoming records at `indices` with the real matching service (stored results and all). */
export async function matchRecords(
  ctx: ServiceContext,
  dataset: LabelledDataset,
  loaded: LoadedDataset,
  indices: readonly number[],
  settings: MatchSettings,
  onDone?: (done: number) => void,
): Promise<MatchedRecords> {
  const views: ScoredPairView[] = [];
  const perRecordMs: number[] = [];
  let recordsCapped = 0;
  for (const [done, i] of indices.entries()) {
    const incomingDatasetId = dataset.incoming[i].id;
    const self = dataset.mode === 'dedupe' ? loaded.customerIdOfDataset.get(incomingDatasetId) : undefined;
    const started = performance.now();
    const outcome = await matchIncoming(ctx, loaded.incomingIds[i], { settings, excludeCustomerIds: self === undefined ? [] : [self] });
    perRecordMs.push(performance.now() - started);
    if (outcome.capped) recordsCapped += 1;
    for (const scored of outcome.scored) views.push({ incomingId: incomingDatasetId, customerId: loaded.datasetIdOfCustomer.get(scored.customerId)!, view: scored });
    onDone?.(done + 1);
  }
  return { views, perRecordMs, recordsCapped };
}

/** The evaluation and what a follow-up on the same database needs: where the records went and every scored pair. */
export interface EvaluationRun {
  result: EvaluationResult;
  loaded: LoadedDataset;
  views: ScoredPairView[];
  settings: MatchSettings;
}

export async function runEvaluation(ctx: ServiceContext, dataset: LabelledDataset, options: EvaluationOptions = {}): Promise<EvaluationRun> {
  const settings = options.settings ?? matchSettings();
  const phase = (name: EvaluationPhase, total: number) => options.onPhase?.(name, total);
  const progress = (name: EvaluationPhase) => (done: number) => options.onProgress?.(name, done);

  phase('load customers', dataset.customers.length);
  const [customerIds, loadCustomersMs] = await timed(() =>
    createCustomersBulk(ctx, dataset.customers.map(toInput), { onProgress: progress('load customers') }),
  );
  const datasetIdOfCustomer = new Map(customerIds.map((id, i) => [id, dataset.customers[i].id]));
  const customerIdOfDataset = new Map(customerIds.map((id, i) => [dataset.customers[i].id, id]));

  phase('load incoming', dataset.incoming.length);
  const [incomingIds, loadIncomingMs] = await timed(() =>
    submitIncomingBulk(ctx, dataset.incoming.map(toInput), { onProgress: progress('load incoming') }),
  );
  const loaded: LoadedDataset = { customerIds, incomingIds, datasetIdOfCustomer, customerIdOfDataset };

  phase('estimate', 1);
  const [, estimateMs] = await timed(async () => options.beforeMatching?.(ctx));
  const params = await currentParameters(ctx.db);

  phase('match', incomingIds.length);
  const matchStarted = performance.now();
  const matched = await matchRecords(ctx, dataset, loaded, incomingIds.map((_, i) => i), settings, progress('match'));
  const matchMs = Math.round(performance.now() - matchStarted);
  const pairs = new LabelledPairs(dataset, params.calibration);
  for (const { incomingId, customerId, view } of matched.views) pairs.add(incomingId, customerId, view, view);
  const bestByPair = pairs.probabilities();
  const outcomes = pairs.outcomes(bestByPair);
  const sorted = [...matched.perRecordMs].sort((a, b) => a - b);
  const round1 = (value: number) => Math.round(value * 10) / 10;
  const result: EvaluationResult = {
    dataset: {
      name: dataset.name,
      mode: dataset.mode,
      customers: dataset.customers.length,
      incoming: dataset.incoming.length,
      truePairs: dataset.truePairs.length,
      notes: dataset.notes,
    },
    parametersVersion: params.version,
    thresholds: settings.thresholds,
    quality: qualityReport(outcomes, dataset.truePairs.length, settings.thresholds),
    ...(dataset.mode === 'dedupe' ? { clustered: clusteredQuality(dataset, bestByPair, settings.thresholds.matchCutoff) } : {}),
    candidateCap: { recordsCapped: matched.recordsCapped },
    timings: {
      loadCustomersMs,
      loadIncomingMs,
      estimateMs,
      matchMs,
      perRecordMs: {
        mean: round1(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
        p50: round1(percentile(sorted, 0.5)),
        p95: round1(percentile(sorted, 0.95)),
        max: round1(sorted[sorted.length - 1] ?? 0),
      },
    },
  };
  return { result, loaded, views: matched.views, settings };
}

export async function evaluateDataset(ctx: ServiceContext, dataset: LabelledDataset, options: EvaluationOptions = {}): Promise<EvaluationResult> {
  return (await runEvaluation(ctx, dataset, options)).result;
}
