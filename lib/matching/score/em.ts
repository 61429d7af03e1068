// Unsupervised estimation (MATCHING.md §2): u from random pairs (nearly all non-matches),
// m and λ by expectation-maximisation over candidate pairs, each field's m estimated on pairs
// that were not chosen because of that field. Reviewer labels can replace EM when available.
import { FIELD_COMPARISONS } from '../compare/compare-pair';
import { NULL_LEVEL, type ComparisonVector } from '../compare/types';
import { bayesFactorBits, probabilityFromWeight } from './score';
import type { MatchParameters } from './params';

type LevelTable = Record<string, Record<string, number>>;

/** Pairs found by one blocking rule; fields in `blockedOn` agree by construction and are not estimated there. */
export interface TrainingBlock {
  blockedOn: string[];
  vectors: ComparisonVector[];
}

export interface EstimateOptions {
  candidateVectors: ComparisonVector[];
  /** Random pairs for u; when absent the initial u are kept. */
  randomVectors?: ComparisonVector[];
  initial: MatchParameters;
  maxIterations?: number;
  /** Stop when no m moves by more than this. */
  tolerance?: number;
  /** Training blocks; default one block of all candidates with nothing blocked. */
  blocks?: TrainingBlock[];
  /** All pairs that could be compared (customers × incoming, or n(n−1)/2): turns the candidate λ into λ for any pair. */
  totalPairs?: number;
  /** Pseudo-pairs pulling m towards the initial values: keeps small data sets from extreme estimates. */
  priorStrength?: number;
  version?: string;
}

export interface EstimateResult {
  parameters: MatchParameters;
  iterations: number;
  converged: boolean;
  /** Share of candidate pairs EM believes are matches. */
  candidateLambda: number;
}

const EPSILON = 1e-6;

function declaredLevels(): Array<{ field: string; levels: readonly string[] }> {
  return FIELD_COMPARISONS.map((definition) => ({ field: definition.field, levels: definition.levels }));
}

/** Normalised level shares with additive smoothing (half a pair per level), clamped inside (0,1). */
function shares(counts: Record<string, number>, levels: readonly string[], pseudo = 0.5): Record<string, number> {
  const total = levels.reduce((sum, level) => sum + (counts[level] ?? 0), 0) + pseudo * levels.length;
  return Object.fromEntries(
    levels.map((level) => [level, Math.min(1 - EPSILON, Math.max(EPSILON, ((counts[level] ?? 0) + pseudo) / total))]),
  );
}

/** Weighted count of each non-null level per field. */
function countLevels(vectors: ComparisonVector[], weights?: number[]): LevelTable {
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

/** u per field and level from random pairs. */
export function estimateU(randomPairVectors: ComparisonVector[]): LevelTable {
  const counts = countLevels(randomPairVectors);
  return Object.fromEntries(declaredLevels().map(({ field, levels }) => [field, shares(counts[field] ?? {}, levels)]));
}

function posterior(vector: ComparisonVector, m: LevelTable, u: LevelTable, lambda: number, excluded: Set<string>): number {
  let weight = bayesFactorBits(lambda, 1 - lambda);
  for (const { field, level } of vector.comparisons) {
    if (level === NULL_LEVEL || excluded.has(field) || !m[field]?.[level] || !u[field]?.[level]) continue;
    weight += bayesFactorBits(m[field][level], u[field][level]);
  }
  return probabilityFromWeight(weight);
}

interface BlockRun {
  m: LevelTable;
  /** Expected matches with a non-null level, per field: how much evidence each m rests on. */
  support: Record<string, number>;
  iterations: number;
  converged: boolean;
}

function runBlock(block: TrainingBlock, start: LevelTable, u: LevelTable, options: Required<Pick<EstimateOptions, 'maxIterations' | 'tolerance' | 'priorStrength'>>, lambdaStart: number): BlockRun {
  const excluded = new Set(block.blockedOn);
  let m = structuredClone(start);
  let lambda = lambdaStart;
  let iterations = 0;
  let converged = false;
  let support: Record<string, number> = {};
  while (iterations < options.maxIterations && !converged) {
    iterations += 1;
    const p = block.vectors.map((vector) => posterior(vector, m, u, lambda, excluded));
    lambda = Math.min(1 - EPSILON, Math.max(EPSILON, p.reduce((sum, value) => sum + value, 0) / Math.max(1, p.length)));
    const counts = countLevels(block.vectors, p);
    let largestChange = 0;
    const next: LevelTable = structuredClone(m);
    support = {};
    for (const { field, levels } of declaredLevels()) {
      if (excluded.has(field)) continue;
      const fieldCounts = counts[field] ?? {};
      const total = levels.reduce((sum, level) => sum + (fieldCounts[level] ?? 0), 0);
      support[field] = total;
      for (const level of levels) {
        const value = ((fieldCounts[level] ?? 0) + options.priorStrength * start[field][level]) / (total + options.priorStrength);
        next[field][level] = Math.min(1 - EPSILON, Math.max(EPSILON, value));
        largestChange = Math.max(largestChange, Math.abs(next[field][level] - m[field][level]));
      }
    }
    m = next;
    converged = largestChange < options.tolerance;
  }
  return { m, support, iterations, converged };
}

function tableOf(params: MatchParameters, key: 'm' | 'u'): LevelTable {
  return Object.fromEntries(
    declaredLevels().map(({ field, levels }) => {
      const known = params.fields[field]?.levels ?? {};
      const fallback = 1 / levels.length;
      return [field, Object.fromEntries(levels.map((level) => [level, known[level]?.[key] ?? fallback]))];
    }),
  );
}

function toParameters(m: LevelTable, u: LevelTable, lambda: number, version: string, training: MatchParameters['training']): MatchParameters {
  const fields: MatchParameters['fields'] = {};
  for (const { field, levels } of declaredLevels()) {
    fields[field] = { levels: Object.fromEntries(levels.map((level) => [level, { m: m[field][level], u: u[field][level] }])) };
  }
  return { version, lambda: Math.min(1 - EPSILON, Math.max(1e-12, lambda)), fields, training };
}

/** λ among candidates with m and u fixed (one-parameter EM). */
function estimateCandidateLambda(vectors: ComparisonVector[], m: LevelTable, u: LevelTable, start: number): number {
  let lambda = start;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const next = vectors.reduce((sum, vector) => sum + posterior(vector, m, u, lambda, new Set()), 0) / Math.max(1, vectors.length);
    const done = Math.abs(next - lambda) < 1e-7;
    lambda = Math.min(1 - EPSILON, Math.max(EPSILON, next));
    if (done) break;
  }
  return lambda;
}

