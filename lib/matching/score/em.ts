// Unsupervised estimation: u from random pairs (nearly all non-matches), m and λ by
// expectation-maximisation over candidate pairs, each field's m estimated on pairs that were not
// chosen because of that field. Reviewer labels can replace EM when available.
import type { ComparisonVector } from '../compare/types';
import { declaredLevels, MATCH_MODEL, perModel, summaryFields, type CandidateChannel, type MatchModel } from '../model';
import { compressVectors, countLevels, EPSILON, heldAtDeclared, holdLevels, posterior, shares, weightedMean, type LevelTable, type WeightedVectors } from './em-tables';
import { estimateU, refineU } from './em-u';
import { compileLimits, groupMates, weightLimitsOf, type CompiledLimits, type WeightLimits } from './limits';
import { initialParameters, type MatchParameters } from './params';

export { estimateU } from './em-u';

/** Pairs found by one blocking rule; fields in `blockedOn` agree by construction and are not estimated there. */
export interface TrainingBlock {
  blockedOn: string[];
  vectors: ComparisonVector[];
}

/**
 * One block per candidate channel that selects on particular fields: the pairs it found, with those
 * fields (which agree by construction there) left out of their m. Built from the model's channels.
 */
export function trainingBlocks(model: MatchModel, vectors: ComparisonVector[], channelsOf: ReadonlyArray<readonly CandidateChannel[]>): TrainingBlock[] {
  return model.channels
    .filter((channel) => channel.selectsOn !== null)
    .map((channel) => ({ blockedOn: [...channel.selectsOn!], vectors: vectors.filter((_, index) => channelsOf[index].includes(channel.name)) }))
    .filter((block) => block.vectors.length > 0);
}

export interface EstimateOptions {
  model?: MatchModel;
  candidateVectors: ComparisonVector[];
  /** Random pairs for u; when absent the initial u are kept. */
  randomVectors?: ComparisonVector[];
  initial: MatchParameters;
  /** Override the model's estimation settings (tests, ablations). */
  maxIterations?: number;
  tolerance?: number;
  priorStrength?: number;
  /** Training blocks; default one block of all candidates with nothing blocked. */
  blocks?: TrainingBlock[];
  /** All pairs that could be compared (customers × incoming, or n(n−1)/2): turns the candidate λ into λ for any pair. */
  totalPairs?: number;
  version?: string;
  /**
   * Steward decisions, keyed by the vectors they label (objects of candidateVectors and the blocks): true = match.
   * Semi-supervised: in every E-step a labelled pair keeps its class while the others are estimated.
   */
  labels?: PairLabels;
}

export type PairLabels = ReadonlyMap<ComparisonVector, boolean>;

/** E-step: a labelled pair's class is known; an unlabelled pair's is estimated. */
function posteriors(vectors: readonly ComparisonVector[], labels: PairLabels | undefined, estimate: (vector: ComparisonVector) => number): number[] {
  if (!labels || labels.size === 0) return vectors.map(estimate);
  return vectors.map((vector) => {
    const label = labels.get(vector);
    return label === undefined ? estimate(vector) : label ? 1 : 0;
  });
}

export interface EstimateResult {
  parameters: MatchParameters;
  iterations: number;
  converged: boolean;
  /** Share of candidate pairs EM believes are matches. */
  candidateLambda: number;
}

interface BlockRun {
  m: LevelTable;
  /** Expected matches with a non-null level, per field: how much evidence each m rests on. */
  support: Record<string, number>;
  iterations: number;
  converged: boolean;
}

/**
 * A field's m with its contradiction levels put back to their declared values and the other levels
 * scaled to share the rest: EM estimates how agreement is spread among true matches, not how often
 * a true match contradicts itself. Declared, not the starting parameters': an m learned by an older
 * estimate is not carried forward.
 */
const contradictionsOf = perModel((model) => heldAtDeclared(model, (level) => level.contradicts, 'm'));

export function holdContradictions(field: string, m: Record<string, number>, model: MatchModel = MATCH_MODEL): Record<string, number> {
  const held = contradictionsOf(model).get(field);
  return held ? holdLevels(held.levels, m, held.values) : m;
}

interface Settings {
  model: MatchModel;
  maxIterations: number;
  tolerance: number;
  priorStrength: number;
}

