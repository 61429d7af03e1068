// Re-estimates the model on the data in the database: u from random pairs, m and λ by EM over the pairs
// that candidate generation finds, each field's m from blocks not chosen on that field (the model's
// channels say which). Steward decisions, where there are any, are labels held fixed in EM
// (semi-supervised EM). The estimate is stored as the new active parameter version.
import { sampleCustomers, sampleIncoming, tableCounts } from '../db/queries/samples';
import type { Customer, IncomingCustomer } from '../db/schema';
import { cosineSimilarity } from '../embeddings/local';
import { comparePair } from '../matching/compare/compare-pair';
import type { ComparisonVector } from '../matching/compare/types';
import { normalizeRecord } from '../matching/normalize/record';
import { MATCH_MODEL, type CandidateChannel, type MatchModel } from '../matching/model';
import { compareCandidates } from '../matching/pipeline';
import { estimateParameters, trainingBlocks } from '../matching/score/em';
import { fitCalibration } from '../matching/score/calibration';
import { scoreComparison } from '../matching/score/score';
import type { MatchParameters } from '../matching/score/params';
import { AppError } from '../errors';
import type { ServiceContext } from './context';
import { matchSettings } from './matching-settings';
import { currentParameters, storeParameters } from './parameters';
import { databaseCandidates } from './scoring';
import { labelCandidates, pairKey, stewardLabels, type PairLabel } from './estimation-labels';

/** Below this, candidate and random pairs are too few for EM to say anything the defaults do not. */
export const MIN_CUSTOMERS_FOR_ESTIMATE = 100;

/** Candidate pairs EM learns m from: about what 2,000 records give at tens of thousands of customers. */
export const DEFAULT_MAX_CANDIDATE_PAIRS = 50_000;

export interface EstimationOptions {
  /** Records whose candidates feed EM (default 2,000). */
  sampleSize?: number;
  /**
   * Stop sampling records once their candidates make this many pairs (default 50,000): a large table
   * gives each record more candidates, and EM needs pairs, not records, so the work stays bounded.
   */
  maxCandidatePairs?: number;
  /** Records searched at once (default 1; PostgreSQL serves several connections, PGlite one). */
  concurrency?: number;
  /** Records per side for the random-pair u estimate (pairs = side², default 320 → ~100k pairs). */
  randomSide?: number;
  source: string;
  /**
   * Which pairs EM learns from: incoming records against customers (link), or customers among
   * themselves (dedupe). Default: link when there are incoming records, else dedupe. An evaluation
   * of a dedupe data set loads every record as a customer and again as incoming: it says dedupe, or
   * each record would meet its own copy, a perfect "match" in the candidates and in the random pairs.
   */
  mode?: 'link' | 'dedupe';
  model?: MatchModel;
  /**
   * Judged pairs, held at their class in EM. Default: the steward decisions in the database (accept and
   * merge = match, reject = not) when learning link pairs; none for dedupe, whose pairs are customer × customer.
   */
  labels?: readonly PairLabel[];
  onProgress?: (done: number, total: number) => void;
}

export interface EstimationSummary {
  parametersId: number;
  parameters: MatchParameters;
  iterations: number;
  converged: boolean;
  candidatePairs: number;
  randomPairs: number;
  sampledRecords: number;
  mode: 'link' | 'dedupe';
  /** Labels used (their pairs among the candidates), and labels whose pair is no longer a candidate. */
  labels: { matches: number; nonMatches: number; notCandidates: number };
  /** Wall time of the candidate search over the sample, of the random pairs, and of EM itself (ms). */
  timings: { candidatesMs: number; randomPairsMs: number; emMs: number };
}

function randomPairVectors(left: Array<Customer | IncomingCustomer>, right: Customer[], dedupe: boolean, model: MatchModel): ComparisonVector[] {
  const normalizedRight = right.map((row) => normalizeRecord(row));
  const vectors: ComparisonVector[] = [];
  for (const a of left) {
    const normalizedA = normalizeRecord(a);
    right.forEach((b, index) => {
      if (dedupe && a.id === b.id) return;
      const cosine = (x: number[] | null, y: number[] | null) => (x && y ? cosineSimilarity(x, y) : null);
      vectors.push(
        comparePair(
          normalizedA,
          normalizedRight[index],
          { nameCosine: cosine(a.companyNameEmbedding, b.companyNameEmbedding), profileCosine: cosine(a.fullProfileEmbedding, b.fullProfileEmbedding) },
          undefined,
          model,
        ),
      );
    });
  }
  return vectors;
}

