// What the submit page and the queue show per match: plain, serialisable data for client components.
import type { ConfidenceBand } from '../matching/types';
import { exactHoldNote, readExplanation, reasonsAgainst, reasonsFor } from './explanation';
import type { MatchCriteriaField } from '../schemas/explanation';

export interface MatchReason {
  field: string;
  level: string;
  weight: number;
  /** This field contradicts the match: the pair is high at most, never exact. */
  contradicts?: boolean;
}

export interface MatchSummary {
  resultId: number;
  customerId: number;
  customerName: string;
  customerCity: string | null;
  customerCountry: string | null;
  band: ConfidenceBand;
  probability: number;
  rank: number;
  reviewed: boolean;
  decision: string | null;
  /** The strongest evidence for the match, biggest first. */
  reasons: MatchReason[];
  /** The strongest evidence against, shown apart from the reasons for. */
  against: MatchReason[];
  /** What kept the pair out of the exact band although its probability reached it, in words, or null. */
  holdNote: string | null;
}

interface StoredMatch {
  result: {
    id: number;
    customerId: number;
    confidenceBand: ConfidenceBand;
    matchProbability: number;
    rank: number;
    reviewed: boolean;
    reviewDecision: string | null;
    matchCriteria: unknown;
  };
  customer: { companyName: string | null; contactName: string | null; city: string | null; country: string | null };
}

function toReason({ field, level, weight, contradicts }: MatchCriteriaField): MatchReason {
  return { field, level, weight, ...(contradicts ? { contradicts } : {}) };
}

export function toMatchSummary({ result, customer }: StoredMatch, reasonCount = 3): MatchSummary {
  const explanation = readExplanation(result.matchCriteria);
  return {
    resultId: result.id,
    customerId: result.customerId,
    customerName: customer.companyName ?? customer.contactName ?? `Customer ${result.customerId}`,
    customerCity: customer.city,
    customerCountry: customer.country,
    band: result.confidenceBand,
    probability: result.matchProbability,
    rank: result.rank,
    reviewed: result.reviewed,
    decision: result.reviewDecision,
    reasons: explanation ? reasonsFor(explanation, reasonCount).map(toReason) : [],
    against: explanation ? reasonsAgainst(explanation, 2).map(toReason) : [],
    holdNote: explanation ? exactHoldNote(explanation) : null,
  };
}
