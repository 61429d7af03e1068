// Nearest-neighbour candidate recall: HNSW at several ef_search values against an exact scan, for the
// same query embeddings. A hit counts when it is as near as the k-th exact neighbour (ties are not misses).
import type { Database } from '../db/client';
import { nearestNeighbours, type EmbeddingColumn, type Neighbour } from '../db/queries/bench';
import { summarize, timeMs, type LatencySummary } from './stats';

export interface RecallPoint {
  efSearch: number;
  recall: number;
  /** Share of queries whose k nearest were all found. */
  perfectShare: number;
  /** Recall of the exact neighbours with cosine similarity ≥ NEAR_SIMILARITY: the ones that can matter for a match. */
  nearRecall: number;
  latency: LatencySummary;
}

export interface RecallCurve {
  column: EmbeddingColumn;
  k: number;
  queries: number;
  exactLatency: LatencySummary;
  points: RecallPoint[];
}

/** Floating-point slack when comparing an approximate hit's distance with the k-th exact distance. */
const DISTANCE_EPSILON = 1e-9;

/**
 * The local embedder hashes n-grams: most customers are nearly orthogonal to a query, so the tail of the
 * top k is ties among unrelated records. Neighbours at least this similar are the ones worth finding.
 */
export const NEAR_SIMILARITY = 0.5;

export function recallAt(exact: readonly Neighbour[], approximate: readonly Neighbour[], k: number): number {
  const wanted = Math.min(k, exact.length);
  if (wanted === 0) return 1;
  const kthDistance = exact[wanted - 1].distance;
  const found = approximate.filter((hit) => hit.distance <= kthDistance + DISTANCE_EPSILON).length;
  return Math.min(found, wanted) / wanted;
}

/**
 * Recall restricted to the exact neighbours within maxDistance, by distance as recallAt (customers with
 * identical vectors are interchangeable); null when the query has none.
 */
export function nearRecallAt(exact: readonly Neighbour[], approximate: readonly Neighbour[], maxDistance: number): number | null {
  const within = (hits: readonly Neighbour[]) => hits.filter((hit) => hit.distance <= maxDistance + DISTANCE_EPSILON).length;
  const wanted = within(exact);
  return wanted === 0 ? null : Math.min(within(approximate), wanted) / wanted;
}

export async function recallCurve(
  db: Database,
  column: EmbeddingColumn,
  queries: number[][],
  options: { k: number; efValues: number[] },
  onProgress?: (done: number) => void,
): Promise<RecallCurve> {
  const exactTimes: number[] = [];
  const perEf = new Map(options.efValues.map((ef) => [ef, { recalls: [] as number[], nearRecalls: [] as number[], times: [] as number[] }]));
  for (const [index, embedding] of queries.entries()) {
    const exact = await timeMs(() => nearestNeighbours(db, column, embedding, options.k, { exact: true }));
    exactTimes.push(exact.ms);
    for (const efSearch of options.efValues) {
      const approximate = await timeMs(() => nearestNeighbours(db, column, embedding, options.k, { exact: false, efSearch }));
      perEf.get(efSearch)!.recalls.push(recallAt(exact.value, approximate.value, options.k));
      const near = nearRecallAt(exact.value, approximate.value, 1 - NEAR_SIMILARITY);
      if (near !== null) perEf.get(efSearch)!.nearRecalls.push(near);
      perEf.get(efSearch)!.times.push(approximate.ms);
    }
    onProgress?.(index + 1);
  }
  return {
    column,
    k: options.k,
    queries: queries.length,
    exactLatency: summarize(exactTimes),
    points: options.efValues.map((efSearch) => {
      const { recalls, nearRecalls, times } = perEf.get(efSearch)!;
      const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN);
      return { efSearch, recall: mean(recalls), perfectShare: recalls.filter((value) => value === 1).length / Math.max(1, recalls.length), nearRecall: mean(nearRecalls), latency: summarize(times) };
    }),
  };
}

/** The smallest ef_search whose recall reaches the target on every column measured, or null when none does. */
export function chooseEfSearch(curves: readonly RecallCurve[], target: number): number | null {
  const efValues = [...new Set(curves.flatMap((curve) => curve.points.map((point) => point.efSearch)))].sort((a, b) => a - b);
  return efValues.find((ef) => curves.every((curve) => (curve.points.find((point) => point.efSearch === ef)?.recall ?? 0) >= target)) ?? null;
}