export async function estimateParametersFromDatabase(ctx: ServiceContext, options: EstimationOptions): Promise<EstimationSummary> {
  const sampleSize = options.sampleSize ?? 2000;
  const randomSide = options.randomSide ?? 320;
  const counts = await tableCounts(ctx.db);
  if (counts.customers < MIN_CUSTOMERS_FOR_ESTIMATE) {
    throw new AppError(
      'validation_failed',
      `Estimation needs at least ${MIN_CUSTOMERS_FOR_ESTIMATE} customers (there are ${counts.customers}); with fewer, EM has too few pairs to learn from and the shipped defaults stay in force.`,
    );
  }
  // With incoming records, learn how incoming relates to customers; without, how customers duplicate each other.
  const mode = options.mode ?? (counts.incoming > 0 ? 'link' : 'dedupe');
  const records: Array<Customer | IncomingCustomer> = mode === 'link' ? await sampleIncoming(ctx.db, sampleSize, 'em') : await sampleCustomers(ctx.db, sampleSize, 'em');

  const model = options.model ?? MATCH_MODEL;
  const { limits } = matchSettings();
  const started = performance.now();
  const candidateVectors: ComparisonVector[] = [];
  const channelsOfVector: CandidateChannel[][] = [];
  const vectorsOfPair = new Map<string, ComparisonVector[]>();
  const maxPairs = options.maxCandidatePairs ?? DEFAULT_MAX_CANDIDATE_PAIRS;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  let searched = 0;
  // Several records at a time, their pairs added in sample order: the result does not depend on the concurrency.
  while (searched < records.length && candidateVectors.length < maxPairs) {
    const batch = records.slice(searched, searched + concurrency);
    const found = await Promise.all(
      batch.map((record) => databaseCandidates(ctx.db, { record, matchData: record, excludeCustomerIds: mode === 'dedupe' ? [record.id] : undefined }, limits)),
    );
    for (const [index, record] of batch.entries()) {
      for (const candidate of compareCandidates(found[index].incoming, found[index].candidates, { model, termFrequency: found[index].termFrequency })) {
        candidateVectors.push(candidate.vector);
        channelsOfVector.push(candidate.channels);
        const key = pairKey(record.id, candidate.customer.id, mode);
        vectorsOfPair.set(key, [...(vectorsOfPair.get(key) ?? []), candidate.vector]);
      }
    }
    searched += batch.length;
    options.onProgress?.(searched, records.length);
  }
  const pairLabels = options.labels ?? (mode === 'link' ? await stewardLabels(ctx.db) : []);
  const labelled = await labelCandidates({ db: ctx.db, mode, model, limits }, pairLabels, vectorsOfPair);
  for (const { vector, channels } of labelled.added) {
    candidateVectors.push(vector);
    channelsOfVector.push(channels);
  }

  const candidatesDone = performance.now();
  const randomLeft = records.slice(0, randomSide);
  const randomRight = await sampleCustomers(ctx.db, randomSide, 'u');
  const randomVectors = randomPairVectors(randomLeft, randomRight, mode === 'dedupe', model);
  const randomDone = performance.now();
  const blocks = trainingBlocks(model, candidateVectors, channelsOfVector);
  // λ for any pair: scale the candidate share by all the pairs that could have been compared.
  const totalPairs = mode === 'dedupe' ? (counts.customers * (counts.customers - 1)) / 2 : counts.customers * counts.incoming;
  const initial = await currentParameters(ctx.db);
  const version = `em-${options.source}-${new Date().toISOString()}`;
  const estimateOptions = { model, candidateVectors, randomVectors, initial, blocks, totalPairs, version };
  const estimate = estimateParameters({ ...estimateOptions, labels: labelled.labels });
  const emDone = performance.now();
  const labelledPairs = [...labelled.pairs.values()];
  const labelMatches = labelledPairs.filter((pair) => pair.isMatch).length;
  const labelCounts = { matches: labelMatches, nonMatches: labelledPairs.length - labelMatches, notCandidates: labelled.notCandidates };
  // With enough decisions the shown probability is re-read from the weight as stewards decided (Platt scaling).
  // One observation per decided pair (a dedupe pair has a vector from each side but one decision).
  const calibration = fitCalibration(
    labelledPairs.map(({ vector }) => scoreComparison(vector, estimate.parameters, { model }).matchWeight),
    labelledPairs.map(({ isMatch }) => isMatch),
  );
  const parameters: MatchParameters = {
    ...estimate.parameters,
    ...(calibration ? { calibration } : {}),
    training: {
      ...(estimate.parameters.training ?? { method: 'em' }),
      // EM counts labelled vectors; the record keeps decisions, one per pair as above.
      ...(estimate.parameters.training?.labels ? { labels: { matches: labelCounts.matches, nonMatches: labelCounts.nonMatches } } : {}),
      dataset: options.source,
      customers: counts.customers,
      createdAt: new Date().toISOString(),
      candidatePairs: candidateVectors.length,
      randomPairs: randomVectors.length,
    },
  };
  const parametersId = await storeParameters(ctx.db, parameters, options.source, {
    mode,
    sampled_records: searched,
    candidate_pairs: candidateVectors.length,
    random_pairs: randomVectors.length,
    iterations: estimate.iterations,
    converged: estimate.converged,
    ...(pairLabels.length > 0 ? { labels: labelCounts } : {}),
  });
  return {
    parametersId,
    parameters,
    iterations: estimate.iterations,
    converged: estimate.converged,
    candidatePairs: candidateVectors.length,
    randomPairs: randomVectors.length,
    sampledRecords: searched,
    mode,
    labels: labelCounts,
    timings: { candidatesMs: candidatesDone - started, randomPairsMs: randomDone - candidatesDone, emMs: emDone - randomDone },
  };
}
