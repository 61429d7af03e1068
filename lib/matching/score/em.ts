// Unsupervised estimation (MATCHING.md §2): u from random pairs (nearly all non-matches),
// m and λ by expectation-maximisation over candidate pairs, each field's m estimated on pairs
// that were not chosen because of that field. Reviewer labels can replace EM when available.
import { FIELD_COMPARISONS } from '../compare/compare-pair';
import type { ComparisonVector } from '../compare/types';
import { countLevels, declaredLevels, EPSILON, heldAtDeclared, holdLevels, posterior, shares, type LevelTable } from './em-tables';
import { estimateSharedContactU, sharedContactTableOf, type UTables } from './em-shared-contact';
import { estimateU, refineU } from './em-u';
import { compileLimits, groupMates, weightLimitsOf, type CompiledLimits, type WeightLimits } from './limits';
import { initialParameters, type MatchParameters } from './params';

export { estimateU } from './em-u';

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

interface BlockRun {
  m: LevelTable;
  /** Expected matches with a non-null level, per field: how much evidence each m rests on. */
  support: Record<string, number>;
  iterations: number;
  converged: boolean;
}

/** Field → its contradiction levels and their declared m (compare/types.ts contradictionLevels). */
const CONTRADICTIONS = heldAtDeclared((definition) => definition.contradictionLevels, 'm');

/**
 * A field's m with its contradiction levels put back to their declared values and the other levels
 * scaled to share the rest: EM estimates how agreement is spread among true matches, not how often
 * a true match contradicts itself. Declared, not the starting parameters': an m learned by an older
 * estimate is not carried forward.
 */
export function holdContradictions(field: string, m: Record<string, number>): Record<string, number> {
  const held = CONTRADICTIONS.get(field);
  return held ? holdLevels(held.levels, m, held.values) : m;
}

