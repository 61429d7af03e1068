// A plain textbook record linker, kept as a yardstick for the product's engine: raw lower-cased
// strings, Jaro-Winkler levels, token blocking, u from random pairs, m and λ by EM, cut at p.
import type { LabelledDataset, LabelledRecord } from '@/lib/evaluation/datasets/types';
import { Random } from '@/lib/evaluation/sample/random';
import { BLOCKING_CHANNELS, BLOCKING_DEFAULTS, tokenBlocking, type BlockingChannel, type BlockingSettings, type CandidatePair } from './blocking';
import { BASELINE_FIELDS, compareRecords, type ComparisonVector, type FieldComparison } from './comparisons';
import { EM_DEFAULTS, estimateParameters, estimateU, matchProbability, type EmSettings, type FellegiSunterParameters } from './fellegi-sunter';

export interface BaselineSettings {
  fields: readonly FieldComparison[];
  blocking: BlockingSettings;
  em: EmSettings;
  /** Random pairs drawn for u; enough that a 1-in-10,000 agreement is seen a few times. */
  randomPairs: number;
  randomSeed: number;
}

export const BASELINE_DEFAULTS: BaselineSettings = {
  fields: BASELINE_FIELDS,
  blocking: BLOCKING_DEFAULTS,
  em: EM_DEFAULTS,
  randomPairs: 100_000,
  randomSeed: 7,
};

export interface ScoredCandidate {
  incomingId: string;
  customerId: string;
  matchProbability: number;
}

export interface BaselineResult {
  candidates: ScoredCandidate[];
  parameters: FellegiSunterParameters;
  iterations: number;
  sessionIterations: number[];
  converged: boolean;
  cappedIncoming: number;
}

function randomPairVectors(dataset: LabelledDataset, settings: BaselineSettings): ComparisonVector[] {
  const random = new Random(settings.randomSeed, 'baseline-random-pairs');
  const dedupe = dataset.mode === 'dedupe';
  const vectors: ComparisonVector[] = [];
  for (let drawn = 0; drawn < settings.randomPairs; drawn += 1) {
    const incoming = random.pick(dataset.incoming);
    const customer = random.pick(dataset.customers);
    if (dedupe && incoming === customer) continue;
    vectors.push(compareRecords(incoming, customer, settings.fields));
  }
  return vectors;
}

/** Expected matches among the candidates: at most one customer per incoming record. */
function initialLambda(dataset: LabelledDataset, candidates: number): number {
  const expected = dataset.mode === 'dedupe' ? dataset.customers.length / 2 : Math.min(dataset.incoming.length, dataset.customers.length);
  return Math.min(0.5, Math.max(1e-6, expected / Math.max(1, candidates)));
}

/** The key the labels use: link pairs as [incoming, customer], dedupe pairs ordered. */
function pairIds(dataset: LabelledDataset, pair: CandidatePair): [string, string] {
  const a: LabelledRecord = dataset.incoming[pair.incoming];
  const b: LabelledRecord = dataset.customers[pair.customer];
  return dataset.mode === 'dedupe' && b.id < a.id ? [b.id, a.id] : [a.id, b.id];
}

/** One training session per blocking channel: its pairs, with the channel's own fields left out. */
function trainingSessions(pairs: CandidatePair[], vectors: ComparisonVector[], fields: readonly FieldComparison[]) {
  return (Object.keys(BLOCKING_CHANNELS) as BlockingChannel[]).map((channel) => {
    const blockedOn: ReadonlyArray<string> = BLOCKING_CHANNELS[channel];
    return {
      vectors: vectors.filter((_, index) => pairs[index].channels.has(channel)),
      blockedFields: fields.map((comparison) => blockedOn.includes(comparison.field)),
    };
  });
}

export function runBaseline(dataset: LabelledDataset, settings: BaselineSettings = BASELINE_DEFAULTS): BaselineResult {
  const blocked = tokenBlocking(dataset.incoming, dataset.customers, dataset.mode === 'dedupe', settings.blocking);
  const vectors = blocked.pairs.map((pair) => compareRecords(dataset.incoming[pair.incoming], dataset.customers[pair.customer], settings.fields));
  const u = estimateU(randomPairVectors(dataset, settings), settings.fields.map((field) => field.levels.length));
  const lambda = initialLambda(dataset, vectors.length);
  const estimate = estimateParameters(trainingSessions(blocked.pairs, vectors, settings.fields), vectors, u, lambda, settings.em);
  const candidates = blocked.pairs.map((pair, index) => {
    const [incomingId, customerId] = pairIds(dataset, pair);
    return { incomingId, customerId, matchProbability: matchProbability(vectors[index], estimate.parameters) };
  });
  return {
    candidates,
    parameters: estimate.parameters,
    iterations: estimate.iterations,
    sessionIterations: estimate.sessionIterations,
    converged: estimate.converged,
    cappedIncoming: blocked.cappedIncoming,
  };
}
