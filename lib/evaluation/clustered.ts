// Entity-level figures for dedupe data sets: records are clustered from the scored pairs (single link
// at the cut-off, refusing joins across hard conflicts — lib/matching/cluster.ts), and every pair
// inside an entity counts as predicted. Reported beside the pairwise figures, never instead of them.
import type { LabelledDataset } from './datasets/types';
import { orderedPair } from './datasets/types';
import { clusterRecords, hardConflict, pairsWithinClusters } from '../matching/cluster';
import { pairFigures, type PairFigures } from './metrics';
import { normalizeRecord } from '../matching/normalize/record';

export interface ClusteredQuality extends PairFigures {
  entities: number;
  /** Known must-not-merge pairs that ended up in one entity. */
  hardNegativesMerged: number;
}

function predictedPairs(dataset: LabelledDataset, bestByPair: Map<string, number>, cutoff: number) {
  // A link set's pairs join two lists; its records are not all among the customers clustered here.
  if (dataset.mode !== 'dedupe') throw new Error(`${dataset.name} is a link data set: entities are clustered for dedupe sets only`);
  const records = dataset.customers;
  const indexOf = new Map(records.map((record, index) => [record.id, index]));
  const normalized = records.map((record) => normalizeRecord(record));
  const links = [...bestByPair.entries()].map(([key, probability]) => {
    const [a, b] = key.split('\u0000');
    return { a: indexOf.get(a)!, b: indexOf.get(b)!, probability };
  });
  const { clusters } = clusterRecords(records.length, links, cutoff, (a, b) => hardConflict(normalized[a], normalized[b]) !== null);
  const predicted = new Set(pairsWithinClusters(clusters).map(([a, b]) => orderedPair(records[a].id, records[b].id).join('\u0000')));
  return { predicted, entities: clusters.length };
}

/** `bestByPair` maps "idA\0idB" (ordered) to the probability of that pair. */
export function clusteredQuality(dataset: LabelledDataset, bestByPair: Map<string, number>, cutoff: number): ClusteredQuality {
  const { predicted, entities } = predictedPairs(dataset, bestByPair, cutoff);
  const truth = new Set(dataset.truePairs.map(([a, b]) => orderedPair(a, b).join('\u0000')));
  const truePositives = [...predicted].filter((pair) => truth.has(pair)).length;
  const hardNegativesMerged = (dataset.hardNegativePairs ?? []).filter(([a, b]) => predicted.has(orderedPair(a, b).join('\u0000'))).length;
  return { entities, ...pairFigures(truePositives, predicted.size, truth.size), hardNegativesMerged };
}

/** Diagnostics: the pairs the entities get wrong, as ordered id pairs. */
export function clusteredErrors(dataset: LabelledDataset, bestByPair: Map<string, number>, cutoff: number): { falsePositives: Array<[string, string]>; falseNegatives: Array<[string, string]> } {
  const { predicted } = predictedPairs(dataset, bestByPair, cutoff);
  const split = (key: string) => key.split('\u0000') as [string, string];
  const truth = new Set(dataset.truePairs.map(([a, b]) => orderedPair(a, b).join('\u0000')));
  return {
    falsePositives: [...predicted].filter((key) => !truth.has(key)).sort().map(split),
    falseNegatives: [...truth].filter((key) => !predicted.has(key)).sort().map(split),
  };
}
