// u among pairs that share a contact point (compare/types.ts, uGivenSharedContact): its starting
// values and its estimate from the candidates.
import { FIELD_COMPARISONS } from '../compare/compare-pair';
import type { ComparisonVector } from '../compare/types';
import { EPSILON, posterior, type LevelTable } from './em-tables';
import type { CompiledLimits } from './limits';
import { initialParameters, type MatchParameters } from './params';

export interface UTables {
  u: LevelTable;
  /** u among pairs that share a contact point (fields with uGivenSharedContact). */
  uShared: LevelTable;
}

const SHARED_CONTACT_FIELDS = FIELD_COMPARISONS.filter((definition) => definition.uGivenSharedContact);

/** u among pairs sharing a contact point, for the fields that have one; else the declared prior. */
export function sharedContactTableOf(params: MatchParameters): LevelTable {
  const starting = initialParameters();
  return Object.fromEntries(
    SHARED_CONTACT_FIELDS.map(({ field, levels }) => {
      const known = params.fields[field]?.levels ?? {};
      const fallback = starting.fields[field].levels;
      return [field, Object.fromEntries(levels.map((level) => [level, known[level]?.uSharedContact ?? fallback[level].uSharedContact ?? fallback[level].u]))];
    }),
  );
}

/**
 * u among pairs that share a contact point, from the candidates (every pair sharing a mailbox,
 * number or address is one): each such pair counts by its probability of being a non-match under
 * the current model judged without the field itself and the summary signals (judging with it would
 * be circular), with `priorStrength` pseudo-pairs at `start`. The contact agreement
 * stays in that judgement: with names as the only identity field (no birth dates, no documents),
 * a latent-class fit among the sharing pairs alone could not tell one person's records from a
 * household's, and would take either for the other.
 */
export function estimateSharedContactU(vectors: ComparisonVector[], m: LevelTable, tables: UTables, lambda: number, limits: CompiledLimits, start: LevelTable, priorStrength: number): LevelTable {
  const summaries = FIELD_COMPARISONS.filter((definition) => definition.uFromCandidates).map((definition) => definition.field);
  const shared = vectors.filter((vector) => vector.comparisons.some((comparison) => comparison.context === 'sharedContact'));
  const next: LevelTable = {};
  for (const { field, levels } of SHARED_CONTACT_FIELDS) {
    const excluded = new Set([field, ...summaries]);
    const counts: Record<string, number> = {};
    let total = 0;
    for (const vector of shared) {
      const comparison = vector.comparisons.find((candidate) => candidate.field === field);
      if (!comparison || comparison.context !== 'sharedContact') continue;
      const nonMatch = 1 - posterior(vector, m, tables.u, lambda, excluded, limits, tables.uShared);
      counts[comparison.level] = (counts[comparison.level] ?? 0) + nonMatch;
      total += nonMatch;
    }
    next[field] = Object.fromEntries(
      levels.map((level) => [level, Math.min(1 - EPSILON, Math.max(EPSILON, ((counts[level] ?? 0) + priorStrength * start[field][level]) / (total + priorStrength)))]),
    );
  }
  return next;
}
