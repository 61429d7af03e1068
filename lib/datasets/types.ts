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