function runBlock(block: TrainingBlock, start: LevelTable, { u, uShared }: UTables, options: Required<Pick<EstimateOptions, 'maxIterations' | 'tolerance' | 'priorStrength'>>, lambdaStart: number, limits: CompiledLimits): BlockRun {
  // Signals that summarise all fields (embeddings) would re-introduce the blocked fields' evidence,
  // and so would the fields that carry the same evidence as a blocked one: pairs chosen for a
  // shared address are households and offices, which share email and phone too.
  const mates = block.blockedOn.flatMap((field) => groupMates(field, limits));
  const summaries = FIELD_COMPARISONS.filter((d) => d.uFromCandidates).map((d) => d.field);
  const excluded = new Set([...mates, ...summaries]);
  let m = structuredClone(start);
  let lambda = lambdaStart;
  let iterations = 0;
  let converged = false;
  let support: Record<string, number> = {};
  while (iterations < options.maxIterations && !converged) {
    iterations += 1;
    const p = block.vectors.map((vector) => posterior(vector, m, u, lambda, excluded, limits, uShared));
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
      const estimated = Object.fromEntries(
        levels.map((level) => [level, ((fieldCounts[level] ?? 0) + options.priorStrength * start[field][level]) / (total + options.priorStrength)]),
      );
      const held = holdContradictions(field, estimated);
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
  const expectedNonMatches = (1 - lambda) * block.vectors.length;
  if (expectedNonMatches < 1 || lambda * block.vectors.length < 1) return { m: start, support: {}, iterations, converged };
  return { m, support, iterations, converged };
}

/** m or u of every declared field; a field or level the parameters lack takes the starting value (prior or neutral). */
function tableOf(params: MatchParameters, key: 'm' | 'u'): LevelTable {
  const starting = initialParameters();
  return Object.fromEntries(
    declaredLevels().map(({ field, levels }) => {
      const known = params.fields[field]?.levels ?? {};
      const fallback = starting.fields[field].levels;
      return [field, Object.fromEntries(levels.map((level) => [level, known[level]?.[key] ?? fallback[level][key]]))];
    }),
  );
}

function toParameters(m: LevelTable, u: LevelTable, lambda: number, version: string, limits: WeightLimits, training: MatchParameters['training'], uShared: LevelTable = {}): MatchParameters {
  const fields: MatchParameters['fields'] = {};
  for (const { field, levels } of declaredLevels()) {
    fields[field] = {
      levels: Object.fromEntries(
        levels.map((level) => [level, { m: m[field][level], u: u[field][level], ...(uShared[field] ? { uSharedContact: uShared[field][level] } : {}) }]),
      ),
    };
  }
  return { version, lambda: Math.min(1 - EPSILON, Math.max(1e-12, lambda)), fields, ...limits, training };
}

/**
 * Final pass over all candidates: λ among candidates, and m and u of the fields whose u is
 * estimated on candidates (uFromCandidates), with every other m and u fixed.
 */
function fitCandidateStage(vectors: ComparisonVector[], m: LevelTable, { u, uShared }: UTables, maxIterations: number, limits: CompiledLimits): number {
  const flagged = FIELD_COMPARISONS.filter((definition) => definition.uFromCandidates);
  let lambda = 0.1;
  for (let iteration = 0; iteration < Math.max(50, maxIterations); iteration += 1) {
    const p = vectors.map((vector) => posterior(vector, m, u, lambda, new Set(), limits, uShared));
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

/** Each field's m: the average over the blocks that estimated it, weighted by the evidence behind it. */
function combineBlocks(runs: BlockRun[], start: LevelTable): LevelTable {
  const m = structuredClone(start);
  for (const { field, levels } of declaredLevels()) {
    const estimating = runs.filter((run) => (run.support[field] ?? 0) > 0);
    const totalSupport = estimating.reduce((sum, run) => sum + run.support[field], 0);
    if (totalSupport === 0) continue;
    for (const level of levels) {
      m[field][level] = estimating.reduce((sum, run) => sum + run.m[field][level] * run.support[field], 0) / totalSupport;
    }
  }
  return m;
}

/**
 * Times u is re-estimated from random pairs weighted by their posterior non-match probability
 * (each followed by a new EM pass): two settle it on every labelled set we measure.
 */
const U_REFINEMENT_ROUNDS = 2;

export function estimateParameters(options: EstimateOptions): EstimateResult {
  const settings = {
    maxIterations: options.maxIterations ?? 25,
    tolerance: options.tolerance ?? 1e-4,
    priorStrength: options.priorStrength ?? 10,
  };
  const initialU = tableOf(options.initial, 'u');
  const weightLimits = weightLimitsOf(options.initial);
  const limits = compileLimits(weightLimits);
  const start = tableOf(options.initial, 'm');
  const blocks = (options.blocks ?? [{ blockedOn: [], vectors: options.candidateVectors }]).filter((block) => block.vectors.length > 0);
  const summaries = FIELD_COMPARISONS.filter((definition) => definition.uFromCandidates).map((definition) => definition.field);

  let u = options.randomVectors ? estimateU(options.randomVectors, initialU) : initialU;
  const startShared = sharedContactTableOf(options.initial);
  let uShared = structuredClone(startShared);
  let m = structuredClone(start);
  let runs: BlockRun[] = [];
  let candidateLambda = 0;
  let lambda = 0;
  const hasSharedContact = options.candidateVectors.some((vector) => vector.comparisons.some((comparison) => comparison.context === 'sharedContact'));
  const refinesRandomU = Boolean(options.randomVectors && options.totalPairs);
  for (let round = 0; ; round += 1) {
    runs = blocks.map((block) => runBlock(block, start, { u, uShared }, settings, 0.1, limits));
    m = combineBlocks(runs, start);
    candidateLambda = fitCandidateStage(options.candidateVectors, m, { u, uShared }, settings.maxIterations, limits);
    lambda = options.totalPairs ? (candidateLambda * options.candidateVectors.length) / options.totalPairs : candidateLambda;
    if ((!refinesRandomU && !hasSharedContact) || round >= U_REFINEMENT_ROUNDS) break;
    // Pseudo-pairs at the u over all pairs: where few pairs share a contact point, nothing is assumed
    // about how names and dates differ there (the declared household values serve only without data).
    if (hasSharedContact) uShared = estimateSharedContactU(options.candidateVectors, m, { u, uShared }, candidateLambda, limits, u, settings.priorStrength);
    if (refinesRandomU) u = refineU(options.randomVectors!, { m, u, uShared, lambda, limits, fallback: initialU, summaries });
  }
  const iterations = Math.max(0, ...runs.map((run) => run.iterations));
  const converged = runs.every((run) => run.converged);
  const parameters = toParameters(m, u, lambda, options.version ?? `em-${new Date().toISOString()}`, weightLimits, {
    method: 'em',
    candidatePairs: options.candidateVectors.length,
    randomPairs: options.randomVectors?.length,
    iterations,
    converged,
  }, uShared);
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
  const limits = weightLimitsOf(base ?? {});
  const uShared = sharedContactTableOf(base ?? initialParameters());
  return toParameters(m, u, lambda, `labels-${new Date().toISOString()}`, limits, { method: 'labels', candidatePairs: vectors.length }, uShared);
}
