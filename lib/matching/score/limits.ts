// Where Fellegi–Sunter's independence does not hold the sum is limited (docs/matching.md#weight-limits): a summary
// signal moves a few bits at most, what people sharing premises share at once counts once, and an agreement
// another implies adds nothing. The limits are recorded in the parameters; each limited weight says so.
import { MATCH_MODEL, type MatchModel } from '../model';
import type { MatchParameters } from './params';

export interface WeightLimits {
  /** Field → most bits its weight may add or remove. */
  weightCaps: Record<string, number>;
  /**
   * Group → its units, each a list of fields whose weights add up (the parts of an address).
   * Of a group's units only the one with the largest agreement counts its agreement.
   */
  evidenceGroups: Record<string, string[][]>;
  /** Field → fields whose agreement implies its own (the same street line lies in the same town): it then adds nothing. */
  impliedBy: Record<string, string[]>;
}

/** The limits the model's comparisons declare: what a parameter set without its own limits gets. */
export function declaredWeightLimits(model: MatchModel = MATCH_MODEL): WeightLimits {
  const weightCaps: Record<string, number> = {};
  const impliedBy: Record<string, string[]> = {};
  const units = new Map<string, Map<string, string[]>>();
  for (const definition of model.comparisons) {
    if (definition.maxWeightBits !== undefined) weightCaps[definition.field] = definition.maxWeightBits;
    if (definition.impliedBy) impliedBy[definition.field] = [...definition.impliedBy];
    if (!definition.evidenceGroup) continue;
    const group = units.get(definition.evidenceGroup) ?? new Map<string, string[]>();
    units.set(definition.evidenceGroup, group);
    const unit = definition.evidenceUnit ?? definition.field;
    group.set(unit, [...(group.get(unit) ?? []), definition.field]);
  }
  const evidenceGroups = Object.fromEntries([...units].map(([group, byUnit]) => [group, [...byUnit.values()]]));
  return { weightCaps, evidenceGroups, impliedBy };
}

type RecordedLimits = Pick<MatchParameters, 'weightCaps' | 'evidenceGroups' | 'impliedBy'>;

export function weightLimitsOf(params: RecordedLimits, model: MatchModel = MATCH_MODEL): WeightLimits {
  const declared = params.weightCaps && params.evidenceGroups && params.impliedBy ? undefined : declaredWeightLimits(model);
  return {
    weightCaps: params.weightCaps ?? declared!.weightCaps,
    evidenceGroups: params.evidenceGroups ?? declared!.evidenceGroups,
    impliedBy: params.impliedBy ?? declared!.impliedBy,
  };
}

export interface LimitedWeight {
  weight: number;
  /** Present when the weight was limited: the weight before, and which rule limited it. */
  unlimitedWeight?: number;
  limitedBy?: 'cap' | 'evidenceGroup';
  evidenceGroup?: string;
}

/** A prepared form of the limits for the hot loop (EM runs this per pair and iteration). */
export interface CompiledLimits {
  capOf: Map<string, number>;
  groupOf: Map<string, string>;
  /** Field → "group/unit index". */
  unitOf: Map<string, string>;
  impliedBy: Map<string, string[]>;
  /** "field/level" of the levels that rule a pair out (compare/types.ts rulesOut): the weight is the prior at most. */
  rulesOut: Set<string>;
}

const compiledByParameters = new WeakMap<object, CompiledLimits>();

/** The compiled limits of a parameter set, prepared once per parameters object. */
export function compiledLimitsOf(params: RecordedLimits, model: MatchModel = MATCH_MODEL): CompiledLimits {
  let compiled = compiledByParameters.get(params);
  if (!compiled) {
    compiled = compileLimits(weightLimitsOf(params, model), model);
    compiledByParameters.set(params, compiled);
  }
  return compiled;
}

export function compileLimits(limits: WeightLimits, model: MatchModel = MATCH_MODEL): CompiledLimits {
  const groupOf = new Map<string, string>();
  const unitOf = new Map<string, string>();
  for (const [group, units] of Object.entries(limits.evidenceGroups)) {
    units.forEach((fields, index) => {
      for (const field of fields) {
        groupOf.set(field, group);
        unitOf.set(field, `${group}/${index}`);
      }
    });
  }
  const rulesOut = new Set(model.comparisons.flatMap((definition) => definition.levels.filter((level) => level.rulesOut).map((level) => rulesOutKey(definition.field, level.name))));
  return { capOf: new Map(Object.entries(limits.weightCaps)), groupOf, unitOf, impliedBy: new Map(Object.entries(limits.impliedBy)), rulesOut };
}

const rulesOutKey = (field: string, level: string) => `${field}/${level}`;

/** Whether this level of this comparison rules a pair out (compare/types.ts rulesOut). */
export function rulesPairOut(limits: CompiledLimits, field: string, level: string): boolean {
  return limits.rulesOut.size > 0 && limits.rulesOut.has(rulesOutKey(field, level));
}

/** Fields of the same group as `field` (itself included); just the field when it has no group. */
export function groupMates(field: string, limits: CompiledLimits): string[] {
  const group = limits.groupOf.get(field);
  return group === undefined ? [field] : [...limits.groupOf].filter(([, other]) => other === group).map(([mate]) => mate);
}