function runBlock(block: { blockedOn: string[]; pairs: WeightedVectors }, start: LevelTable, u: LevelTable, options: Settings, lambdaStart: number, limits: CompiledLimits, labels?: PairLabels): BlockRun {
  // Signals that summarise all fields (embeddings) would re-introduce the blocked fields' evidence,
  // and so would the fields that carry the same evidence as a blocked one: pairs chosen for a
  // shared address are households and offices, which share email and phone too.
  const mates = block.blockedOn.flatMap((field) => groupMates(field, limits));
  const excluded = new Set([...mates, ...summaryFields(options.model)]);
  let m = structuredClone(start);
  let lambda = lambdaStart;
  let iterations = 0;
  let converged = false;
  let support: Record<string, number> = {};
  const { vectors, counts: pairs } = block.pairs;
  while (iterations < options.maxIterations && !converged) {
    iterations += 1;
    const p = posteriors(vectors, labels, (vector) => posterior(vector, m, u, lambda, excluded, limits));
    lambda = Math.min(1 - EPSILON, Math.max(EPSILON, weightedMean(p, pairs)));
    const counts = countLevels(vectors, p.map((value, index) => value * pairs[index]));
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
  // One class took the block (less than one pair left in the other): the mixture is not identified
  // there and m is just the block's level shares, look-alikes included. Such a block estimates nothing.
  const pairCount = pairs.reduce((sum, count) => sum + count, 0);
  const expectedNonMatches = (1 - lambda) * pairCount;
  if (expectedNonMatches < 1 || lambda * pairCount < 1) return { m: start, support: {}, iterations, converged };
  return { m, support, iterations, converged };
}

/** m or u of every declared field; a field or level the parameters lack takes the starting value (prior or neutral). */
function tableOf(params: MatchParameters, key: 'm' | 'u', model: MatchModel): LevelTable {
  const starting = initialParameters(model);
  return Object.fromEntries(
    declaredLevels(model).map(({ field, levels }) => {
      const known = params.fields[field]?.levels ?? {};
      const fallback = starting.fields[field].levels;
      return [field, Object.fromEntries(levels.map((level) => [level, known[level]?.[key] ?? fallback[level][key]]))];
    }),
  );
}

function toParameters(model: MatchModel, m: LevelTable, u: LevelTable, lambda: number, version: string, limits: WeightLimits, training: MatchParameters['training']): MatchParameters {
  const fields: MatchParameters['fields'] = {};
  for (const { field, levels } of declaredLevels(model)) {
    fields[field] = { levels: Object.fromEntries(levels.map((level) => [level, { m: m[field][level], u: u[field][level] }])) };
  }
  return { version, lambda: Math.min(1 - EPSILON, Math.max(1e-12, lambda)), fields, ...limits, training };
}

/**
 * Final pass over all candidates: λ among candidates, and m and u of the fields whose u is
 * estimated on candidates (uFromCandidates), with every other m and u fixed.
 */
function fitCandidateStage(model: MatchModel, { vectors, counts }: WeightedVectors, m: LevelTable, u: LevelTable, maxIterations: number, limits: CompiledLimits, labels?: PairLabels): number {
  const flagged = declaredLevels(model).filter(({ field }) => summaryFields(model).includes(field));
  let lambda = 0.1;
  for (let iteration = 0; iteration < Math.max(50, maxIterations); iteration += 1) {
    const p = posteriors(vectors, labels, (vector) => posterior(vector, m, u, lambda, new Set(), limits));
    const next = Math.min(1 - EPSILON, Math.max(EPSILON, weightedMean(p, counts)));
    const matchCounts = countLevels(vectors, p.map((value, index) => value * counts[index]));
    const nonMatchCounts = countLevels(vectors, p.map((value, index) => (1 - value) * counts[index]));
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

/** Each field's m: the average over the blocks that estimated it, weighted by the evidence behind it. */
function combineBlocks(model: MatchModel, runs: BlockRun[], start: LevelTable): LevelTable {
  const m = structuredClone(start);
  for (const { field, levels } of declaredLevels(model)) {
    const estimating = runs.filter((run) => (run.support[field] ?? 0) > 0);
    const totalSupport = estimating.reduce((sum, run) => sum + run.support[field], 0);
    if (totalSupport === 0) continue;
    for (const level of levels) {
      m[field][level] = estimating.reduce((sum, run) => sum + run.m[field][level] * run.support[field], 0) / totalSupport;
    }
  }
  return m;
}

export function estimateParameters(options: EstimateOptions): EstimateResult {
  const model = options.model ?? MATCH_MODEL;
  const settings: Settings = {
    model,
    maxIterations: options.maxIterations ?? model.estimation.maxIterations,
    tolerance: options.tolerance ?? model.estimation.tolerance,
    priorStrength: options.priorStrength ?? model.estimation.priorStrength,
  };
  const initialU = tableOf(options.initial, 'u', model);
  const weightLimits = weightLimitsOf(options.initial, model);
  const limits = compileLimits(weightLimits, model);
  const start = tableOf(options.initial, 'm', model);
  const blocks = (options.blocks ?? [{ blockedOn: [], vectors: options.candidateVectors }])
    .filter((block) => block.vectors.length > 0)
    .map((block) => ({ blockedOn: block.blockedOn, pairs: compressVectors(block.vectors, options.labels) }));
  const candidates = compressVectors(options.candidateVectors, options.labels);
  const random = options.randomVectors ? compressVectors(options.randomVectors) : undefined;
  const summaries = summaryFields(model);

  let u = random ? estimateU(random.vectors, initialU, random.counts, model) : initialU;
  let m = structuredClone(start);
  let runs: BlockRun[] = [];
  let candidateLambda = 0;
  let lambda = 0;
  const refinesRandomU = Boolean(options.randomVectors && options.totalPairs);
  for (let round = 0; ; round += 1) {
    runs = blocks.map((block) => runBlock(block, start, u, settings, 0.1, limits, options.labels));
    m = combineBlocks(model, runs, start);
    candidateLambda = fitCandidateStage(model, candidates, m, u, settings.maxIterations, limits, options.labels);
    lambda = options.totalPairs ? (candidateLambda * options.candidateVectors.length) / options.totalPairs : candidateLambda;
    // u again from the random pairs weighted by their non-match probability, then a new EM pass.
    if (!refinesRandomU || round >= model.estimation.uRefinementRounds) break;
    u = refineU(random!, { m, u, lambda, limits, fallback: initialU, summaries, model });
  }
  const iterations = Math.max(0, ...runs.map((run) => run.iterations));
  const converged = runs.every((run) => run.converged);
  const labelled = options.labels ? options.candidateVectors.filter((vector) => options.labels!.has(vector)) : [];
  const matches = labelled.filter((vector) => options.labels!.get(vector)).length;
  const parameters = toParameters(model, m, u, lambda, options.version ?? `em-${new Date().toISOString()}`, weightLimits, {
    method: 'em',
    candidatePairs: options.candidateVectors.length,
    randomPairs: options.randomVectors?.length,
    iterations,
    converged,
    ...(options.labels && options.labels.size > 0 ? { labels: { matches, nonMatches: labelled.length - matches } } : {}),
  });
  return { parameters, iterations, converged, candidateLambda };
}

/**
 * Reviewer decisions as labels: m from confirmed matches, u from rejected pairs. Rejected pairs are
 * look-alikes, not random pairs, so their u understates how rare agreement is; pass `base` to keep
 * its u and λ and learn only m from the labels.
 */
export function estimateFromLabels(vectors: ComparisonVector[], labels: boolean[], base?: MatchParameters, model: MatchModel = MATCH_MODEL): MatchParameters {
  if (vectors.length !== labels.length) throw new Error(`${vectors.length} vectors but ${labels.length} labels`);
  const matches = vectors.filter((_, index) => labels[index]);
  const nonMatches = vectors.filter((_, index) => !labels[index]);
  const matchCounts = countLevels(matches);
  const nonMatchCounts = countLevels(nonMatches);
  const m: LevelTable = {};
  const u: LevelTable = base ? tableOf(base, 'u', model) : {};
  for (const { field, levels } of declaredLevels(model)) {
    m[field] = shares(matchCounts[field] ?? {}, levels);
    if (!base) u[field] = shares(nonMatchCounts[field] ?? {}, levels);
  }
  const lambda = base?.lambda ?? Math.max(EPSILON, matches.length / Math.max(1, vectors.length));
  const limits = weightLimitsOf(base ?? {}, model);
  return toParameters(model, m, u, lambda, `labels-${new Date().toISOString()}`, limits, { method: 'labels', candidatePairs: vectors.length });
}
