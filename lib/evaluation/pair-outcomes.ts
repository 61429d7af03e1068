// From scored candidates to labelled outcomes: each pair is keyed once (a dedupe pair is scored from both
// of its records and the views combine), then compared with the data set's truth.
import { PairViews } from '../matching/competition';
import type { ExactHold } from '../matching/types';
import { orderedPair, type LabelledDataset } from './datasets/types';
import type { ScoredOutcome } from './metrics';

export interface ScoredView {
  matchWeight: number;
  /** The competing-candidates term inside matchWeight (≤ 0). */
  competitionBits: number;
  exactHold: ExactHold | null;
}

export class LabelledPairs {
  private readonly views = new PairViews<ExactHold | null>();

  constructor(private readonly dataset: Pick<LabelledDataset, 'mode' | 'truePairs' | 'hardNegativePairs'>) {}

  /** The key of the pair (incoming id, customer id): ordered for dedupe sets, as their labels are. */
  key(incomingId: string, customerId: string): string {
    return (this.dataset.mode === 'dedupe' ? orderedPair(incomingId, customerId) : [incomingId, customerId]).join('\u0000');
  }

  add(incomingId: string, customerId: string, scored: ScoredView): void {
    this.views.add(this.key(incomingId, customerId), scored.matchWeight, scored.competitionBits, scored.exactHold);
  }

  /** Each pair's probability with its views combined, keyed "idA\0idB". */
  probabilities(): Map<string, number> {
    return this.views.probabilities();
  }

  outcomes(probabilities = this.probabilities()): Array<ScoredOutcome & { key: string }> {
    const truth = new Set(this.dataset.truePairs.map(([a, b]) => `${a}\u0000${b}`));
    const hardNegatives = new Set((this.dataset.hardNegativePairs ?? []).map(([a, b]) => `${a}\u0000${b}`));
    return [...probabilities.entries()].map(([key, matchProbability]) => ({
      key,
      matchProbability,
      isTrueMatch: truth.has(key),
      isHardNegative: hardNegatives.has(key),
      exactHold: this.views.item(key) ?? null,
    }));
  }
}
