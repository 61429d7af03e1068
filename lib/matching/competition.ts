// Competing candidates: a record can be at most one of two candidates that cannot be one entity, so each
// pair's odds are set against those it excludes, as an explicit term (docs/matching.md#competing-candidates).
import { memoizedPairs } from './pair-memo';
import { probabilityFromWeight } from './score/score';

/** Candidates with a weight below this many bits add less than 2^-12 to the sum: not looked at. */
export const NEGLIGIBLE_WEIGHT_BITS = -12;

export interface Competition {
  /** −log2(1 + Σ 2^{W_k}) over the conflicting candidates: ≤ 0, 0 when there are none. */
  penaltyBits: number;
  /** Indexes of the candidates in conflict with this one that entered the sum, strongest first. */
  competitors: number[];
}

/** log2(1 + Σ 2^x) without overflow. */
function log2OnePlusSum(exponents: number[]): number {
  const top = Math.max(0, ...exponents);
  const sum = 2 ** -top + exponents.reduce((total, exponent) => total + 2 ** (exponent - top), 0);
  return top + Math.log2(sum);
}

/**
 * Per candidate (by index into `weights`, each the pair's match weight in bits before competition):
 * the penalty for the candidates it excludes. `conflict(j, k)` says whether candidates j and k
 * cannot be one entity; it is asked only for candidates whose weight is not negligible. `canBeRecord(k)`
 * says whether candidate k could be the record at all: one that hard-conflicts with the record itself
 * (another birth date, another registry number) cannot take the record away from anyone, so it is no rival.
 */
export function competingCandidates(weights: readonly number[], conflict: (j: number, k: number) => boolean, canBeRecord: (k: number) => boolean = () => true): Competition[] {
  const relevant = weights.map((weight, index) => ({ weight, index })).filter(({ weight, index }) => weight >= NEGLIGIBLE_WEIGHT_BITS && canBeRecord(index));
  const conflicting = memoizedPairs(conflict);
  return weights.map((weight, j) => {
    if (weight < NEGLIGIBLE_WEIGHT_BITS) return { penaltyBits: 0, competitors: [] };
    const rivals = relevant.filter(({ index }) => index !== j && conflicting(j, index)).sort((a, b) => b.weight - a.weight);
    if (rivals.length === 0) return { penaltyBits: 0, competitors: [] };
    return { penaltyBits: -log2OnePlusSum(rivalEntities(rivals, conflicting)), competitors: rivals.map((rival) => rival.index) };
  });
}

/**
 * The rivals as entities, each counted once by its strongest record: a rival joins the first
 * (strongest-led) group whose leader it does not conflict with, so four records of one other
 * person claim the record once, while two people who exclude each other both claim it.
 */
function rivalEntities(rivals: Array<{ weight: number; index: number }>, conflicting: (j: number, k: number) => boolean): number[] {
  const leaders: Array<{ weight: number; index: number }> = [];
  for (const rival of rivals) {
    if (!leaders.some((leader) => !conflicting(leader.index, rival.index))) leaders.push(rival);
  }
  return leaders.map((leader) => leader.weight);
}

/**
 * Dedupe: a pair is a candidate of both of its records, and each view has its own rivals. The
 * hypotheses either view excludes add up: W' = W − log2(1 + Σ_views (2^{−penalty} − 1)).
 * `weight` is the pair's weight before competition, `penalties` each view's penaltyBits (≤ 0).
 */
export function combineViews(weight: number, penalties: readonly number[]): number {
  const bits = penalties.filter((penalty) => penalty < 0).map((penalty) => -penalty);
  if (bits.length === 0) return weight;
  // log2(1 + Σ (2^b − 1)), shifted by the largest b so that no power overflows.
  const top = Math.max(...bits);
  const shifted = 2 ** -top + bits.reduce((sum, b) => sum + 2 ** (b - top) - 2 ** -top, 0);
  return weight - (top + Math.log2(shifted));
}

/**
 * The views of each pair as they come in (dedupe: one from each of its records), combined with
 * combineViews: the pair's weight is its best view's before competition, and every view's rivals count.
 * `item` keeps what came with the best view (an explanation, for instance).
 */
export class PairViews<T = undefined> {
  private readonly views = new Map<string, { weight: number; penalties: number[]; item: T }>();

  /** `matchWeight` after competition, `competitionBits` the competition term inside it (≤ 0). */
  add(key: string, matchWeight: number, competitionBits: number, item: T): void {
    const alone = matchWeight - competitionBits;
    const view = this.views.get(key);
    if (!view) {
      this.views.set(key, { weight: alone, penalties: [competitionBits], item });
      return;
    }
    if (alone > view.weight) Object.assign(view, { weight: alone, item });
    view.penalties.push(competitionBits);
  }

  /** Each pair's probability with all its views combined (toProbability: a calibration of the weight). */
  probabilities(toProbability: (weight: number) => number = probabilityFromWeight): Map<string, number> {
    return new Map([...this.views].map(([key, { weight, penalties }]) => [key, toProbability(combineViews(weight, penalties))]));
  }

  /** What came with the pair's best view. */
  item(key: string): T | undefined {
    return this.views.get(key)?.item;
  }
}
