// Response shapes, for the OpenAPI document and for contract tests that check real responses against them.
import { z } from 'zod';
import { CONFIDENCE_BANDS } from '../matching/types';
import { CANDIDATE_DECISIONS, INCOMING_STATES } from '../domain/resolution';
import { matchCriteriaSchema } from './explanation';

const text = z.string().nullable();
const number = z.number().nullable();
const identifiers = z.array(z.object({ type: z.string(), value: z.string(), country: z.string().nullable().optional() })).nullable();

const businessFields = {
  company_name: text,
  contact_name: text,
  email: text,
  phone: text,
  address_line1: text,
  address_line2: text,
  city: text,
  state: text,
  state_province: text,
  postal_code: text,
  country: text,
  industry: text,
  revenue: number,
  annual_revenue: number,
  employee_count: number,
  website: text,
  description: text,
  date_of_birth: text,
  identifiers,
  source_system: z.string(),
  source_id: text,
};

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const customerResponseSchema = z.object({
  customer_id: z.number().int(),
  ...businessFields,
  needs_embedding: z.boolean().describe('Stored while the embedding provider was unavailable: found by exact keys and trigrams until npm run reembed -- --pending-only fills its embeddings'),
  created_date: z.string(),
  updated_date: z.string(),
});

export const linkedRecordResponseSchema = z.object({
  incoming_id: z.number().int().describe('The source record (GET /customers/incoming/{id})'),
  source_system: z.string(),
  source_id: text,
  company_name: text,
  contact_name: text,
  city: text,
  country: text,
  decision: z.enum(['accept', 'merge', 'create_new']).describe('How it was resolved onto this customer: accepted, merged into it, or the record the customer was created from'),
  decided_by: text.describe('Who decided; null when not recorded (records resolved before decisions were recorded in full)'),
  decided_date: text,
  match_id: z.number().int().nullable().describe('The candidate the decision was taken on (GET /matches/{incoming_id} lists it); null for a decision on the record as a whole'),
  review_path: z.string().describe('The steward page showing the decision: /review/{match_id}, or /review/incoming/{incoming_id}'),
});

export const customerDetailResponseSchema = customerResponseSchema.extend({
  linked_records: z
    .array(linkedRecordResponseSchema)
    .describe('Source records resolved onto this customer (accepted, merged, or created it), most recently decided first; at most 100'),
  linked_records_total: z.number().int().describe('How many records are linked in all (more than linked_records lists when over 100)'),
});

export const incomingResponseSchema = z.object({
  request_id: z.number().int(),
  incoming_id: z.number().int(),
  ...businessFields,
  processing_status: z
    .enum(INCOMING_STATES)
    .describe('pending → matching → matched (to review) or no_match (no match: decide) → linked, created or dismissed (resolved, read-only until reopened); error when matching failed'),
  status_label: z.string().describe('The state in plain words, as the steward UI shows it'),
  version: z.number().int().describe('Send as expected_version with a record-level decision (POST /customers/incoming/{id}/decision)'),
  resolved_customer_id: z.number().int().nullable().describe('The customer a resolved record is linked to or was created as'),
  resolution: z
    .object({
      decision: z.enum(['accept', 'merge', 'create_new', 'dismiss']),
      match_id: z.number().int().nullable(),
      customer_id: z.number().int().nullable(),
      by: z.string(),
      at: z.string(),
      notes: z.string().nullable(),
      merged_fields: z.array(z.string()).optional(),
    })
    .nullable()
    .describe('How the record was resolved; null while it is open'),
  resubmitted: z.boolean().optional().describe('True when this record had been received before (same source_system and source_id, or the same content without a source_id): the existing record is returned and nothing new is stored'),
  request_date: z.string(),
  processed_date: text,
  error_message: text,
  needs_embedding: z.boolean().describe('The embedding provider was unavailable when the record was stored; its embeddings are filled later (npm run reembed -- --pending-only, or the worker)'),
});

