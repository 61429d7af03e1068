// Match results in the seed's response shape, plus the product's own fields (band, probability, version).
import type { MatchWithCustomer } from '../../db/queries/matches';
import type { IncomingCustomer } from '../../db/schema';
import { matchCompleteness } from '../../domain/match-completeness';
import { toIncomingResponse } from './incoming';

export function toMatchResponse({ result, customer }: MatchWithCustomer) {
  return {
    match_id: result.id,
    matched_customer_id: result.customerId,
    matched_company_name: customer.companyName,
    matched_contact_name: customer.contactName,
    matched_email: customer.email,
    matched_city: customer.city,
    matched_country: customer.country,
    similarity_score: result.similarityScore,
    match_probability: result.matchProbability,
    match_weight: result.matchWeight,
    match_type: result.matchType,
    confidence_band: result.confidenceBand,
    confidence_level: result.matchProbability,
    rank: result.rank,
    match_criteria: result.matchCriteria,
    created_date: result.createdAt.toISOString(),
    updated_date: result.updatedAt.toISOString(),
    reviewed: result.reviewed,
    review_decision: result.reviewDecision,
    reviewer: result.reviewer,
    reviewer_notes: result.reviewerNotes,
    reviewed_date: result.reviewedAt ? result.reviewedAt.toISOString() : null,
    version: result.version,
  };
}

export interface MatchListing {
  incoming: IncomingCustomer;
  matches: MatchWithCustomer[];
  processingTimeMs: number;
  likelyDuplicateCustomers?: boolean;
  /** Default: derived from the incoming record (see matchCompleteness). */
  partial?: boolean;
  warnings?: string[];
}

export function toMatchListResponse(listing: MatchListing) {
  const completeness = matchCompleteness(listing.incoming);
  return {
    incoming_customer: toIncomingResponse(listing.incoming),
    matches: listing.matches.map(toMatchResponse),
    total_matches: listing.matches.length,
    processing_time_ms: listing.processingTimeMs,
    likely_duplicate_customers: listing.likelyDuplicateCustomers ?? false,
    partial: listing.partial ?? completeness.partial,
    warnings: listing.warnings ?? completeness.warnings,
  };
}
