// u = P(level | non-match) from random pairs (MATCHING.md §2), and its refinement: the random pairs
// weighted by how likely each is a non-match, so the few true pairs among them stay out of u.
import type { ComparisonVector } from '../compare/types';
import { countLevels, declaredLevels, posterior, shares, type LevelTable } from './em-tables';
import { groupMates, type CompiledLimits } from './limits';

/**
 * u per field and level from random pairs. A field no random pair fills (the data never has it)
 * keeps its `fallback` u (the starting parameters') rather than becoming uniform. `weights`
 * (each pair's probability of being a non-match) keep the few true matches among random pairs
 * out of u: in a small or duplicate-dense table they are a large share of the pairs where a rare
 * field (a passport, a birth date) is filled on both sides.
 */
export function estimateU(randomPairVectors: ComparisonVector[], fallback?: LevelTable, weights?: number[]): LevelTable {
  const counts = countLevels(randomPairVectors, weights);
  return Object.fromEntries(
    declaredLevels().map(({ field, levels }) => [
      field,
      counts[field] === undefined && fallback?.[field] ? { ...fallback[field] } : shares(counts[field] ?? {}, levels),
    ]),
  );
}

export interface RefineContext {
  m: LevelTable;
  u: LevelTable;
  /** λ over all pairs: the prior of a random pair. */
  lambda: number;
  limits: CompiledLimits;
  /** u among pairs that share a contact point (see compare/types.ts uGivenSharedContact). */
  uShared?: LevelTable;
  fallback: LevelTable;
  /** Fields whose u comes from candidates (kept as they are). */
  summaries: string[];
}

/**
 * u again from the random pairs, each weighted by its probability of being a non-match judged
 * without the field itself, its evidence group and the summary signals: a true pair among the
 * random ones leaves u, while two members of one household (same address, other name and birth
 * date) stay in the address's u, as they should. Judging with the field would be circular.
 */
export function refineU(randomVectors: ComparisonVector[], context: RefineContext): LevelTable {
  const { m, u, uShared, lambda, limits, fallback, summaries } = context;
  const refined: LevelTable = {};
  const weightsByExclusion = new Map<string, number[]>();
  for (const { field } of declaredLevels()) {
    if (summaries.includes(field)) {
      refined[field] = u[field];
      continue;
    }
    const key = limits.groupOf.get(field) ?? field;
    if (!weightsByExclusion.has(key)) {
      const excluded = new Set([...groupMates(field, limits), ...summaries]);
      weightsByExclusion.set(key, randomVectors.map((vector) => 1 - posterior(vector, m, u, lambda, excluded, limits, uShared)));
    }
    refined[field] = estimateU(randomVectors, fallback, weightsByExclusion.get(key))[field];
  }
  return refined;
}
