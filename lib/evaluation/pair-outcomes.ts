// From scored candidates to labelled outcomes: each pair is keyed once (a dedupe pair is scored from both
// of its records and the views combine), then compared with the data set's truth.
import { PairViews } from '../matching/competition';
import { calibratedProbability, type Calibration } from '../matching/score/calibration';
import type { ExactHold } from '../matching/types';
import { clusteredErrors } from './clustered';
import { orderedPair, type LabelledDataset } from './datasets/types';
import type { ScoredOutcome } from './metrics';

export interface ScoredView {
  matchWeight: number;
  /** The competing-candidates term inside matchWeight (≤ 0). */
  competitionBits: number;
  exactHold: ExactHold | null;
}

export interface PairError<T> {
  ids: [string, string];
  probability: number;
  isHardNegative: boolean;
  /** What came with the pair's best view (e.g. the scored candidate, to explain it). */
  item: T;
}

export class LabelledPairs<T extends Pick<ScoredView, 'exactHold'> = Pick<ScoredView, 'exactHold'>> {
  private readonly views = new PairViews<T>();
  private readonly truth: Set<string>;
  private readonly hardNegatives: Set<string>;

  /** calibration: the parameters' (when fitted on decisions), so the figures read the probabilities stewards see. */
  constructor(
    private readonly dataset: LabelledDataset,
    private readonly calibration?: Pick<Calibration, 'slope' | 'intercept'>,
  ) {
    this.truth = new Set(dataset.truePairs.map(([a, b]) => `${a}\u0000${b}`));
    this.hardNegatives = new Set((dataset.hardNegativePairs ?? []).map(([a, b]) => `${a}\u0000${b}`));
  }

  /** The key of the pair (incoming id, customer id): ordered for dedupe sets, as their labels are. */
  key(incomingId: string, customerId: string): string {
    return (this.dataset.mode === 'dedupe' ? orderedPair(incomingId, customerId) : [incomingId, customerId]).join('\u0000');
  }

  add(incomingId: string, customerId: string, view: Omit<ScoredView, 'exactHold'>, item: T): void {
    this.views.add(this.key(incomingId, customerId), view.matchWeight, view.competitionBits, item);
  }

  /** Each pair's probability with its views combined, keyed "idA\0idB". */
  probabilities(): Map<string, number> {
    const calibration = this.calibration;
    return calibration ? this.views.probabilities((weight) => calibratedProbability(weight, calibration)) : this.views.probabilities();
  }

  outcomes(probabilities = this.probabilities()): Array<ScoredOutcome & { key: string }> {
    return [...probabilities.entries()].map(([key, matchProbability]) => ({
      key,
      matchProbability,
      isTrueMatch: this.truth.has(key),
      isHardNegative: this.hardNegatives.has(key),
      exactHold: this.views.item(key)?.exactHold ?? null,
    }));
  }

  /** The pairs on the wrong side of the cut-off; for dedupe sets also the errors after clustering into entities. */
  errors(cutoff: number, probabilities = this.probabilities()) {
    const falsePositives: PairError<T>[] = [];
    const falseNegatives: PairError<T>[] = [];
    for (const [key, probability] of probabilities) {
      const error = { ids: key.split('\u0000') as [string, string], probability, isHardNegative: this.hardNegatives.has(key), item: this.views.item(key)! };
      if (!this.truth.has(key) && probability >= cutoff) falsePositives.push(error);
      if (this.truth.has(key) && probability < cutoff) falseNegatives.push(error);
    }
    const byProbability = (a: PairError<T>, b: PairError<T>) => b.probability - a.probability;
    // Entities exist only where a list is deduplicated against itself.
    const clustered = this.dataset.mode === 'dedupe' ? clusteredErrors(this.dataset, probabilities, cutoff) : null;
    return { falsePositives: falsePositives.sort(byProbability), falseNegatives: falseNegatives.sort(byProbability), clustered };
  }
}
