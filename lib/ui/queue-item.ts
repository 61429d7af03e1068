// One queue row as the client table gets it: plain serialisable values.
import type { QueueRow } from '../services/review-queue';
import type { CandidateDecision } from '../domain/resolution';
import type { ConfidenceBand } from '../matching/types';
import { leadingConcern, leadingReason, readExplanation } from './explanation';

export interface QueueItem {
  resultId: number;
  incomingId: number;
  incomingName: string;
  customerId: number;
  customerName: string;
  band: ConfidenceBand;
  probability: number;
  createdAt: string;
  reviewed: boolean;
  decision: CandidateDecision | null;
  version: number;
  /** The strongest evidence for, and apart from it the strongest against, in words. */
  reasonFor: string | null;
  reasonAgainst: string | null;
}

export function toQueueItem(row: QueueRow): QueueItem {
  const explanation = readExplanation(row.result.matchCriteria);
  return {
    resultId: row.result.id,
    incomingId: row.result.incomingId,
    incomingName: row.incomingName ?? `Incoming ${row.result.incomingId}`,
    customerId: row.result.customerId,
    customerName: row.customerName ?? `Customer ${row.result.customerId}`,
    band: row.result.confidenceBand,
    probability: row.result.matchProbability,
    createdAt: row.result.createdAt.toISOString(),
    reviewed: row.result.reviewed,
    decision: row.result.reviewDecision,
    version: row.result.version,
    reasonFor: explanation ? leadingReason(explanation) : null,
    reasonAgainst: explanation ? leadingConcern(explanation) : null,
  };
}
