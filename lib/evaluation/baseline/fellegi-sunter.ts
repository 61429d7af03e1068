// The Fellegi–Sunter model as Splink teaches it: u from random pairs, m by EM over candidate
// pairs with u held fixed, each field's m learnt on pairs that were not blocked on that field,
// then λ (the share of candidate pairs that match) by EM with m and u fixed.
// Match weight W = logit2(λ) + Σ log2(m/u); p = 2^W / (1 + 2^W).
import { NULL_LEVEL, type ComparisonVector } from './comparisons';

export interface FellegiSunterParameters {
  /** Per field, per level: P(level | match). */
  m: number[][];
  /** Per field, per level: P(level | non-match). */
  u: number[][];
  /** Share of candidate pairs that are matches. */
  lambda: number;
}

export interface EmSettings {
  maxIterations: number;
  /** Stop when no m and not λ moves by more than this. */
  tolerance: number;
  /** Starting P(exact | match); the rest of m is spread over the other levels. */
  initialExactM: number;
}

/** A textbook start (most matches agree exactly) and Splink's usual stopping rule. */
export const EM_DEFAULTS: EmSettings = { maxIterations: 100, tolerance: 1e-5, initialExactM: 0.9 };

/**
 * Pseudo-count per field, spread over its levels, so no level has probability 0 (an exact e-mail
 * agreement never seen among random pairs would otherwise weigh infinitely).
 */
const PSEUDO_COUNT = 1;

/** Level frequencies over vectors, each weighted; smoothed; per field normalised to sum 1. */
function levelDistribution(vectors: ComparisonVector[], weights: ArrayLike<number> | null, levelCounts: readonly number[]): number[][] {
  const totals = levelCounts.map((count) => new Array<number>(count).fill(0));
  vectors.forEach((vector, index) => {
    const weight = weights ? weights[index] : 1;
    for (let field = 0; field < vector.length; field += 1) {
      if (vector[field] !== NULL_LEVEL) totals[field][vector[field]] += weight;
    }
  });
  return totals.map((counts) => {
    const smoothed = counts.map((count) => count + PSEUDO_COUNT / counts.length);
    const sum = smoothed.reduce((a, b) => a + b, 0);
    return smoothed.map((count) => count / sum);
  });
}

/** u: level frequencies among random pairs, almost all of which are non-matches. */
export function estimateU(randomVectors: ComparisonVector[], levelCounts: readonly number[]): number[][] {
  return levelDistribution(randomVectors, null, levelCounts);
}

export function initialM(levelCounts: readonly number[], settings: EmSettings = EM_DEFAULTS): number[][] {
  return levelCounts.map((count) =>
    Array.from({ length: count }, (_, level) => (level === 0 ? settings.initialExactM : (1 - settings.initialExactM) / (count - 1))),
  );
}

const logit2 = (p: number) => Math.log2(p / (1 - p));

/** The match weight W in bits, over the active fields (all by default). */
export function matchWeight(vector: ComparisonVector, parameters: FellegiSunterParameters, active?: readonly boolean[]): number {
  let weight = logit2(parameters.lambda);
  for (let field = 0; field < vector.length; field += 1) {
    const level = vector[field];
    if (level !== NULL_LEVEL && (!active || active[field])) weight += Math.log2(parameters.m[field][level] / parameters.u[field][level]);
  }
  return weight;
}

export function matchProbability(vector: ComparisonVector, parameters: FellegiSunterParameters, active?: readonly boolean[]): number {
  return 1 / (1 + 2 ** -matchWeight(vector, parameters, active));
}

/** λ stays strictly inside (0, 1) so that its logit is finite. */
function clampProbability(p: number): number {
  return Math.min(1 - 1e-9, Math.max(1e-9, p));
}

export interface EmRun {
  parameters: FellegiSunterParameters;
  iterations: number;
  converged: boolean;
}

function largestChange(before: FellegiSunterParameters, after: FellegiSunterParameters): number {
  let change = Math.abs(before.lambda - after.lambda);
  before.m.forEach((levels, field) => levels.forEach((m, level) => (change = Math.max(change, Math.abs(m - after.m[field][level])))));
  return change;
}

/**
 * EM with u fixed. Inactive fields (those the pairs were blocked on, whose agreement the blocking
 * forced) take no part: they neither vote in the E-step nor get m estimated. With `fixM`, only λ moves.
 */
export function runEm(
  vectors: ComparisonVector[],
  start: FellegiSunterParameters,
  active: readonly boolean[],
  settings: EmSettings = EM_DEFAULTS,
  fixM = false,
): EmRun {
  const levelCounts = start.u.map((levels) => levels.length);
  let parameters = start;
  const probabilities = new Float64Array(vectors.length);
  for (let iteration = 1; iteration <= settings.maxIterations; iteration += 1) {
    vectors.forEach((vector, index) => (probabilities[index] = matchProbability(vector, parameters, active)));
    const lambda = clampProbability(probabilities.reduce((sum, p) => sum + p, 0) / Math.max(1, probabilities.length));
    const estimated = fixM ? parameters.m : levelDistribution(vectors, probabilities, levelCounts);
    const m = parameters.m.map((levels, field) => (active[field] ? estimated[field] : levels));
    const next = { m, u: parameters.u, lambda };
    const change = largestChange(parameters, next);
    parameters = next;
    if (change < settings.tolerance) return { parameters, iterations: iteration, converged: true };
  }
  return { parameters, iterations: settings.maxIterations, converged: false };
}

/** Candidate pairs found by one blocking channel, and the fields that channel blocked on. */
export interface TrainingSession {
  vectors: ComparisonVector[];
  blockedFields: readonly boolean[];
}

export interface Estimate extends EmRun {
  /** Iterations per training session, in order. */
  sessionIterations: number[];
}

/**
 * m per field = mean of its estimates over the sessions where it was not blocked on; then λ over
 * all candidates with m and u fixed.
 */
export function estimateParameters(
  sessions: TrainingSession[],
  allCandidates: ComparisonVector[],
  u: number[][],
  initialLambda: number,
  settings: EmSettings = EM_DEFAULTS,
): Estimate {
  const levelCounts = u.map((levels) => levels.length);
  const start: FellegiSunterParameters = { m: initialM(levelCounts, settings), u, lambda: initialLambda };
  const sums = levelCounts.map((count) => new Array<number>(count).fill(0));
  const estimates = new Array<number>(levelCounts.length).fill(0);
  const sessionIterations: number[] = [];
  let converged = true;
  for (const session of sessions.filter((candidate) => candidate.vectors.length > 0)) {
    const active = session.blockedFields.map((blocked) => !blocked);
    const run = runEm(session.vectors, { ...start, lambda: initialLambda }, active, settings);
    sessionIterations.push(run.iterations);
    converged &&= run.converged;
    active.forEach((isActive, field) => {
      if (!isActive) return;
      estimates[field] += 1;
      run.parameters.m[field].forEach((m, level) => (sums[field][level] += m));
    });
  }
  const m = sums.map((levels, field) => (estimates[field] === 0 ? start.m[field] : levels.map((sum) => sum / estimates[field])));
  const all = levelCounts.map(() => true);
  const final = runEm(allCandidates, { m, u, lambda: initialLambda }, all, settings, true);
  return { ...final, converged: converged && final.converged, sessionIterations };
}
