// Fellegi–Sunter scoring: the match weight is the prior plus one weight per field, and the
// list of those weights is the explanation — nothing is shown that the score did not use.
import { NULL_LEVEL, type ComparisonVector } from '../compare/types';
import { levelOf, MATCH_MODEL, type MatchModel } from '../model';
import { compiledLimitsOf, limitWeights, rulesPairOut, type CompiledLimits } from './limits';
import type { MatchParameters } from './params';

export interface FieldContribution {
  field: string;
  level: string;
  /** Bits: log2(m/u) after any limit; 0 for the null level or a level the parameters do not know. */
  weight: number;
  left: string | null;
  right: string | null;
  m: number | null;
  u: number | null;
  /** True when u was replaced by the agreed value's term frequency (docs/matching.md). */
  tfAdjusted?: boolean;
  /** When the weight was limited (see score/limits.ts): log2(m/u) before the limit. */
  unlimitedWeight?: number;
  /**
   * 'cap': a summary signal held to its cap; 'evidenceGroup': a weaker agreement in a group that counts once;
   * 'rulesOut': a level that rules the pair out, holding the match weight at the prior.
   */
  limitedBy?: 'cap' | 'evidenceGroup' | 'rulesOut';
  evidenceGroup?: string;
  /** The field's values contradict the pair (compare/types.ts LevelOutcome.contradicts). */
  contradicts?: true;
  /** The field's agreement confirms nothing (compare/types.ts LevelOutcome.corroborates). */
  corroborates?: false;
}

export interface ScoredPair {
  /** log2(λ/(1−λ)): where the waterfall starts. */
  priorWeight: number;
  /** priorWeight + Σ contribution weights. */
  matchWeight: number;
  /** 2^W / (1 + 2^W): what bands are cut on. */
  matchProbability: number;
  contributions: FieldContribution[];
  parametersVersion: string;
}

/** Keeps u from reaching 0 when a frequency table says a value is unique in a huge table. */
const MIN_TERM_FREQUENCY = 1e-9;

/**
 * How many customers a frequency table must describe before it outweighs the model's u: the table's
 * share is blended with u as if u had been seen on this many customers (a Bayesian pseudo-count). In
 * a table of 12 customers every present value has a share ≥ 1/12, which says little about its rarity;
 * in a table of 100,000 the table dominates.
 */
export const TERM_FREQUENCY_PRIOR_CUSTOMERS = 1000;

export interface ScoreOptions {
  /** Customers the term-frequency shares were counted on; without it the shares are used as they are. */
  termFrequencyCustomers?: number;
  model?: MatchModel;
}

/** u for an exact agreement on a value with this share, blended with the level's u by table size. */
export function termFrequencyU(share: number, levelU: number, customers: number | undefined): number {
  if (customers === undefined || !Number.isFinite(customers) || customers < 0) return Math.max(share, MIN_TERM_FREQUENCY);
  const blended = (share * customers + TERM_FREQUENCY_PRIOR_CUSTOMERS * levelU) / (customers + TERM_FREQUENCY_PRIOR_CUSTOMERS);
  return Math.max(blended, MIN_TERM_FREQUENCY);
}

export function bayesFactorBits(m: number, u: number): number {
  return Math.log2(m / u);
}

export function probabilityFromWeight(matchWeight: number): number {
  return 1 / (1 + 2 ** -matchWeight);
}

/**
 * A level that rules the pair out (Jr against Sr) takes whatever the other fields add above the prior:
 * father and son share an address, a phone and a name, and none of it says they are one person.
 */
function ruledOut(contributions: FieldContribution[], limits: CompiledLimits): FieldContribution[] {
  const index = contributions.findIndex((contribution) => rulesPairOut(limits, contribution.field, contribution.level));
  if (index < 0) return contributions;
  const excess = contributions.reduce((sum, contribution) => sum + contribution.weight, 0);
  if (excess <= 0) return contributions;
  const ruling = contributions[index];
  const held = { ...ruling, weight: ruling.weight - excess, unlimitedWeight: ruling.unlimitedWeight ?? ruling.weight, limitedBy: 'rulesOut' as const };
  return contributions.map((contribution, position) => (position === index ? held : contribution));
}

export function scoreComparison(vector: ComparisonVector, params: MatchParameters, options: ScoreOptions = {}): ScoredPair {
  const model = options.model ?? MATCH_MODEL;
  const priorWeight = bayesFactorBits(params.lambda, 1 - params.lambda);
  const unlimited = vector.comparisons.map((comparison): FieldContribution => {
    const base = {
      field: comparison.field,
      level: comparison.level,
      left: comparison.left,
      right: comparison.right,
      ...(comparison.contradicts ? { contradicts: true as const } : {}),
      ...(comparison.corroborates === false ? { corroborates: false as const } : {}),
    };
    // A level the model does not declare throws (a bug); one the parameters lack weighs 0 (estimated before it existed).
    levelOf(model, comparison.field, comparison.level);
    const levelParams = comparison.level === NULL_LEVEL ? undefined : params.fields[comparison.field]?.levels[comparison.level];
    if (!levelParams) return { ...base, weight: 0, m: null, u: null };
    if (comparison.termFrequency !== undefined) {
      const u = termFrequencyU(comparison.termFrequency, levelParams.u, options.termFrequencyCustomers);
      return { ...base, weight: bayesFactorBits(levelParams.m, u), m: levelParams.m, u, tfAdjusted: true };
    }
    return { ...base, weight: bayesFactorBits(levelParams.m, levelParams.u), m: levelParams.m, u: levelParams.u };
  });
  const limits = compiledLimitsOf(params, model);
  const limited = limitWeights(
    unlimited.map((contribution) => contribution.field),
    unlimited.map((contribution) => contribution.weight),
    limits,
  );
  const contributions = ruledOut(
    unlimited.map((contribution, index) => ({ ...contribution, ...limited[index] })),
    limits,
  );
  const matchWeight = contributions.reduce((sum, contribution) => sum + contribution.weight, priorWeight);
  return {
    priorWeight,
    matchWeight,
    matchProbability: probabilityFromWeight(matchWeight),
    contributions,
    parametersVersion: params.version,
  };
}
