// Semi-supervised EM: steward decisions are labels. In every E-step a labelled pair keeps its match
// probability at 1 (match) or 0 (non-match) while unlabelled pairs are estimated as usual, so the labels
// pull m, λ and the candidate-stage u towards what stewards saw and EM still learns from every pair.
import type { ComparisonVector } from '../compare/types';
import { declaredLevels, MATCH_MODEL, summaryFields } from '../model';
import {
  combineBlocks,
  estimateParameters,
  holdContradictions,
  tableOf,
  toParameters,
  type BlockRun,
  type EstimateOptions,
  type EstimateResult,
  type EstimationSettings,
  type TrainingBlock,
} from './em';
import { countLevels, EPSILON, posterior, shares, type LevelTable } from './em-tables';
import { estimateU, refineU } from './em-u';
import { compileLimits, groupMates, weightLimitsOf, type CompiledLimits } from './limits';

/** Steward labels keyed by the comparison vectors they label (the objects in candidateVectors and the blocks): true = match. */
export type PairLabels = ReadonlyMap<ComparisonVector, boolean>;

export interface LabelledEstimateOptions extends EstimateOptions {
  labels: PairLabels;
}

/** E-step: a labelled pair's class is known; an unlabelled pair's is estimated. */
function posteriors(vectors: readonly ComparisonVector[], labels: PairLabels, estimate: (vector: ComparisonVector) => number): number[] {
  return vectors.map((vector) => {
    const label = labels.get(vector);
    return label === undefined ? estimate(vector) : label ? 1 : 0;
  });
}

/** estimateParameters' block EM with labelled pairs held at their class. */
function runLabelledBlock(block: TrainingBlock, labels: PairLabels, start: LevelTable, u: LevelTable, options: EstimationSettings, limits: CompiledLimits): BlockRun {
  const mates = block.blockedOn.flatMap((field) => groupMates(field, limits));
  const excluded = new Set([...mates, ...summaryFields(options.model)]);
  let m = structuredClone(start);
  let lambda = 0.1;
  let iterations = 0;
  let converged = false;
  let support: Record<string, number> = {};
  while (iterations < options.maxIterations && !converged) {
    iterations += 1;
    const p = posteriors(block.vectors, labels, (vector) => posterior(vector, m, u, lambda, excluded, limits));
    lambda = Math.min(1 - EPSILON, Math.max(EPSILON, p.reduce((sum, value) => sum + value, 0) / Math.max(1, p.length)));
    const counts = countLevels(block.vectors, p);
    let largestChange = 0;
    const next: LevelTable = structuredClone(m);
    support = {};
    for (const { field, levels } of declaredLevels(options.model)) {
      if (excluded.has(field)) continue;
      const fieldCounts = counts[field] ?? {};
      const total = levels.reduce((sum, level) => sum + (fieldCounts[level] ?? 0), 0);
      support[field] = total;
      const estimated = Object.fromEntries(
        levels.map((level) => [level, ((fieldCounts[level] ?? 0) + options.priorStrength * start[field][level]) / (total + options.priorStrength)]),
      );
      const held = holdContradictions(field, estimated, options.model);
      for (const level of levels) {
        next[field][level] = Math.min(1 - EPSILON, Math.max(EPSILON, held[level]));
        largestChange = Math.max(largestChange, Math.abs(next[field][level] - m[field][level]));
      }
    }
    m = next;
    converged = largestChange < options.tolerance;
  }
  const expectedNonMatches = (1 - lambda) * block.vectors.length;
  if (expectedNonMatches < 1 || lambda * block.vectors.length < 1) return { m: start, support: {}, iterations, converged };
  return { m, support, iterations, converged };
}

/** estimateParameters' candidate stage (λ, and m and u of the summary signals) with labelled pairs held at their class. */
function fitLabelledCandidateStage(options: EstimationSettings, vectors: ComparisonVector[], labels: PairLabels, m: LevelTable, u: LevelTable, limits: CompiledLimits): number {
  const flagged = declaredLevels(options.model).filter(({ field }) => summaryFields(options.model).includes(field));
  let lambda = 0.1;
  for (let iteration = 0; iteration < Math.max(50, options.maxIterations); iteration += 1) {
    const p = posteriors(vectors, labels, (vector) => posterior(vector, m, u, lambda, new Set(), limits));
    const next = Math.min(1 - EPSILON, Math.max(EPSILON, p.reduce((sum, value) => sum + value, 0) / Math.max(1, p.length)));
    const matchCounts = countLevels(vectors, p);
    const nonMatchCounts = countLevels(vectors, p.map((value) => 1 - value));
    for (const { field, levels } of flagged) {
      Object.assign(m[field], shares(matchCounts[field] ?? {}, levels));
      Object.assign(u[field], shares(nonMatchCounts[field] ?? {}, levels));
    }
    const done = Math.abs(next - lambda) < 1e-7;
    lambda = next;
    if (done) break;
  }
  return lambda;
}

/**
 * estimateParameters with steward labels: the same stages (u from random pairs, block EM for m, the
 * candidate stage for λ, u refined), every E-step holding the labelled pairs at their class. Random pairs
 * are never labelled: u still comes from them. Without labels it is estimateParameters.
 */
export function estimateParametersWithLabels(options: LabelledEstimateOptions): EstimateResult {
  const { labels } = options;
  if (labels.size === 0) return estimateParameters(options);
  const model = options.model ?? MATCH_MODEL;
  const settings: EstimationSettings = {
    model,
    maxIterations: options.maxIterations ?? model.estimation.maxIterations,
    tolerance: options.tolerance ?? model.estimation.tolerance,
    priorStrength: options.priorStrength ?? model.estimation.priorStrength,
  };
  const initialU = tableOf(options.initial, 'u', model);
  const weightLimits = weightLimitsOf(options.initial, model);
  const limits = compileLimits(weightLimits);
  const start = tableOf(options.initial, 'm', model);
  const blocks = (options.blocks ?? [{ blockedOn: [], vectors: options.candidateVectors }]).filter((block) => block.vectors.length > 0);

  let u = options.randomVectors ? estimateU(options.randomVectors, initialU, undefined, model) : initialU;
  let m = structuredClone(start);
  let runs: BlockRun[] = [];
  let candidateLambda = 0;
  let lambda = 0;
  const refinesRandomU = Boolean(options.randomVectors && options.totalPairs);
  for (let round = 0; ; round += 1) {
    runs = blocks.map((block) => runLabelledBlock(block, labels, start, u, settings, limits));
    m = combineBlocks(model, runs, start);
    candidateLambda = fitLabelledCandidateStage(settings, options.candidateVectors, labels, m, u, limits);
    lambda = options.totalPairs ? (candidateLambda * options.candidateVectors.length) / options.totalPairs : candidateLambda;
    if (!refinesRandomU || round >= model.estimation.uRefinementRounds) break;
    u = refineU(options.randomVectors!, { m, u, lambda, limits, fallback: initialU, summaries: summaryFields(model), model });
  }
  const iterations = Math.max(0, ...runs.map((run) => run.iterations));
  const converged = runs.every((run) => run.converged);
  const used = options.candidateVectors.filter((vector) => labels.has(vector));
  const matches = used.filter((vector) => labels.get(vector)).length;
  const parameters = toParameters(model, m, u, lambda, options.version ?? `em-${new Date().toISOString()}`, weightLimits, {
    method: 'em',
    candidatePairs: options.candidateVectors.length,
    randomPairs: options.randomVectors?.length,
    iterations,
    converged,
    labels: { matches, nonMatches: used.length - matches },
  });
  return { parameters, iterations, converged, candidateLambda };
}
