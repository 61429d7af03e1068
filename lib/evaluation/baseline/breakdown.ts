// Which kinds of generated record a linker gets wrong: false positives by the incoming record's
// kind (look-alike kind, sparse or not), false negatives by the variant's perturbations.
import type { LabelledDataset } from '@/lib/evaluation/datasets/types';
import type { IncomingTruth } from '@/lib/evaluation/sample/generate';

export interface ScoredPair {
  incomingId: string;
  customerId: string;
  matchProbability: number;
  isTrueMatch: boolean;
}

export interface ErrorBreakdown {
  falsePositives: Record<string, number>;
  /** Per perturbation kind: missed true pairs that carried it (a pair counts under each of its kinds). */
  falseNegatives: Record<string, number>;
}

function hasTruth(dataset: LabelledDataset): dataset is LabelledDataset & { truth: IncomingTruth[] } {
  return Array.isArray((dataset as { truth?: unknown }).truth);
}

function falsePositiveKind(truth: IncomingTruth | undefined, customerId: string): string {
  if (!truth) return 'unknown';
  const sparse = truth.perturbations.includes('sparse') ? ':sparse' : '';
  const target = truth.customerId === customerId ? '' : ':other-customer';
  return `${truth.hardNegativeKind ?? truth.kind}${sparse}${target}`;
}

const increment = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** Null for data sets without per-record truth (only the generated set has it). */
export function errorBreakdown(dataset: LabelledDataset, outcomes: ScoredPair[], cutoff: number): ErrorBreakdown | null {
  if (!hasTruth(dataset)) return null;
  const truthById = new Map(dataset.truth.map((entry) => [entry.incomingId, entry]));
  const falsePositives: Record<string, number> = {};
  const found = new Set<string>();
  for (const outcome of outcomes) {
    if (outcome.matchProbability < cutoff) continue;
    if (outcome.isTrueMatch) found.add(`${outcome.incomingId}|${outcome.customerId}`);
    else increment(falsePositives, falsePositiveKind(truthById.get(outcome.incomingId), outcome.customerId));
  }
  const falseNegatives: Record<string, number> = {};
  for (const [incomingId, customerId] of dataset.truePairs) {
    if (found.has(`${incomingId}|${customerId}`)) continue;
    increment(falseNegatives, 'total');
    for (const kind of truthById.get(incomingId)?.perturbations ?? []) increment(falseNegatives, kind);
  }
  return { falsePositives, falseNegatives };
}
