// Ranking the scored candidates of one incoming record, best first; two customers both above the high
// cut are flagged as a likely duplicate among existing customers.
import type { BandThresholds } from './band';

export interface Ranked<T> {
  matches: T[];
  /** Two or more candidates at or above the high cut. */
  likelyDuplicateCustomers: boolean;
}

export function rankMatches<T extends { matchProbability: number }>(
  scored: readonly T[],
  thresholds: Pick<BandThresholds, 'high'>,
): Ranked<T> {
  const matches = [...scored].sort((a, b) => b.matchProbability - a.matchProbability);
  const aboveHigh = matches.filter((match) => match.matchProbability >= thresholds.high).length;
  return { matches, likelyDuplicateCustomers: aboveHigh >= 2 };
}
