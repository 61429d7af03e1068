// Incoming records in the API's response shape (the seed's names), with their state and resolution.
import type { IncomingCustomer } from '../../db/schema';
import { STATE_LABELS } from '../../domain/resolution';
import { readResolution } from '../../domain/resolution-record';
import { businessFieldsResponse } from './customer';

export function toIncomingResponse(incoming: IncomingCustomer) {
  return {
    request_id: incoming.id,
    incoming_id: incoming.id,
    ...businessFieldsResponse(incoming),
    processing_status: incoming.processingStatus,
    status_label: STATE_LABELS[incoming.processingStatus],
    // Record-level decisions (POST /customers/incoming/{id}/decision) send this back as expected_version.
    version: incoming.version,
    resolved_customer_id: incoming.resolvedCustomerId,
    resolution: resolutionResponse(incoming),
    request_date: incoming.receivedAt.toISOString(),
    processed_date: incoming.processedAt ? incoming.processedAt.toISOString() : null,
    error_message: incoming.errorMessage,
    // The embedding provider was down when it was stored: matched on exact keys and trigrams only until filled.
    needs_embedding: incoming.needsEmbedding,
  };
}

export type IncomingResponse = ReturnType<typeof toIncomingResponse>;

/** How the record was resolved, or null while it is open. */
function resolutionResponse(incoming: IncomingCustomer) {
  const resolution = readResolution(incoming.resolution);
  if (!resolution) return null;
  return {
    decision: resolution.decision,
    match_id: resolution.match_id,
    customer_id: resolution.customer_id,
    by: resolution.by,
    at: resolution.at,
    notes: resolution.notes,
    merged_fields: resolution.merged ? Object.keys(resolution.merged) : undefined,
  };
}
