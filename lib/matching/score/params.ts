// Model parameters: the prior λ and, per field and level, m = P(level | match) and
// u = P(level | non-match). Versioned JSON, validated on load, shown in the UI as they are.
import { z } from 'zod';
import { MATCH_MODEL, type MatchModel } from '../model';
import { declaredWeightLimits } from './limits';

const probability = z.number().gt(0).lt(1);

const levelParameters = z.object({
  m: probability,
  u: probability,
});

export const matchParametersSchema = z.object({
  /** Free-form but unique per estimate, e.g. "em-generated-2024-05-01". Stored with every score. */
  version: z.string().min(1),
  /** Probability that two records compared at random are the same entity (the FS prior λ). */
  lambda: probability,
  fields: z.record(z.string(), z.object({ levels: z.record(z.string(), levelParameters) })),
  /**
   * Field → most bits its weight may add or remove (summary signals such as the profile
   * embedding). Absent: the limits the comparisons declare (see score/limits.ts).
   */
  weightCaps: z.record(z.string(), z.number().positive()).optional(),
  /**
   * Group → units of fields carrying the same evidence (a unit's fields add up); only the unit
   * with the strongest agreement counts its agreement. Absent: as declared.
   */
  evidenceGroups: z.record(z.string(), z.array(z.array(z.string()).min(1)).min(1)).optional(),
  impliedBy: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  /** Fitted on steward decisions (score/calibration.ts): p re-read from the match weight. Absent: p = 2^W / (1 + 2^W). */
  calibration: z
    .object({
      slope: z.number().positive(),
      intercept: z.number(),
      labels: z.object({ matches: z.number().int().nonnegative(), nonMatches: z.number().int().nonnegative() }),
    })
    .optional(),
  /** How the parameters were obtained (data set, pairs, iterations, convergence). */
  training: z
    .object({
      method: z.enum(['em', 'labels', 'initial']),
      dataset: z.string().optional(),
      /** Customers in the training data: λ scales with it (see adjustPriorForCustomerCount). */
      customers: z.number().int().positive().optional(),
      candidatePairs: z.number().int().nonnegative().optional(),
      randomPairs: z.number().int().nonnegative().optional(),
      iterations: z.number().int().nonnegative().optional(),
      converged: z.boolean().optional(),
      /** Steward decisions the estimate held fixed (semi-supervised EM, em.ts). */
      labels: z.object({ matches: z.number().int().nonnegative(), nonMatches: z.number().int().nonnegative() }).optional(),
      createdAt: z.string().optional(),
      command: z.string().optional(),
    })
    .optional(),
});

export type MatchParameters = z.infer<typeof matchParametersSchema>;
export type LevelParameters = z.infer<typeof levelParameters>;

/** Validates unknown JSON into parameters; throws a ZodError naming the bad path. */
export function parseMatchParameters(json: unknown): MatchParameters {
  return matchParametersSchema.parse(json);
}

/**
 * λ is the chance that a random incoming–customer pair matches, so it falls as the customer table
 * grows (an incoming record has at most about one true customer). Rescales λ from the training
 * table size to `customerCount`; parameters without a recorded size are returned unchanged.
 */
export function adjustPriorForCustomerCount(params: MatchParameters, customerCount: number): MatchParameters {
  const trainedOn = params.training?.customers;
  if (!trainedOn || !Number.isFinite(customerCount) || customerCount < 1) return params;
  const lambda = Math.min(0.5, Math.max(1e-12, (params.lambda * trainedOn) / customerCount));
  return { ...params, lambda };
}

/**
 * Starting point for EM when nothing better is known: a comparison's declared priors when its levels
 * have them, else neutral values where m falls and u rises down the ordered levels, so EM starts with
 * "agreement is evidence of a match" and finds the sizes.
 */
export function initialParameters(model: MatchModel = MATCH_MODEL, lambda = 1e-3): MatchParameters {
  const fields: MatchParameters['fields'] = {};
  for (const definition of model.comparisons) {
    const levels = definition.levels;
    if (levels.every((level) => level.prior)) {
      fields[definition.field] = { levels: Object.fromEntries(levels.map((level) => [level.name, { ...level.prior! }])) };
      continue;
    }
    const count = levels.length;
    const mRaw = levels.map((_, index) => 2 ** (count - 1 - index));
    const uRaw = levels.map((_, index) => 4 ** index);
    const mTotal = mRaw.reduce((sum, value) => sum + value, 0);
    const uTotal = uRaw.reduce((sum, value) => sum + value, 0);
    fields[definition.field] = {
      levels: Object.fromEntries(levels.map((level, index) => [level.name, { m: mRaw[index] / mTotal, u: uRaw[index] / uTotal }])),
    };
  }
  return { version: 'initial', lambda, fields, ...declaredWeightLimits(model), training: { method: 'initial' } };
}

/**
 * Parameters estimated before a field or level existed get the declared starting values for it
 * (a level the parameters do not know would otherwise weigh nothing); known values are kept.
 */
export function withDeclaredLevels(params: MatchParameters, model: MatchModel = MATCH_MODEL): MatchParameters {
  const declared = initialParameters(model).fields;
  const fields: MatchParameters['fields'] = {};
  for (const [field, { levels }] of Object.entries(declared)) {
    fields[field] = { levels: { ...levels, ...(params.fields[field]?.levels ?? {}) } };
  }
  return { ...params, fields: { ...params.fields, ...fields } };
}