export function estimateParameters(options: EstimateOptions): EstimateResult {
  const settings = {
    maxIterations: options.maxIterations ?? 25,
    tolerance: options.tolerance ?? 1e-4,
    priorStrength: options.priorStrength ?? 10,
  };
  const u = options.randomVectors ? estimateU(options.randomVectors) : tableOf(options.initial, 'u');
  const start = tableOf(options.initial, 'm');
  const blocks = options.blocks ?? [{ blockedOn: [], vectors: options.candidateVectors }];
  const runs = blocks.filter((block) => block.vectors.length > 0).map((block) => runBlock(block, start, u, settings, 0.1));

  // Each field's m: average over the blocks that estimated it, weighted by the evidence behind it.
  const m = structuredClone(start);
  for (const { field, levels } of declaredLevels()) {
    const estimating = runs.filter((run) => (run.support[field] ?? 0) > 0);
    const totalSupport = estimating.reduce((sum, run) => sum + run.support[field], 0);
    if (totalSupport === 0) continue;
    for (const level of levels) {
      m[field][level] = estimating.reduce((sum, run) => sum + run.m[field][level] * run.support[field], 0) / totalSupport;
    }
  }
  const candidateLambda = estimateCandidateLambda(options.candidateVectors, m, u, 0.1);
  const expectedMatches = candidateLambda * options.candidateVectors.length;
  const lambda = options.totalPairs ? expectedMatches / options.totalPairs : candidateLambda;
  const iterations = Math.max(0, ...runs.map((run) => run.iterations));
  const converged = runs.every((run) => run.converged);
  const parameters = toParameters(m, u, lambda, options.version ?? `em-${new Date().toISOString()}`, {
    method: 'em',
    candidatePairs: options.candidateVectors.length,
    randomPairs: options.randomVectors?.length,
    iterations,
    converged,
  });
  return { parameters, iterations, converged, candidateLambda };
}

/**
 * Reviewer decisions as labels: m from confirmed matches, u from rejected pairs. Rejected pairs are
 * look-alikes, not random pairs, so their u understates how rare agreement is; pass `base` to keep
 * its u and λ and learn only m from the labels.
 */
export function estimateFromLabels(vectors: ComparisonVector[], labels: boolean[], base?: MatchParameters): MatchParameters {
  if (vectors.length !== labels.length) throw new Error(`${vectors.length} vectors but ${labels.length} labels`);
  const matches = vectors.filter((_, index) => labels[index]);
  const nonMatches = vectors.filter((_, index) => !labels[index]);
  const matchCounts = countLevels(matches);
  const nonMatchCounts = countLevels(nonMatches);
  const m: LevelTable = {};
  const u: LevelTable = base ? tableOf(base, 'u') : {};
  for (const { field, levels } of declaredLevels()) {
    m[field] = shares(matchCounts[field] ?? {}, levels);
    if (!base) u[field] = shares(nonMatchCounts[field] ?? {}, levels);
  }
  const lambda = base?.lambda ?? Math.max(EPSILON, matches.length / Math.max(1, vectors.length));
  return toParameters(m, u, lambda, `labels-${new Date().toISOString()}`, { method: 'labels', candidatePairs: vectors.length });
}