export const matchResponseSchema = z.object({
  match_id: z.number().int(),
  matched_customer_id: z.number().int(),
  matched_company_name: text,
  matched_contact_name: text,
  matched_email: text,
  matched_city: text,
  matched_country: text,
  similarity_score: z.number().min(0).max(1),
  match_probability: z.number().min(0).max(1),
  match_weight: z.number(),
  match_type: z.enum(CONFIDENCE_BANDS),
  confidence_band: z.enum(CONFIDENCE_BANDS),
  confidence_level: z.number().min(0).max(1),
  rank: z.number().int(),
  match_criteria: matchCriteriaSchema.describe('Why: the score\'s own sum, prior then field by field, and how the candidate was found'),
  created_date: z.string(),
  updated_date: z.string(),
  reviewed: z.boolean(),
  review_decision: z.enum(CANDIDATE_DECISIONS).nullable(),
  reviewer: text,
  reviewer_notes: text,
  reviewed_date: text,
  version: z.number().int(),
});

export const matchListResponseSchema = z.object({
  incoming_customer: incomingResponseSchema,
  matches: z.array(matchResponseSchema),
  total_matches: z.number().int(),
  processing_time_ms: z.number(),
  likely_duplicate_customers: z.boolean(),
  partial: z.boolean().describe('True when the result is partial: the record has no embeddings yet, so candidates came from exact keys and name trigrams only'),
  warnings: z.array(z.string()).describe('Why the result is partial, e.g. "embedding provider unavailable: …"'),
});

export const searchResultSchema = z.array(
  z.object({ customer_id: z.number().int(), company_name: text, contact_name: text, email: text, city: text, country: text, similarity_score: z.number().min(0).max(1) }),
);

export const healthResponseSchema = z.object({
  status: z.enum(['healthy', 'degraded', 'unhealthy']).describe('degraded: serving, but problems says what is slow or partial (e.g. a vector index being rebuilt); unhealthy answers 503'),
  problems: z.array(z.string()),
  timestamp: z.string(),
  version: z.string(),
  database_connected: z.boolean(),
  openai_connected: z.boolean(),
  database: z.object({ status: z.enum(['ok', 'error']), kind: z.string(), pgvector_version: z.string().optional() }).loose(),
  embedding_provider: z.object({ name: z.string(), configured: z.boolean() }),
});

export const batchResponseSchema = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  rejected: z.number().int(),
  results: z.array(
    z.union([
      z.object({ index: z.number().int(), status: z.literal('stored'), incoming_id: z.number().int(), processing_status: z.string(), best_match: z.unknown().optional() }),
      z.object({ index: z.number().int(), status: z.literal('rejected'), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
    ]),
  ),
});

export const undoResponseSchema = z
  .object({
    effects: z.array(z.string()).describe('What changing the decision does (or, with dry_run, would do), in sentences'),
    blockers: z.array(z.string()).describe('Why it cannot be done now; empty when it can'),
    reopened_match_ids: z.array(z.number().int()),
    restored_fields: z.array(z.string()),
    kept_fields: z.array(z.string()).describe('Merged fields changed since the merge, left as they are'),
    deleted_customer_id: z.number().int().nullable(),
  })
  .nullable();

export const reviewResponseSchema = z.object({
  match: matchResponseSchema.nullable().describe('The candidate decided on, as it is now'),
  matches: z.array(matchResponseSchema).describe('Every candidate of the incoming record, with its decision'),
  incoming_customer: incomingResponseSchema,
  customer: customerResponseSchema.nullable(),
  superseded_match_ids: z.array(z.number().int()).describe('Other candidates this decision closed'),
  undo: undoResponseSchema.describe('reopen: what was undone (or would be, with dry_run)'),
  dry_run: z.boolean(),
});

export const auditResponseSchema = z.array(
  z.object({ audit_id: z.number().int(), actor: z.string(), action: z.string(), entity_type: z.string(), entity_id: z.string(), before: z.unknown(), after: z.unknown(), request_id: text, at: z.string() }),
);
