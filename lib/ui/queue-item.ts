// One queue row as the client grid gets it: plain serialisable values, both sides' contact details and
// the strongest evidence for and against in words.
import type { QueueContact, QueueRow } from '../services/review-queue';
import type { CandidateDecision } from '../domain/resolution';
import type { ConfidenceBand } from '../matching/types';
import { leadingConcern, leadingReason, readExplanation } from './explanation';

/** City, email and phone as the queue shows them, beside the name. */
export interface QueueSide {
  name: string;
  city: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
}

export interface QueueItem {
  resultId: number;
  incomingId: number;
  incomingName: string;
  customerId: number;
  customerName: string;
  incoming: QueueSide;
  customer: QueueSide;
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

function side(name: string | null, contact: QueueContact, fallback: string): QueueSide {
  return { name: name ?? contact.contactName ?? fallback, city: contact.city, country: contact.country, email: contact.email, phone: contact.phone };
}

export function toQueueItem(row: QueueRow): QueueItem {
  const explanation = readExplanation(row.result.matchCriteria);
  const incoming = side(row.incomingName, row.incoming, `Incoming ${row.result.incomingId}`);
  const customer = side(row.customerName, row.customer, `Customer ${row.result.customerId}`);
  return {
    resultId: row.result.id,
    incomingId: row.result.incomingId,
    incomingName: incoming.name,
    customerId: row.result.customerId,
    customerName: customer.name,
    incoming,
    customer,
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
