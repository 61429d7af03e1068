// A source record resolved onto a customer (accepted, merged, or the record the customer was created from),
// as the customer page and GET /customers/{id} list it: who decided, when, and where to see the decision.
import type { IncomingState } from './resolution';
import { readResolution } from './resolution-record';

export type LinkDecision = 'accept' | 'merge' | 'create_new';

/** The stored columns a linked record is read from (incoming_customers). */
export interface LinkedRecordSource {
  id: number;
  sourceSystem: string;
  sourceId: string | null;
  companyName: string | null;
  contactName: string | null;
  city: string | null;
  country: string | null;
  processingStatus: IncomingState;
  resolution: unknown;
  resolvedAt: Date | null;
}

export interface LinkedRecord {
  incomingId: number;
  sourceSystem: string;
  sourceId: string | null;
  companyName: string | null;
  contactName: string | null;
  city: string | null;
  country: string | null;
  decision: LinkDecision;
  /** Null when not known (some records resolved before decisions were recorded in full). */
  decidedBy: string | null;
  decidedAt: Date | null;
  /** The candidate the decision was taken on; null for a decision on the record as a whole. */
  matchId: number | null;
  /** The steward page that shows the decision: the match page, or the record page when no candidate was accepted. */
  reviewPath: string;
}

export const LINK_DECISION_LABELS: Record<LinkDecision, string> = {
  accept: 'Accepted',
  merge: 'Merged',
  create_new: 'Created this customer',
};

export function toLinkedRecord(row: LinkedRecordSource): LinkedRecord {
  const resolution = readResolution(row.resolution);
  const decision: LinkDecision =
    resolution && resolution.decision !== 'dismiss' ? resolution.decision : row.processingStatus === 'created' ? 'create_new' : 'accept';
  const matchId = resolution?.match_id ?? null;
  const recordedAt = resolution ? new Date(resolution.at) : null;
  return {
    incomingId: row.id,
    sourceSystem: row.sourceSystem,
    sourceId: row.sourceId,
    companyName: row.companyName,
    contactName: row.contactName,
    city: row.city,
    country: row.country,
    decision,
    // Records migrated from before resolutions were recorded may say "unknown".
    decidedBy: resolution && resolution.by !== 'unknown' ? resolution.by : null,
    decidedAt: recordedAt && !Number.isNaN(recordedAt.getTime()) ? recordedAt : row.resolvedAt,
    matchId,
    reviewPath: matchId !== null && decision !== 'create_new' ? `/review/${matchId}` : `/review/incoming/${row.id}`,
  };
}
