// Simulated steward labels for the learning curve: the incoming records split in two (seeded), labels
// drawn from the candidate pairs of one half, figures reported on the other, so no labelled pair is scored.
import { MOST_UNCERTAIN_PROBABILITY } from '../schemas/review-queue';
import { Random } from './sample/random';

/** random: an unbiased draw of candidate pairs; uncertain: as the queue's most-uncertain-first sort offers them. */
export const LABEL_ORDERS = ['random', 'uncertain'] as const;
export type LabelOrder = (typeof LABEL_ORDERS)[number];

export interface HeldOutSplit {
  /** Incoming records whose candidate pairs may be labelled. */
  labelHalf: Set<string>;
  /** Incoming records whose pairs are scored and reported. */
  reportHalf: Set<string>;
}

/** A seeded half of the incoming records for labels (the larger half when odd), the rest for figures. */
export function splitIncoming(incomingIds: readonly string[], seed: number): HeldOutSplit {
  const shuffled = new Random(seed, 'label-split').shuffle([...incomingIds].sort());
  const half = Math.ceil(shuffled.length / 2);
  return { labelHalf: new Set(shuffled.slice(0, half)), reportHalf: new Set(shuffled.slice(half)) };
}

export interface LabellablePair {
  /** The pair's two data set ids: [incoming, customer] for link sets, ordered for dedupe sets. */
  ids: [string, string];
  matchProbability: number;
  isTrueMatch: boolean;
}

/**
 * The order in which a simulated steward decides the pairs: the first n are the labels of a learning-curve
 * point, so each point's labels include the previous point's (a steward keeps deciding).
 */
export function labelDrawOrder<P extends LabellablePair>(pairs: readonly P[], order: LabelOrder, seed: number): P[] {
  const key = (pair: P) => pair.ids.join('\u0000');
  const byIds = [...pairs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (order === 'random') return new Random(seed, 'label-draw').shuffle(byIds);
  // Stable sort: equally uncertain pairs stay in id order.
  return byIds.sort((a, b) => Math.abs(a.matchProbability - MOST_UNCERTAIN_PROBABILITY) - Math.abs(b.matchProbability - MOST_UNCERTAIN_PROBABILITY));
}
