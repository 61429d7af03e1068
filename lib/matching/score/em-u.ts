// u = P(level | non-match) from random pairs, and its refinement: the random pairs
// weighted by how likely each is a non-match, so the few true pairs among them stay out of u.
import type { ComparisonVector } from '../compare/types';
import { declaredLevels, MATCH_MODEL, perModel, type MatchModel } from '../model';
import { countLevels, declaredValues, EPSILON, heldAtDeclared, holdLevels, posterior, shares, type LevelTable, type WeightedVectors } from './em-tables';
import { groupMates, type CompiledLimits } from './limits';

/**
 * u per level from random pairs, each weighted by its non-match probability so the few true matches
 * among them stay out of u; a field no random pair fills keeps its `fallback` u.
 */
export function estimateU(randomPairVectors: ComparisonVector[], fallback?: LevelTable, weights?: number[], model: MatchModel = MATCH_MODEL): LevelTable {
  const estimated = estimateUFromPairs(randomPairVectors, model, fallback, weights);
  const errorRates = errorRatesOf(model);
  return Object.fromEntries(
    Object.entries(estimated).map(([field, levels]) => {
      const held = errorRates.get(field);
      return [field, held ? holdLevels(held.levels, levels, held.values) : levels];
    }),
  );
}

/** The error-rate levels keep their declared u: random pairs of a table with duplicates cannot estimate it. */
const errorRatesOf = perModel((model) => heldAtDeclared(model, (level) => level.errorRate, 'u'));
const declaredUOf = perModel((model) => declaredValues(model, 'u'));

function estimateUFromPairs(randomPairVectors: ComparisonVector[], model: MatchModel, fallback?: LevelTable, weights?: number[]): LevelTable {
  const counts = countLevels(randomPairVectors, weights);
  const declaredU = declaredUOf(model);
  const priorPairs = model.estimation.uPriorPairs;
  return Object.fromEntries(
    declaredLevels(model).map(({ field, levels }) => {
      if (counts[field] === undefined) return [field, fallback?.[field] ? { ...fallback[field] } : shares({}, levels)];
      const declared = declaredU.get(field);
      if (!declared) return [field, shares(counts[field], levels)];
      // The declared u (what the field means: how many random pairs share a birth date) counts as
      // uPriorPairs pairs already seen (a Beta / Dirichlet prior): where few random pairs fill a
      // field on both sides (passports in a small table), a handful of agreements — often true
      // duplicates — cannot make a shared birth date look common.
      const total = levels.reduce((sum, level) => sum + (counts[field][level] ?? 0), 0);
      return [
        field,
        Object.fromEntries(
          levels.map((level) => [level, Math.min(1 - EPSILON, Math.max(EPSILON, ((counts[field][level] ?? 0) + priorPairs * declared[level]) / (total + priorPairs)))]),
        ),
      ];
    }),
  );
}

export interface RefineContext {
  m: LevelTable;
  u: LevelTable;
  /** λ over all pairs: the prior of a random pair. */
  lambda: number;
  limits: CompiledLimits;
  fallback: LevelTable;
  /** Fields whose u comes from candidates (kept as they are). */
  summaries: string[];
  model: MatchModel;
}

/**
 * u again from the random pairs, each weighted by its probability of being a non-match judged
 * without the field itself, its evidence group and the summary signals: a true pair among the
 * random ones leaves u, while two members of one household (same address, other name and birth
 * date) stay in the address's u, as they should. Judging with the field would be circular.
 */
export function refineU({ vectors: randomVectors, counts }: WeightedVectors, context: RefineContext): LevelTable {
  const { m, u, lambda, limits, fallback, summaries, model } = context;
  const refined: LevelTable = {};
  const weightsByExclusion = new Map<string, number[]>();
  for (const { field } of declaredLevels(model)) {
    if (summaries.includes(field)) {
      refined[field] = u[field];
      continue;
    }
    const key = limits.groupOf.get(field) ?? field;
    if (!weightsByExclusion.has(key)) {
      const excluded = new Set([...groupMates(field, limits), ...summaries]);
      weightsByExclusion.set(key, randomVectors.map((vector, index) => (1 - posterior(vector, m, u, lambda, excluded, limits)) * counts[index]));
    }
    refined[field] = estimateU(randomVectors, fallback, weightsByExclusion.get(key), model)[field];
  }
  return refined;
}
