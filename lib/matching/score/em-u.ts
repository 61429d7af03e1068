// u = P(level | non-match) from random pairs (MATCHING.md §2), and its refinement: the random pairs
// weighted by how likely each is a non-match, so the few true pairs among them stay out of u.
import type { ComparisonVector } from '../compare/types';
import { countLevels, declaredLevels, declaredValues, EPSILON, heldAtDeclared, holdLevels, posterior, shares, type LevelTable } from './em-tables';
import { groupMates, type CompiledLimits } from './limits';

/** u per level that fields with a declared prior state before any data (compare/types.ts prior). */
const DECLARED_U = declaredValues('u');

/** Field → its error-rate levels and their declared u (compare/types.ts errorRateLevels). */
const ERROR_RATES = heldAtDeclared((definition) => definition.errorRateLevels, 'u');

/**
 * u per field and level from random pairs. A field no random pair fills (the data never has it)
 * keeps its `fallback` u (the starting parameters') rather than becoming uniform. `weights`
 * (each pair's probability of being a non-match) keep the few true matches among random pairs
 * out of u: in a small or duplicate-dense table they are a large share of the pairs where a rare
 * field (a passport, a birth date) is filled on both sides. The error-rate levels (compare/types.ts)
 * are held at their declared u.
 */
export function estimateU(randomPairVectors: ComparisonVector[], fallback?: LevelTable, weights?: number[]): LevelTable {
  const estimated = estimateUFromPairs(randomPairVectors, fallback, weights);
  return Object.fromEntries(
    Object.entries(estimated).map(([field, levels]) => {
      const held = ERROR_RATES.get(field);
      return [field, held ? holdLevels(held.levels, levels, held.values) : levels];
    }),
  );
}

function estimateUFromPairs(randomPairVectors: ComparisonVector[], fallback?: LevelTable, weights?: number[]): LevelTable {
  const counts = countLevels(randomPairVectors, weights);
  return Object.fromEntries(
    declaredLevels().map(({ field, levels }) => {
      if (counts[field] === undefined) return [field, fallback?.[field] ? { ...fallback[field] } : shares({}, levels)];
      const declared = DECLARED_U.get(field);
      if (!declared) return [field, shares(counts[field], levels)];
      // The declared u (what the field means: how many random pairs share a birth date) counts as
      // U_PRIOR_PAIRS pairs already seen (a Beta / Dirichlet prior): where few random pairs fill a
      // field on both sides (passports in a small table), a handful of agreements — often true
      // duplicates — cannot make a shared birth date look common.
      const total = levels.reduce((sum, level) => sum + (counts[field][level] ?? 0), 0);
      return [
        field,
        Object.fromEntries(
          levels.map((level) => [level, Math.min(1 - EPSILON, Math.max(EPSILON, ((counts[field][level] ?? 0) + U_PRIOR_PAIRS * declared[level]) / (total + U_PRIOR_PAIRS)))]),
        ),
      ];
    }),
  );
}

/**
 * Weight of the declared u, in random pairs. Random samples hold tens of thousands of pairs where
 * a common field is filled on both sides, so it barely moves their u; for a rare field in a
 * small table it keeps u near what the field means until the data has enough pairs to say more.
 */
export const U_PRIOR_PAIRS = 1000;

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