function capped(field: string, weight: number, limits: CompiledLimits): number {
  const cap = limits.capOf.get(field);
  return cap === undefined ? weight : Math.max(-cap, Math.min(cap, weight));
}

/** Per group, the unit whose agreements (positive weights) add up to the most. */
function strongestUnits(fields: readonly string[], weights: readonly number[], limits: CompiledLimits): Map<string, string> {
  const agreement = new Map<string, number>();
  fields.forEach((field, index) => {
    const unit = limits.unitOf.get(field);
    if (unit !== undefined && weights[index] > 0) agreement.set(unit, (agreement.get(unit) ?? 0) + weights[index]);
  });
  const strongest = new Map<string, { unit: string; total: number }>();
  for (const [unit, total] of agreement) {
    const group = unit.slice(0, unit.lastIndexOf('/'));
    const best = strongest.get(group);
    if (!best || total > best.total) strongest.set(group, { unit, total });
  }
  return new Map([...strongest].map(([group, { unit }]) => [group, unit]));
}

/**
 * Applies caps, then counts each evidence group's agreement once: the agreeing weights of its
 * strongest unit stand, the agreeing weights of its other units become 0. Disagreements keep
 * their full weight: a different phone is evidence of its own even when the address agrees.
 * `fields[i]` and `weights[i]` describe one comparison.
 */
export function limitWeights(fields: readonly string[], weights: readonly number[], limits: CompiledLimits): LimitedWeight[] {
  const result: LimitedWeight[] = weights.map((weight, index) => {
    const limited = capped(fields[index], weight, limits);
    return limited === weight ? { weight } : { weight: limited, unlimitedWeight: weight, limitedBy: 'cap' };
  });
  const implied = impliedAgreements(fields, result.map((entry) => entry.weight), limits);
  implied.forEach((index) => {
    const group = limits.groupOf.get(fields[index]);
    result[index] = { weight: 0, unlimitedWeight: result[index].unlimitedWeight ?? result[index].weight, limitedBy: 'evidenceGroup', ...(group ? { evidenceGroup: group } : {}) };
  });
  const strongest = strongestUnits(fields, result.map((entry) => entry.weight), limits);
  const strongestDisagreement = strongestDisagreements(fields, result.map((entry) => entry.weight), limits);
  fields.forEach((field, index) => {
    const group = limits.groupOf.get(field);
    if (group === undefined || result[index].weight === 0) return;
    const unit = limits.unitOf.get(field);
    if (result[index].weight > 0 ? strongest.get(group) === unit : strongestDisagreement.get(unit!) === index) return;
    result[index] = { weight: 0, unlimitedWeight: result[index].unlimitedWeight ?? result[index].weight, limitedBy: 'evidenceGroup', evidenceGroup: group };
  });
  return result;
}

/** Indexes of agreements another agreeing field implies (they carry no evidence of their own then). */
function impliedAgreements(fields: readonly string[], weights: readonly number[], limits: CompiledLimits): number[] {
  if (limits.impliedBy.size === 0) return [];
  const agreeing = new Set(fields.filter((_, index) => weights[index] > 0));
  return fields.flatMap((field, index) => (weights[index] > 0 && limits.impliedBy.get(field)?.some((other) => agreeing.has(other)) ? [index] : []));
}

/**
 * Per unit, the index of its most negative weight. The disagreements of one unit are one event: a
 * customer who moved has another street and another town at once, so the unit's strongest
 * disagreement stands for all of them (P(street differs | town differs) is about 1 either way).
 */
function strongestDisagreements(fields: readonly string[], weights: readonly number[], limits: CompiledLimits): Map<string, number> {
  const strongest = new Map<string, number>();
  fields.forEach((field, index) => {
    const unit = limits.unitOf.get(field);
    if (unit === undefined || weights[index] >= 0) return;
    const current = strongest.get(unit);
    if (current === undefined || weights[index] < weights[current]) strongest.set(unit, index);
  });
  return strongest;
}

/** Σ limited weights, without building explanation objects (for EM). */
export function limitedSum(fields: readonly string[], weights: readonly number[], limits: CompiledLimits): number {
  const implied = impliedAgreements(fields, weights.map((weight, index) => capped(fields[index], weight, limits)), limits);
  if (implied.length > 0) {
    const without = [...weights];
    for (const index of implied) without[index] = 0;
    return limitedSum(fields, without, limits);
  }
  let total = 0;
  let grouped: Map<string, number> | undefined;
  let disagreements: Map<string, number> | undefined;
  for (let index = 0; index < weights.length; index += 1) {
    const weight = capped(fields[index], weights[index], limits);
    const unit = weight !== 0 ? limits.unitOf.get(fields[index]) : undefined;
    if (unit === undefined) total += weight;
    else if (weight > 0) (grouped ??= new Map()).set(unit, (grouped.get(unit) ?? 0) + weight);
    else (disagreements ??= new Map()).set(unit, Math.min(disagreements.get(unit) ?? 0, weight));
  }
  if (disagreements) for (const weight of disagreements.values()) total += weight;
  if (grouped) {
    const best = new Map<string, number>();
    for (const [unit, sum] of grouped) {
      const group = unit.slice(0, unit.lastIndexOf('/'));
      best.set(group, Math.max(best.get(group) ?? 0, sum));
    }
    for (const sum of best.values()) total += sum;
  }
  return total;
}
