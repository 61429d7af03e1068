// Labelled data sets: records plus the truth about which of them are the same entity.
// Every adapter (public benchmarks, generated data, a user's CSV pair) produces this one shape.
import type { CustomerRecord } from '@/lib/matching/types';

export interface LabelledRecord extends CustomerRecord {
  id: string;
}

export interface LabelledDataset {
  name: string;
  /** link: incoming vs customers; dedupe: every record vs all others (pairs unordered). */
  mode: 'link' | 'dedupe';
  customers: LabelledRecord[];
  /** For dedupe: the same records as customers. */
  incoming: LabelledRecord[];
  /** link: [incomingId, customerId]; dedupe: [idA, idB] with idA < idB (code-unit order). */
  truePairs: Array<[string, string]>;
  /**
   * Pairs that look alike but are known to be different entities (must not merge).
   * Same orientation as truePairs. Absent when the source has no such labels.
   */
  hardNegativePairs?: Array<[string, string]>;
  /** What was mapped or ignored, for reports. */
  notes: string[];
}

/** Orders an unordered pair so that dedupe pairs have one canonical form. */
export function orderedPair(idA: string, idB: string): [string, string] {
  return idA < idB ? [idA, idB] : [idB, idA];
}

/** Rows by a group key, in order of first appearance; rows whose key is null are in no group. */
export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** Every unordered pair of rows in one group that `keep` accepts, as sorted orderedPair ids (dedupe truth). */
export function pairsWithin<T>(
  rows: readonly T[],
  keyOf: (row: T) => string | null,
  idOf: (row: T) => string,
  keep: (a: T, b: T) => boolean = () => true,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const members of groupBy(rows, keyOf).values()) {
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        if (keep(members[i], members[j])) pairs.push(orderedPair(idOf(members[i]), idOf(members[j])));
      }
    }
  }
  return pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
}
