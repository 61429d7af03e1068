// Model parameters: the prior λ and, per field and level, m = P(level | match) and
// u = P(level | non-match). Versioned JSON, validated on load, shown in the UI as they are.
import { z } from 'zod';
import { FIELD_COMPARISONS } from '../compare/compare-pair';

const probability = z.number().gt(0).lt(1);

const levelParameters = z.object({ m: probability, u: probability });

export const matchParametersSchema = z.object({
  /** Free-form but unique per estimate, e.g. "em-generated-2024-05-01". Stored with every score. */
  version: z.string().min(1),
  /** Probability that two records compared at random are the same entity (the FS prior λ). */
  lambda: probability,
  fields: z.record(z.string(), z.object({ levels: z.record(z.string(), levelParameters) })),
  /** How the parameters were obtained (data set, pairs, iterations, convergence). */
  training: z
    .object({
      method: z.enum(['em', 'labels', 'initial']),
      dataset: z.string().optional(),
      candidatePairs: z.number().int().nonnegative().optional(),
      randomPairs: z.number().int().nonnegative().optional(),
      iterations: z.number().int().nonnegative().optional(),
      converged: z.boolean().optional(),
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
 * Neutral starting point for EM when nothing better is known: m falls and u rises down each
 * field's ordered levels, so EM starts with "agreement is evidence of a match" and finds the sizes.
 */
export function initialParameters(lambda = 1e-3): MatchParameters {
  const fields: MatchParameters['fields'] = {};
  for (const definition of FIELD_COMPARISONS) {
    const count = definition.levels.length;
    const mRaw = definition.levels.map((_, index) => 2 ** (count - 1 - index));
    const uRaw = definition.levels.map((_, index) => 4 ** index);
    const mTotal = mRaw.reduce((sum, value) => sum + value, 0);
    const uTotal = uRaw.reduce((sum, value) => sum + value, 0);
    fields[definition.field] = {
      levels: Object.fromEntries(
        definition.levels.map((level, index) => [level, { m: mRaw[index] / mTotal, u: uRaw[index] / uTotal }]),
      ),
    };
  }
  return { version: 'initial', lambda, fields, training: { method: 'initial' } };
}
