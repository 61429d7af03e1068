// Ranking the scored candidates of one incoming record: best first, keeping one entry per
// customer (the best one when several candidate channels found it), and flagging when two
// customers are both above the high cut — a likely duplicate among existing customers.
import type { BandThresholds } from './band';

export interface Ranked<T> {
  matches: T[];
  /** Two or more candidates at or above the high cut. */
  likelyDuplicateCustomers: boolean;
}

/** One entry per key, the one with the highest score; input order breaks ties (first wins). */
export function keepBestPerKey<T>(items: readonly T[], key: (item: T) => string, score: (item: T) => number): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const current = best.get(key(item));
    if (current === undefined || score(item) > score(current)) best.set(key(item), item);
  }
  return [...best.values()];
}

export function rankMatches<T extends { matchProbability: number }>(
  scored: readonly T[],
  thresholds: Pick<BandThresholds, 'high'>,
): Ranked<T> {
  const matches = [...scored].sort((a, b) => b.matchProbability - a.matchProbability);
  const aboveHigh = matches.filter((match) => match.matchProbability >= thresholds.high).length;
  return { matches, likelyDuplicateCustomers: aboveHigh >= 2 };
}
