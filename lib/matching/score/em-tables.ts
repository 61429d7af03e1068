// Level tables shared by the estimators: per field and level a number (an m, a u, or a count),
// counted from comparison vectors, and the posterior match probability of one pair.
import { NULL_LEVEL, type ComparisonVector } from '../compare/types';
import type { ComparisonLevel } from '../compare/types';
import type { MatchModel } from '../model';
import { limitedSum, rulesPairOut, type CompiledLimits } from './limits';
import { bayesFactorBits, probabilityFromWeight } from './score';

export type LevelTable = Record<string, Record<string, number>>;

export const EPSILON = 1e-6;

/** Normalised level shares with additive smoothing (half a pair per level), clamped inside (0,1). */
export function shares(counts: Record<string, number>, levels: readonly string[], pseudo = 0.5): Record<string, number> {
  const total = levels.reduce((sum, level) => sum + (counts[level] ?? 0), 0) + pseudo * levels.length;
  return Object.fromEntries(
    levels.map((level) => [level, Math.min(1 - EPSILON, Math.max(EPSILON, ((counts[level] ?? 0) + pseudo) / total))]),
  );
}

/** Weighted count of each non-null level per field. */
export function countLevels(vectors: ComparisonVector[], weights?: number[]): LevelTable {
  const table: LevelTable = {};
  vectors.forEach((vector, index) => {
    const weight = weights ? weights[index] : 1;
    for (const { field, level } of vector.comparisons) {
      if (level === NULL_LEVEL) continue;
      table[field] ??= {};
      table[field][level] = (table[field][level] ?? 0) + weight;
    }
  });
  return table;
}

/** The match probability of a pair under m/u/λ, with the same weight limits as the scorer. */
export function posterior(vector: ComparisonVector, m: LevelTable, u: LevelTable, lambda: number, excluded: Set<string>, limits: CompiledLimits): number {
  const fields: string[] = [];
  const weights: number[] = [];
  for (const { field, level } of vector.comparisons) {
    if (level === NULL_LEVEL || excluded.has(field) || !m[field]?.[level]) continue;
    const levelU = u[field]?.[level];
    if (!levelU) continue;
    fields.push(field);
    weights.push(bayesFactorBits(m[field][level], levelU));
  }
  const sum = limitedSum(fields, weights, limits);
  // As the scorer does (score.ts ruledOut): a pair a level rules out (Jr against Sr) is no more likely than the prior.
  const ruledOut = vector.comparisons.some(({ field, level }) => rulesPairOut(limits, field, level));
  return probabilityFromWeight(bayesFactorBits(lambda, 1 - lambda) + (ruledOut ? Math.min(sum, 0) : sum));
}

/** `values` with the `held` levels at their `start` values and the other levels scaled to share the rest. */
export function holdLevels(held: ReadonlySet<string> | undefined, values: Record<string, number>, start: Record<string, number>): Record<string, number> {
  if (!held) return values;
  const levels = Object.keys(values);
  const heldMass = levels.filter((level) => held.has(level)).reduce((sum, level) => sum + start[level], 0);
  const freeMass = levels.filter((level) => !held.has(level)).reduce((sum, level) => sum + values[level], 0);
  if (freeMass <= 0 || heldMass >= 1) return values;
  const scale = (1 - heldMass) / freeMass;
  return Object.fromEntries(levels.map((level) => [level, held.has(level) ? start[level] : values[level] * scale]));
}

/** Per comparison whose levels declare a prior, the declared m or u of each level. */
export function declaredValues(model: MatchModel, key: 'm' | 'u'): Map<string, Record<string, number>> {
  return new Map(
    model.comparisons
      .filter((definition) => definition.levels.every((level) => level.prior))
      .map((definition) => [definition.field, Object.fromEntries(definition.levels.map((level) => [level.name, level.prior![key]]))]),
  );
}

/** Per comparison with a declared prior, the levels `pick` flags (when any) with the declared m or u they are held at. */
export function heldAtDeclared(model: MatchModel, pick: (level: ComparisonLevel) => boolean | undefined, key: 'm' | 'u'): Map<string, { levels: Set<string>; values: Record<string, number> }> {
  const declared = declaredValues(model, key);
  const held = new Map<string, { levels: Set<string>; values: Record<string, number> }>();
  for (const definition of model.comparisons) {
    const levels = definition.levels.filter((level) => pick(level)).map((level) => level.name);
    const values = declared.get(definition.field);
    if (levels.length && values) held.set(definition.field, { levels: new Set(levels), values });
  }
  return held;
}

/** Distinct comparison vectors with how many pairs each stands for. */
export interface WeightedVectors {
  vectors: ComparisonVector[];
  counts: number[];
}

/**
 * Pairs with the same level in every field have the same posterior and add to the same counts, so EM
 * runs on each distinct pattern once, weighted by how many pairs share it (as Splink does): at 100k
 * customers 200,000 pairs are a few thousand patterns. A labelled pair keeps its own entry (its label
 * is keyed by the vector). The estimates are those of the pairs one by one.
 */
export function compressVectors(vectors: readonly ComparisonVector[], labels?: ReadonlyMap<ComparisonVector, boolean>): WeightedVectors {
  const index = new Map<string, number>();
  const out: WeightedVectors = { vectors: [], counts: [] };
  for (const vector of vectors) {
    if (labels?.has(vector)) {
      out.vectors.push(vector);
      out.counts.push(1);
      continue;
    }
    const key = vector.comparisons
      .filter(({ level }) => level !== NULL_LEVEL)
      .map(({ field, level }) => `${field}\u0001${level}`)
      .join('\u0002');
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.vectors.length);
      out.vectors.push(vector);
      out.counts.push(1);
    } else {
      out.counts[at] += 1;
    }
  }
  return out;
}

/** Σ counts·values / Σ counts. */
export function weightedMean(values: readonly number[], counts: readonly number[]): number {
  let sum = 0;
  let total = 0;
  values.forEach((value, index) => {
    sum += value * counts[index];
    total += counts[index];
  });
  return sum / Math.max(1, total);
}

